import {
  ApartmentOutlined,
  BankOutlined,
  DeploymentUnitOutlined,
  ExperimentOutlined,
  HomeOutlined,
  InteractionOutlined,
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Layout, Menu, Space, Typography, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';

import logoUrl from '@/assets/logo.svg';
import { LanguageSwitch } from '@/components/language-switch';
import { useUser } from '@/features/auth/api/get-me';
import { UserMenu } from '@/features/auth/components/user-menu';
import { NotificationBell } from '@/features/notifications/components/notification-bell';

export function AppHeader() {
  const { t } = useTranslation();
  const location = useLocation();
  const { data: user } = useUser();

  // Only pages that exist get an entry.
  const items: MenuProps['items'] = [
    { key: '/', icon: <HomeOutlined />, label: <Link to="/">{t('nav.home')}</Link> },
    { key: '/parks', icon: <BankOutlined />, label: <Link to="/parks">{t('nav.parks')}</Link> },
    { key: '/organisations', icon: <ApartmentOutlined />, label: <Link to="/organisations">{t('nav.organisations')}</Link> },
    { key: '/explorer', icon: <DeploymentUnitOutlined />, label: <Link to="/explorer">{t('nav.explorer')}</Link> },
    { key: '/matching', icon: <InteractionOutlined />, label: <Link to="/matching">{t('nav.matching')}</Link> },
    ...(user?.role
      ? [{ key: '/docking', icon: <SwapOutlined />, label: <Link to="/docking">{t('docking.nav.title')}</Link> }]
      : []),
    ...(user && ['admin', 'secretariat', 'park_staff'].includes(user.role)
      ? [{ key: '/alliance', icon: <TeamOutlined />, label: <Link to="/alliance">{t('nav.alliance')}</Link> }]
      : []),
    ...(user?.role
      ? [{ key: '/research', icon: <ExperimentOutlined />, label: <Link to="/research">{t('nav.research')}</Link> }]
      : []),
  ];
  // A detail page (/parks/12) highlights its section.
  const section = `/${location.pathname.split('/')[1] ?? ''}`;
  const selected = items.some((item) => item?.key === section) ? [section] : [];

  return (
    <Layout.Header
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 24,
        borderBottom: '1px solid rgba(5, 5, 5, 0.06)',
        position: 'sticky',
        top: 0,
        zIndex: 10,
      }}
    >
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
      <Menu
        mode="horizontal"
        selectedKeys={selected}
        items={items}
        style={{ flex: 1, minWidth: 0, borderBottom: 'none' }}
      />
      <Space size="middle" style={{ flexShrink: 0 }}>
        <LanguageSwitch />
        {user ? <NotificationBell /> : null}
        <UserMenu />
      </Space>
    </Layout.Header>
  );
}
