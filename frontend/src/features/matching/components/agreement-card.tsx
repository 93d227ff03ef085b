import { Alert, Button, Card, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useAgreements, useConfirmAgreement, useCreateAgreement } from '../api/agreements';
import type { Agreement, IndicatorCode } from '../types';

const INDICATORS: IndicatorCode[] = ['output', 'tax', 'fixed_asset_investment', 'rd_spending'];

/** Benefit-sharing agreement versions of a project; the two parks confirm; confirmed versions
 * are read-only and a change is a new version. */
export function AgreementCard({ projectId }: { projectId: number }) {
  const { t } = useTranslation();
  const agreements = useAgreements(projectId, true);
  const create = useCreateAgreement(projectId);
  const confirm = useConfirmAgreement(projectId);
  const year = new Date().getFullYear();
  const [years, setYears] = useState<[number, number]>([year, year + 4]);
  const [shares, setShares] = useState<Record<IndicatorCode, number>>({
    output: 50,
    tax: 50,
    fixed_asset_investment: 50,
    rd_spending: 50,
    revenue: 50,
  });
  const error = agreements.error ?? create.error ?? confirm.error;

  const submit = () =>
    create.mutate({
      year_from: years[0],
      year_to: years[1],
      shares: INDICATORS.map((indicator) => ({
        indicator,
        transferring_percent: String(shares[indicator]),
        receiving_percent: String(100 - shares[indicator]),
      })),
    });

  return (
    <Card title={t('matching.agreements')} data-testid="agreement-card">
      {error ? <Alert type="error" message={error.message} style={{ marginBottom: 12 }} /> : null}
      {(agreements.data ?? []).map((a: Agreement) => (
        <Card
          key={a.id}
          size="small"
          style={{ marginBottom: 12 }}
          title={`${t('matching.version')} ${a.version} · ${a.year_from}–${a.year_to}`}
          extra={
            a.confirmed ? (
              <Tag color="green">{t('matching.confirmed')}</Tag>
            ) : (
              <Button size="small" onClick={() => confirm.mutate(a.id)} loading={confirm.isPending}>
                {t('matching.confirm')}
              </Button>
            )
          }
        >
          <Table
            size="small"
            pagination={false}
            rowKey="indicator"
            dataSource={a.shares}
            columns={[
              { title: t('matching.indicator'), dataIndex: 'indicator', render: (v: IndicatorCode) => t(`matching.indicators.${v}`) },
              { title: t('matching.transferringShare'), dataIndex: 'transferring_percent' },
              { title: t('matching.receivingShare'), dataIndex: 'receiving_percent' },
            ]}
          />
        </Card>
      ))}
      <Typography.Text strong>{t('matching.newVersion')}</Typography.Text>
      <Space wrap style={{ display: 'flex', marginTop: 8 }}>
        <InputNumber value={years[0]} min={2000} max={2100} onChange={(v) => setYears([v ?? year, years[1]])} />
        <InputNumber value={years[1]} min={2000} max={2100} onChange={(v) => setYears([years[0], v ?? year])} />
        {INDICATORS.map((indicator) => (
          <InputNumber
            key={indicator}
            min={0}
            max={100}
            step={0.01}
            addonBefore={t(`matching.indicators.${indicator}`)}
            addonAfter="%"
            value={shares[indicator]}
            onChange={(v) => setShares({ ...shares, [indicator]: v ?? 0 })}
          />
        ))}
        <Button type="primary" onClick={submit} loading={create.isPending}>
          {t('matching.createVersion')}
        </Button>
      </Space>
    </Card>
  );
}
