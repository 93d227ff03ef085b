import { Card, Col, Row, Skeleton, Statistic, Table, Tag } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { QueryState } from '@/components/query-state';
import { useActions } from '@/features/alliance/api/actions';
import { useMeetings } from '@/features/alliance/api/meetings';
import { useStats } from '@/features/docking/api/admin';
import { useSplitReport } from '@/features/matching/api/projects';
import type { TargetRow as ReportTarget } from '@/features/matching/types';

import { FigureCard } from './figure-card';
import { useTriageItems } from './home-api';
import { NextMeetingCard } from './next-meeting-card';
import { comparisonSign, formatTargetFigure } from './target-format';

/** The report's rows also say how the policy compares (">=", ">", "~" for 近). */
type TargetRow = ReportTarget & { comparison?: string };

const TargetsChart = lazy(() => import('./targets-chart'));
const OVERDUE = { overdue: 'true' };

function DockingStatsCard() {
  const { t } = useTranslation();
  const stats = useStats('', '');
  return (
    <Card
      title={<h2 className="ningju-card-title">{t('home.dockingStats')}</h2>}
      extra={<Link to="/docking/stats">{t('home.all')}</Link>}
      style={{ height: '100%' }}
      data-testid="home-docking-stats"
    >
      <QueryState query={stats}>
        {(s) => (
          <Row gutter={[16, 16]}>
            <Col span={12}>
              <Link to="/docking/stats">
                <Statistic title={t('home.postingsTotal')} value={s.postings_total} />
              </Link>
            </Col>
            <Col span={12}>
              <Link to="/docking/requests">
                <Statistic title={t('home.requestsTotal')} value={s.requests_total} />
              </Link>
            </Col>
            <Col span={12}>
              <Link to="/docking/stats">
                <Statistic
                  title={t('home.acceptanceRate')}
                  value={s.acceptance_rate === null ? '—' : Math.round(s.acceptance_rate * 100)}
                  suffix={s.acceptance_rate === null ? undefined : '%'}
                />
              </Link>
            </Col>
            <Col span={12}>
              <Link to="/docking/stats">
                <Statistic title={t('home.agreements')} value={s.agreements} />
              </Link>
            </Col>
          </Row>
        )}
      </QueryState>
    </Card>
  );
}

function TargetsCard() {
  const { t, i18n } = useTranslation();
  const report = useSplitReport('');
  const language = i18n.language;
  const english = language === 'en';
  return (
    <Card
      title={<h2 className="ningju-card-title">{t('home.targets')}</h2>}
      extra={<Link to="/matching/split-report">{t('home.all')}</Link>}
      data-testid="home-targets"
    >
      <QueryState query={report} isEmpty={(r) => r.targets.length === 0} rows={6}>
        {(r) => (
          <Row gutter={[24, 16]}>
            <Col xs={24}>
              <Suspense fallback={<Skeleton active paragraph={{ rows: 5 }} />}>
                <TargetsChart rows={r.targets} />
              </Suspense>
            </Col>
            <Col xs={24}>
              <Table<TargetRow>
                size="small"
                rowKey="code"
                pagination={false}
                dataSource={r.targets}
                columns={[
                  {
                    title: t('home.indicator'),
                    key: 'name',
                    render: (_, row) => (english ? row.name_en : row.name),
                  },
                  {
                    title: t('home.target2025'),
                    key: 'target',
                    align: 'right',
                    render: (_, row) =>
                      `${comparisonSign(row.comparison)} ${formatTargetFigure(row.target, row.unit, language, t)}`,
                  },
                  {
                    title: t('home.jointContribution'),
                    key: 'contribution',
                    align: 'right',
                    render: (_, row) =>
                      row.joint_projects_contribution === null ? (
                        <Tag>{t('home.notTracked')}</Tag>
                      ) : (
                        <Link to="/matching/split-report" data-testid={`home-target-${row.code}`}>
                          {formatTargetFigure(row.joint_projects_contribution, row.unit, language, t)}
                        </Link>
                      ),
                  },
                ]}
              />
            </Col>
          </Row>
        )}
      </QueryState>
    </Card>
  );
}

/** 联席会议秘书处: the alliance at a glance. */
export function SecretariatHome() {
  const { t } = useTranslation();
  const meetings = useMeetings();
  const triage = useTriageItems(meetings.data);
  const overdue = useActions(OVERDUE);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={12} xxl={6}>
        <FigureCard
          title={t('home.toTriage')}
          testId="home-to-triage"
          query={triage}
          count={(rows) => rows.length}
          rows={(rows) =>
            rows.map((item) => ({
              key: item.id,
              to: `/alliance/meetings/${item.meeting_id}`,
              title: item.title,
              extra: item.park?.name,
            }))
          }
          to="/alliance"
          empty={t('home.noTriage')}
        />
      </Col>
      <Col xs={24} md={12} xxl={6}>
        <FigureCard
          title={t('home.overdueActions')}
          testId="home-overdue-actions"
          query={overdue}
          count={(rows) => rows.length}
          rows={(rows) =>
            rows.map((a) => ({
              key: a.id,
              to: `/alliance/actions/${a.id}`,
              title: a.text,
              extra: <Tag color="red">{[a.owner_park?.name, a.owner_unit].filter(Boolean).join(' · ') || a.deadline}</Tag>,
            }))
          }
          to="/alliance/actions"
          empty={t('home.noOverdue')}
        />
      </Col>
      <Col xs={24} md={12} xxl={6}>
        <NextMeetingCard />
      </Col>
      {/* The four figures in a grid of equal cards, then the targets across the page: no card
          is stretched to the height of a taller neighbour and left half empty. */}
      <Col xs={24} md={12} xxl={6}>
        <DockingStatsCard />
      </Col>
      <Col xs={24}>
        <TargetsCard />
      </Col>
    </Row>
  );
}
