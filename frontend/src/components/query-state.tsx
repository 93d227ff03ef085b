import { Alert, Button, Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type QueryLike<T> = {
  data: T | undefined;
  isPending: boolean;
  isError: boolean;
  error: Error | null;
  refetch: () => unknown;
};

/**
 * The one way a block shows a query: a skeleton while it loads, an error that says what to do
 * (with a retry), an empty state, or the content.
 */
export function QueryState<T>({
  query,
  isEmpty,
  empty,
  rows = 3,
  children,
}: {
  query: QueryLike<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  rows?: number;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) {
    return <Skeleton active title={false} paragraph={{ rows }} data-testid="loading-skeleton" />;
  }
  if (query.isError || query.data === undefined) {
    return <ErrorNotice message={query.error?.message} onRetry={() => void query.refetch()} />;
  }
  if (isEmpty?.(query.data)) {
    return <EmptyState description={empty} />;
  }
  return <>{children(query.data)}</>;
}

export function EmptyState({ description }: { description?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={description ?? t('common.empty')}
      data-testid="empty-state"
    />
  );
}

/** A failed load: what happened and what to do next. */
export function ErrorNotice({ message, onRetry }: { message?: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      message={message || t('errors.loadFailed')}
      description={t('errors.whatToDo')}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null
      }
      data-testid="error-notice"
    />
  );
}
