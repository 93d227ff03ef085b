import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Grid, Layout, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import logoUrl from '@/assets/logo.svg';
import { LanguageSwitch } from '@/components/language-switch';
import { useUser } from '@/features/auth/api/get-me';
import { UserMenu } from '@/features/auth/components/user-menu';
import { NotificationBell } from '@/features/notifications/components/notification-bell';

import { GlobalSearch } from '../search/global-search';

export function AppHeader({ collapsed, onToggle }: { collapsed: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const { data: user } = useUser();
  const screens = Grid.useBreakpoint();

  return (
    <Layout.Header
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 16,
        borderBottom: '1px solid rgba(5, 5, 5, 0.06)',
        position: 'sticky',
        top: 0,
        zIndex: 10,
        paddingInline: 16,
      }}
    >
      <Button
        type="text"
        icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
        onClick={onToggle}
        aria-label={t(collapsed ? 'nav.expand' : 'nav.collapse')}
        aria-expanded={!collapsed}
        aria-controls="ningju-side-menu"
        data-testid="nav-toggle"
      />
      <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 10, flexShrink: 0 }} aria-label={t('app.title')}>
        <img src={logoUrl} alt="" width={32} height={32} />
        <span style={{ display: 'flex', flexDirection: 'column', lineHeight: 1.25 }}>
          <Typography.Text strong style={{ fontSize: 18, letterSpacing: 1 }} data-testid="brand-name">
            {t('app.name')}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} className="ningju-brand-subtitle">
            {t('app.subtitle')}
          </Typography.Text>
        </span>
      </Link>
      <div style={{ flex: 1, minWidth: 0, display: 'flex', justifyContent: 'center' }} role="search">
        {user?.role ? <GlobalSearch width={screens.xl ? 360 : screens.lg ? 280 : 200} /> : null}
      </div>
      <Space size="middle" style={{ flexShrink: 0 }}>
        <LanguageSwitch />
        {user ? <NotificationBell /> : null}
        <UserMenu />
      </Space>
    </Layout.Header>
  );
}
