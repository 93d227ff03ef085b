import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useUnreadCount } from '../api/get-unread-count';
import { useLiveStatus } from '../hooks/use-live-status';
import { NotificationDrawer } from './notification-drawer';

/** Header bell: the live unread count; opens the drawer. Render it for signed-in users only. */
export function NotificationBell() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const status = useLiveStatus();
  const count = unread.data?.unread ?? 0;
  const reconnecting = status === 'reconnecting';

  return (
    <>
      <Tooltip title={reconnecting ? t('notifications.reconnecting') : t('notifications.title')}>
        <Badge count={count} size="small" overflowCount={99}>
          <Button
            type="text"
            shape="circle"
            icon={<BellOutlined style={{ fontSize: 18, opacity: reconnecting ? 0.45 : 1 }} />}
            aria-label={t('notifications.bell', { count })}
            data-testid="notification-bell"
            data-unread={count}
            data-live={status === 'open' ? 'true' : 'false'}
            onClick={() => setOpen(true)}
          />
        </Badge>
      </Tooltip>
      <NotificationDrawer open={open} onClose={() => setOpen(false)} />
    </>
  );
}
