import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Dropdown, Row, Space, Spin, Statistic, Table, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { statsDownloadUrl, useStats, useVocabulary } from '../api/admin';
import type { ParkBucket } from '../types';

const StatsChart = lazy(() => import('./stats-chart'));

const TABLES = ['summary', 'kinds', 'parks', 'postings'] as const;

/** /docking/stats: the secretariat's figures, two bar charts and the CSV / Excel downloads. */
export function StatsPage() {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const [range, setRange] = useState({ since: '', until: '' });
  const stats = useStats(range.since, range.until);
  const s = stats.data;

  const kindBars = useMemo(
    () =>
      Object.entries(s?.postings_by_kind ?? {})
        .map(([kind, value]) => ({ name: vocabulary.data?.kinds.find((k) => k.value === kind)?.label ?? kind, value }))
        .sort((a, b) => b.value - a.value),
    [s, vocabulary.data],
  );
  const parkBars = useMemo(() => {
    const parkName = (row: ParkBucket) =>
      row.bucket === 'anonymous'
        ? t('docking.posting.anonymousOwner')
        : row.bucket === 'no_park'
          ? t('docking.stats.noPark')
          : (row.park ?? '—');
    return (s?.postings_by_park ?? []).slice(0, 15).map((row) => ({ name: parkName(row), value: row.count }));
  }, [s, t]);

  const rate = s?.acceptance_rate == null ? '—' : `${(s.acceptance_rate * 100).toFixed(1)}%`;
  const hours = s?.median_hours_to_first_answer == null ? '—' : s.median_hours_to_first_answer.toFixed(1);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="stats-page">
      <Card
        title={t('docking.stats.title')}
        extra={
          <Space wrap>
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              onChange={(_, [since, until]) => setRange({ since: since ?? '', until: until ?? '' })}
              placeholder={[t('docking.stats.since'), t('docking.stats.until')]}
            />
            <Dropdown
              menu={{
                items: TABLES.map((table) => ({
                  key: table,
                  label: (
                    <a href={statsDownloadUrl('csv', range, table)} download data-testid={`csv-${table}`}>
                      {t(`docking.stats.tables.${table}`)}
                    </a>
                  ),
                })),
              }}
            >
              <Button icon={<DownloadOutlined />} data-testid="download-csv">
                CSV
              </Button>
            </Dropdown>
            <a href={statsDownloadUrl('xlsx', range)} download data-testid="download-xlsx">
              <Button icon={<DownloadOutlined />}>Excel</Button>
            </a>
          </Space>
        }
      >
        {stats.error ? <Alert type="error" showIcon message={stats.error.message} style={{ marginBottom: 12 }} /> : null}
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Statistic title={t('docking.stats.postings')} value={s?.postings_total ?? '—'} loading={stats.isLoading} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('docking.stats.requests')} value={s?.requests_total ?? '—'} loading={stats.isLoading} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('docking.stats.answered')} value={s?.requests_answered ?? '—'} loading={stats.isLoading} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('docking.stats.acceptanceRate')} value={rate} loading={stats.isLoading} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('docking.stats.medianHours')} value={hours} loading={stats.isLoading} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('docking.stats.accepted')} value={s?.requests_accepted ?? '—'} loading={stats.isLoading} />
          </Col>
          <Col xs={12} md={6} data-testid="stat-agreements">
            <Statistic title={t('docking.stats.agreements')} value={s?.agreements ?? '—'} loading={stats.isLoading} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('docking.stats.projects')} value={s?.projects_created ?? '—'} loading={stats.isLoading} />
          </Col>
        </Row>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('docking.stats.byKind')} size="small">
            <Suspense fallback={<Spin />}>
              {kindBars.length ? <StatsChart bars={kindBars} testId="chart-kinds" /> : <Typography.Text type="secondary">—</Typography.Text>}
            </Suspense>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('docking.stats.byPark')} size="small">
            <Suspense fallback={<Spin />}>
              {parkBars.length ? <StatsChart bars={parkBars} testId="chart-parks" /> : <Typography.Text type="secondary">—</Typography.Text>}
            </Suspense>
          </Card>
        </Col>
      </Row>
      <Card title={t('docking.stats.byStatus')} size="small">
        <Table
          size="small"
          pagination={false}
          rowKey="status"
          dataSource={Object.entries(s?.postings_by_status ?? {}).map(([status, count]) => ({
            status,
            label: vocabulary.data?.posting_statuses.find((x) => x.value === status)?.label ?? status,
            count,
          }))}
          columns={[
            { title: t('docking.filters.status'), dataIndex: 'label' },
            { title: t('docking.stats.count'), dataIndex: 'count' },
          ]}
        />
      </Card>
    </Space>
  );
}
