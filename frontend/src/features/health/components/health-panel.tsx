import { Alert, Card, List, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { useHealth } from '../api/get-health';
import type { HealthPart, OverallStatus } from '../types';
import { PartStatusTag } from './part-status-tag';

const PART_KEYS = {
  database: 'health.parts.database',
  redis: 'health.parts.redis',
  channel_layer: 'health.parts.channel_layer',
  neo4j: 'health.parts.neo4j',
  celery: 'health.parts.celery',
} as const;

const OVERALL = {
  ok: { type: 'success', key: 'health.overall.ok' },
  degraded: { type: 'warning', key: 'health.overall.degraded' },
} as const;

function usePartLabel() {
  const { t } = useTranslation();
  return (part: HealthPart) => {
    const key = PART_KEYS[part.name as keyof typeof PART_KEYS] as (typeof PART_KEYS)[keyof typeof PART_KEYS] | undefined;
    return key ? t(key) : (part.label ?? part.name);
  };
}

function formatTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', {
    dateStyle: 'medium',
    timeStyle: 'medium',
  }).format(date);
}

function formatLatency(ms: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 2 }).format(ms);
}

/** Live status of every part of the platform, polled every 5 s. */
export function HealthPanel() {
  const { t, i18n } = useTranslation();
  const partLabel = usePartLabel();
  const health = useHealth();
  const report = health.data;

  let overall: ReactNode;
  if (report) {
    const look = OVERALL[report.status as OverallStatus] ?? OVERALL.degraded;
    const up = report.parts.filter((part) => part.status === 'up').length;
    overall = (
      <Alert
        data-testid="health-overall"
        data-status={report.status}
        type={look.type}
        showIcon
        message={
          <Space wrap>
            <Typography.Text strong>{t(look.key)}</Typography.Text>
            <Typography.Text type="secondary">
              {up} / {report.parts.length}
            </Typography.Text>
          </Space>
        }
        description={t('health.checkedAt', { time: formatTime(report.checked_at, i18n.language) })}
      />
    );
  } else if (health.isError) {
    overall = (
      <Alert
        data-testid="health-overall"
        data-status="unreachable"
        type="error"
        showIcon
        message={t('health.overall.unreachable')}
        description={health.error.message}
      />
    );
  } else {
    overall = (
      <Alert data-testid="health-overall" data-status="loading" type="info" showIcon message={t('health.loading')} />
    );
  }

  return (
    <Card
      title={t('health.title')}
      extra={<Typography.Text type="secondary">{t('health.autoRefresh')}</Typography.Text>}
      data-testid="health-panel"
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {overall}
        {report && (
          <List<HealthPart>
            dataSource={report.parts}
            rowKey="name"
            bordered
            renderItem={(part) => (
              <List.Item
                data-testid={`health-part-${part.name}`}
                data-status={part.status}
                extra={<PartStatusTag status={part.status} />}
              >
                <List.Item.Meta
                  title={
                    <Space size="small" wrap>
                      <span>{partLabel(part)}</span>
                      <Tag bordered={false}>{part.required ? t('health.required') : t('health.optional')}</Tag>
                    </Space>
                  }
                  description={
                    <Space size="middle" wrap>
                      {part.latency_ms != null && (
                        <Typography.Text type="secondary" data-testid="part-latency">
                          {t('health.latency', { ms: formatLatency(part.latency_ms, i18n.language) })}
                        </Typography.Text>
                      )}
                      {part.detail && (
                        <Typography.Text
                          type={part.status === 'down' ? 'danger' : 'secondary'}
                          code={part.status !== 'down'}
                          data-testid="part-detail"
                        >
                          {part.detail}
                        </Typography.Text>
                      )}
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Space>
    </Card>
  );
}
