import { Button, Card, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useSplitReport } from '../api/projects';
import type { IndicatorCode, SplitTotal, TargetRow } from '../types';

/** Split accounting: attributed figures per park, indicator and year, and the 2025 targets. */
export function SplitReportPage() {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  const [year, setYear] = useState('');
  const report = useSplitReport(year);

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="split-report">
      <Card
        title={t('matching.splitReport')}
        extra={
          <Space>
            <Input
              placeholder={t('matching.year')}
              value={year}
              onChange={(e) => setYear(e.target.value.replace(/\D/g, '').slice(0, 4))}
              style={{ width: 100 }}
            />
            <Button href={`/api/matching/split-report.xlsx${year ? `?year=${year}` : ''}`}>
              {t('matching.exportExcel')}
            </Button>
          </Space>
        }
      >
        {report.error ? <Typography.Text type="danger">{report.error.message}</Typography.Text> : null}
        <Typography.Paragraph type="secondary">{t('matching.roundingNote')}</Typography.Paragraph>
        <Table<SplitTotal>
          rowKey={(r) => `${r.park_id}-${r.year}-${r.indicator}`}
          loading={report.isLoading}
          dataSource={report.data?.totals ?? []}
          columns={[
            { title: t('matching.park'), dataIndex: 'park_name' },
            { title: t('matching.year'), dataIndex: 'year' },
            { title: t('matching.indicator'), dataIndex: 'indicator', render: (v: IndicatorCode) => t(`matching.indicators.${v}`) },
            { title: t('matching.attributed'), dataIndex: 'attributed_wan' },
          ]}
        />
      </Card>
      {report.data?.targets.length ? (
        <Card title={t('matching.targets')}>
          <Table<TargetRow>
            rowKey="code"
            pagination={false}
            dataSource={report.data.targets}
            columns={[
              { title: t('matching.indicator'), key: 'name', render: (_: unknown, r) => (english ? r.name_en : r.name) },
              { title: t('matching.target'), key: 'target', render: (_: unknown, r) => `${r.target} ${r.unit}` },
              { title: t('matching.contribution'), dataIndex: 'joint_projects_contribution', render: (v: string | null) => v ?? '—' },
            ]}
          />
        </Card>
      ) : null}
    </Space>
  );
}
