import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';

import { useDockingViewer } from '../hooks/use-docking-viewer';

/** The sub-sections of 在线对接; the secretariat's own two only for the secretariat. */
export function DockingNav() {
  const { t } = useTranslation();
  const viewer = useDockingViewer();
  const { pathname } = useLocation();
  const entries: [string, string][] = [
    ['/docking', t('docking.nav.market')],
    ...(viewer.canWrite ? ([['/docking/mine', t('docking.nav.mine')]] as [string, string][]) : []),
    ['/docking/requests', t('docking.nav.requests')],
    ['/docking/threads', t('docking.nav.threads')],
    ['/docking/searches', t('docking.nav.searches')],
    ...(viewer.isSecretariat
      ? ([
          ['/docking/review', t('docking.nav.review')],
          ['/docking/stats', t('docking.nav.stats')],
        ] as [string, string][])
      : []),
  ];
  const items: MenuProps['items'] = entries.map(([key, label]) => ({ key, label: <Link to={key}>{label}</Link> }));
  const section = pathname.split('/').slice(0, 3).join('/');
  const selected = entries.some(([key]) => key === section)
    ? section
    : pathname.startsWith('/docking/postings')
      ? '/docking'
      : '';
  return (
    <Menu
      mode="horizontal"
      items={items}
      selectedKeys={selected ? [selected] : []}
      style={{ marginBottom: 16, background: 'transparent' }}
      data-testid="docking-nav"
    />
  );
}
