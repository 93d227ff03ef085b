import { Alert, Button, Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { useNotifications } from '../api/get-notifications';
import { useMarkAllRead } from '../api/mark-read';
import { NotificationList } from './notification-list';

export const DRAWER_PAGE_SIZE = 20;

/** The newest notifications, opened from the bell. */
export function NotificationDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const list = useNotifications({ pageSize: DRAWER_PAGE_SIZE }, { enabled: open });
  const markAll = useMarkAllRead();
  const rows = list.data?.results ?? [];
  const anyUnread = rows.some((row) => !row.read_at);

  return (
    <Drawer
      title={t('notifications.title')}
      open={open}
      onClose={onClose}
      width={440}
      data-testid="notification-drawer"
      extra={
        <Button
          size="small"
          disabled={!anyUnread}
          loading={markAll.isPending}
          data-testid="mark-all-read"
          // Only what the user has seen: one arriving meanwhile stays unread.
          onClick={() => markAll.mutate(rows[0]?.id)}
        >
          {t('notifications.markAllRead')}
        </Button>
      }
      footer={
        <Link to="/notifications" onClick={onClose} data-testid="view-all-notifications">
          {t('notifications.viewAll')}
        </Link>
      }
    >
      {list.isError ? (
        <Alert type="error" showIcon message={t('notifications.loadFailed', { message: list.error.message })} />
      ) : (
        <NotificationList items={rows} loading={list.isPending} onNavigate={onClose} />
      )}
    </Drawer>
  );
}
