import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { HealthPanel } from '@/features/health/components/health-panel';

export function HomeRoute() {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div style={{ padding: '8px 0 0' }}>
        <Typography.Title level={2} style={{ marginBottom: 8 }} data-testid="platform-title">
          {t('app.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ fontSize: 16, marginBottom: 0 }}>
          {t('app.tagline')}
        </Typography.Paragraph>
      </div>
      <HealthPanel />
    </Space>
  );
}
