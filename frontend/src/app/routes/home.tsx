import { Button, Skeleton, Space, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

import { PageSpinner } from '@/components/page-spinner';
import { useUser } from '@/features/auth/api/get-me';
import type { User } from '@/features/auth/types';
import { HealthPanel } from '@/features/health/components/health-panel';

// Each role's home is its own chunk: a park official does not download the secretariat's
// tables, and nobody downloads the pages of roles they do not have.
const SecretariatHome = lazy(() => import('../home/secretariat-home').then((m) => ({ default: m.SecretariatHome })));
const ParkStaffHome = lazy(() => import('../home/park-staff-home').then((m) => ({ default: m.ParkStaffHome })));
const ResearcherHome = lazy(() => import('../home/researcher-home').then((m) => ({ default: m.ResearcherHome })));
const OrgHome = lazy(() => import('../home/org-home').then((m) => ({ default: m.OrgHome })));

function RoleHome({ user }: { user: User }) {
  return (
    <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
      <RoleHomeFor user={user} />
    </Suspense>
  );
}

function RoleHomeFor({ user }: { user: User }) {
  const { t } = useTranslation();
  switch (user.role) {
    case 'secretariat':
    case 'admin':
      return <SecretariatHome />;
    case 'park_staff':
      return <ParkStaffHome user={user} />;
    case 'researcher':
      return <ResearcherHome />;
    case 'org_user':
      return <OrgHome />;
    default:
      return <Typography.Paragraph type="secondary">{t('home.noRole')}</Typography.Paragraph>;
  }
}

/** After sign-in: what needs this person today, by role. Before: the platform and its health. */
export function HomeRoute() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();

  if (user.isPending) {
    return <PageSpinner tip={t('auth.checking')} />;
  }
  if (user.data) {
    const who = user.data;
    const where = who.park?.name ?? who.organisation?.name;
    return (
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <div>
          <Typography.Title level={1} style={{ marginBottom: 4, fontSize: 26 }} data-testid="home-greeting">
            {t('home.greeting', { name: who.display_name || who.username })}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="home-role">
            {[t(`roles.${who.role}`, { defaultValue: who.role_label }), where].filter(Boolean).join(' · ')}
          </Typography.Text>
        </div>
        <RoleHome user={who} />
        {who.role === 'admin' ? <HealthPanel /> : null}
      </Space>
    );
  }
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div style={{ padding: '8px 0 0' }}>
        <Typography.Title level={1} style={{ marginBottom: 8, fontSize: 30 }} data-testid="platform-title">
          {t('app.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ fontSize: 16, marginBottom: 16 }}>
          {t('app.tagline')}
        </Typography.Paragraph>
        <Button type="primary" size="large" onClick={() => navigate('/login')}>
          {t('home.signInToStart')}
        </Button>
      </div>
      <HealthPanel />
    </Space>
  );
}
