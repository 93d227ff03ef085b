import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';

import { PageSpinner } from '@/components/page-spinner';

import { useUser } from '../api/get-me';
import { loginPathFor } from '../hooks/use-next-path';

/** Route guard: anonymous visitors go to /login?next=<here>. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const user = useUser();

  if (user.isPending) {
    return <PageSpinner tip={t('auth.checking')} />;
  }
  if (user.isError) {
    return (
      <Result
        status="warning"
        title={user.error.message}
        extra={
          <Button type="primary" onClick={() => void user.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!user.data) {
    return <Navigate to={loginPathFor(location)} replace />;
  }
  return children;
}
