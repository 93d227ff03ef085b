import { Layout, Menu, Typography, type MenuProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';

import { useUser } from '@/features/auth/api/get-me';

import { RealtimeBridge } from '../realtime';
import { AppHeader } from './app-header';
import { navEntriesFor, selectedEntry } from './nav-items';

const NARROW = '(max-width: 991px)';

function startsNarrow(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(NARROW).matches;
}

/** One layout for every page: header (search, language, notifications, account), a side menu
 * by role (icons only below 992 px, e.g. a tablet in a meeting room) and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { data: user } = useUser();
  const [collapsed, setCollapsed] = useState(startsNarrow);

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  const entries = navEntriesFor(user, t);
  const items: MenuProps['items'] = entries.map((entry) => ({
    key: entry.path,
    icon: entry.icon,
    label: <Link to={entry.path}>{entry.label}</Link>,
  }));
  const selected = selectedEntry(entries, pathname);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#main" className="ningju-skip-link">
        {t('nav.skipToContent')}
      </a>
      <RealtimeBridge />
      <AppHeader collapsed={collapsed} onToggle={() => setCollapsed((value) => !value)} />
      <Layout hasSider>
        {/* The white panel runs the full height of the page (the sider stretches with its row);
            the menu inside stays in view while the page scrolls (.ningju-side-nav). */}
        <Layout.Sider
          theme="light"
          width={208}
          collapsedWidth={64}
          collapsible
          collapsed={collapsed}
          onBreakpoint={(broken) => setCollapsed(broken)}
          breakpoint="lg"
          trigger={null}
          style={{ borderRight: '1px solid rgba(5, 5, 5, 0.06)' }}
          data-testid="side-panel"
        >
          <nav aria-label={t('nav.main')} id="ningju-side-menu" className="ningju-side-nav">
            <Menu
              mode="inline"
              selectedKeys={selected ? [selected] : []}
              items={items}
              style={{ borderInlineEnd: 'none', paddingTop: 8 }}
              data-testid="side-menu"
            />
          </nav>
        </Layout.Sider>
        <Layout>
          <Layout.Content id="main" tabIndex={-1} style={{ padding: 24, width: '100%', maxWidth: 1280, margin: '0 auto', outline: 'none' }}>
            <Outlet />
          </Layout.Content>
          <Layout.Footer style={{ textAlign: 'center' }}>
            <Typography.Text type="secondary">{t('app.footer')}</Typography.Text>
          </Layout.Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}
