import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router-dom';

import { PageSpinner } from '@/components/page-spinner';
import { useUser } from '@/features/auth/api/get-me';
import { LoginForm } from '@/features/auth/components/login-form';
import { useNextPath } from '@/features/auth/hooks/use-next-path';

export function LoginRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const next = useNextPath();
  const user = useUser();

  if (user.isPending) {
    return <PageSpinner tip={t('auth.checking')} />;
  }
  if (user.data) {
    return <Navigate to={next} replace />;
  }

  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: '48px 0' }}>
      <Card style={{ width: '100%', maxWidth: 420 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('auth.loginTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('auth.loginSubtitle')}</Typography.Paragraph>
        <LoginForm onSuccess={() => void navigate(next, { replace: true })} />
      </Card>
    </div>
  );
}
