import { Alert, Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { PageSpinner } from '@/components/page-spinner';
import { ApiError } from '@/lib/api-client';

/** Loading, not found and failed states shared by the detail pages. */
export function DetailFallback({
  error,
  isPending,
  notFoundText,
  backTo,
  backText,
}: {
  error: Error | null;
  isPending: boolean;
  notFoundText: string;
  backTo: string;
  backText: string;
}) {
  const { t } = useTranslation();
  if (isPending) return <PageSpinner />;
  if (error instanceof ApiError && error.status === 404) {
    return (
      <Result
        status="404"
        title="404"
        subTitle={notFoundText}
        extra={
          <Link to={backTo}>
            <Button type="primary">{backText}</Button>
          </Link>
        }
      />
    );
  }
  return <Alert type="error" showIcon message={t('network.loadFailed')} description={error?.message} />;
}
