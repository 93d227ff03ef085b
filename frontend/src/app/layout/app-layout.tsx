import { Layout, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';

import { RealtimeBridge } from '../realtime';
import { AppHeader } from './app-header';

export function AppLayout() {
  const { t } = useTranslation();

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <RealtimeBridge />
      <AppHeader />
      <Layout.Content style={{ padding: '24px', width: '100%', maxWidth: 1200, margin: '0 auto' }}>
        <Outlet />
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }}>
        <Typography.Text type="secondary">{t('app.footer')}</Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
