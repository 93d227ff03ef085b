import { Alert, Button, Card, Descriptions, Input, List, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { formatNumber } from '@/lib/format-number';

import { useFeedback, useMatches, useProject, useRunMatching, useTransition } from '../api/projects';
import type { MatchRow, ProjectStatus } from '../types';
import { AgreementCard } from './agreement-card';
import { FactorBreakdown } from './factor-breakdown';

const NEXT: Record<ProjectStatus, ProjectStatus[]> = {
  draft: ['open', 'withdrawn'],
  open: ['negotiating', 'withdrawn'],
  negotiating: ['signed', 'open', 'withdrawn'],
  signed: ['landed', 'withdrawn'],
  landed: [],
  withdrawn: [],
};

export function ProjectDetail({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  const project = useProject(id);
  const canSeeMatches = project.data?.confidential != null;
  const matches = useMatches(id, canSeeMatches);
  const transition = useTransition(id);
  const run = useRunMatching(id);
  const feedback = useFeedback(id);
  const [reason, setReason] = useState('');

  const names = useMemo(() => {
    const out: Record<string, string> = {};
    for (const row of matches.data?.results ?? []) out[row.park.uid] = row.park.name;
    if (project.data) out[`park:${project.data.park.id}`] = project.data.park.name;
    return out;
  }, [matches.data, project.data]);

  if (project.error) return <Alert type="error" message={project.error.message} />;
  if (!project.data) return <Card loading />;
  const p = project.data;
  const error = transition.error ?? run.error ?? feedback.error;

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="project-detail">
      <Card title={<span data-testid="project-title">{p.title}</span>} extra={<Tag>{t(`matching.statuses.${p.status}`)}</Tag>}>
        {error ? <Alert type="error" message={error.message} style={{ marginBottom: 12 }} /> : null}
        <Descriptions size="small" column={2}>
          <Descriptions.Item label={t('matching.park')}>{p.park.name}</Descriptions.Item>
          <Descriptions.Item label={t('matching.industry')}>{p.industry.name}</Descriptions.Item>
          <Descriptions.Item label={t('matching.positioning')}>{t(`matching.${p.positioning}`)}</Descriptions.Item>
          <Descriptions.Item label={t('matching.land')}>{formatNumber(p.land_mu, i18n.language)}</Descriptions.Item>
          <Descriptions.Item label={t('matching.space')}>{formatNumber(p.space_m2, i18n.language)}</Descriptions.Item>
          {p.partner_park ? (
            <Descriptions.Item label={t('matching.partnerPark')}>{p.partner_park.name}</Descriptions.Item>
          ) : null}
          {p.confidential ? (
            <Descriptions.Item label={t('matching.investment')}>
              {formatNumber(p.confidential.investment_wan, i18n.language)}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        <Space wrap style={{ marginTop: 16 }}>
          {NEXT[p.status].map((status) => (
            <Button key={status} onClick={() => transition.mutate(status)} loading={transition.isPending}>
              {t('matching.moveTo', { status: t(`matching.statuses.${status}`) })}
            </Button>
          ))}
          {p.status === 'open' || p.status === 'negotiating' ? (
            <Button type="primary" onClick={() => run.mutate()} loading={run.isPending} data-testid="run-matching">
              {t('matching.runMatching')}
            </Button>
          ) : null}
        </Space>
      </Card>
      {canSeeMatches ? (
        <Card title={t('matching.matches')} data-testid="match-card">
          <Input
            placeholder={t('matching.declineReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            style={{ marginBottom: 12, maxWidth: 420 }}
          />
          <Table<MatchRow>
            rowKey={(r) => r.park.id}
            loading={matches.isLoading}
            dataSource={matches.data?.results ?? []}
            pagination={false}
            expandable={{ expandedRowRender: (r) => <FactorBreakdown factors={r.factors} names={names} /> }}
            columns={[
              { title: t('matching.rank'), dataIndex: 'rank', width: 70 },
              { title: t('matching.park'), key: 'park', render: (_: unknown, r) => r.park.name },
              { title: t('matching.score'), dataIndex: 'score', width: 90 },
              {
                title: t('matching.answers'),
                key: 'answers',
                render: (_: unknown, r) => (
                  <Space>
                    {(['owner', 'candidate'] as const).map((side) =>
                      r.feedback[side] ? (
                        <Tag key={side} color={r.feedback[side].response === 'interest' ? 'green' : 'red'}>
                          {t(`matching.sides.${side}`)}: {t(`matching.responses.${r.feedback[side].response}`)}
                        </Tag>
                      ) : null,
                    )}
                  </Space>
                ),
              },
              {
                title: '',
                key: 'act',
                render: (_: unknown, r) => (
                  <Space>
                    <Button size="small" onClick={() => feedback.mutate({ park: r.park.id, response: 'interest' })}>
                      {t('matching.interest')}
                    </Button>
                    <Button
                      size="small"
                      danger
                      disabled={!reason.trim()}
                      onClick={() => feedback.mutate({ park: r.park.id, response: 'decline', reason })}
                    >
                      {t('matching.decline')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
          {matches.data?.run?.excluded.length ? (
            <List
              header={<Typography.Text strong>{t('matching.excluded')}</Typography.Text>}
              size="small"
              data-testid="excluded"
              dataSource={matches.data.run.excluded}
              renderItem={(e) => (
                <List.Item>
                  {e.park_name}: {english ? e.reason_en : e.reason_zh}
                </List.Item>
              )}
            />
          ) : null}
        </Card>
      ) : null}
      {canSeeMatches && p.partner_park && p.status !== 'withdrawn' ? <AgreementCard projectId={id} /> : null}
    </Space>
  );
}
