import { Alert, Button, Card, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useNotifications } from '../api/get-notifications';
import { useMarkAllRead } from '../api/mark-read';
import { usePreferences } from '../api/preferences';
import { NotificationList } from './notification-list';
import { NotificationPreferences } from './notification-preferences';

export const PAGE_SIZE = 20;

/** All of the user's notifications, filtered by kind and unread, and their preferences. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<string | undefined>();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const list = useNotifications({ kind, unread: unreadOnly ? true : undefined, page, pageSize: PAGE_SIZE });
  const kinds = usePreferences();
  const markAll = useMarkAllRead();
  const rows = list.data?.results ?? [];

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="notifications-page">
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('notifications.title')}
          </Typography.Title>
        }
        extra={
          <Space wrap>
            <Select
              allowClear
              style={{ minWidth: 180 }}
              placeholder={t('notifications.allKinds')}
              aria-label={t('notifications.kindFilter')}
              data-testid="kind-filter"
              value={kind}
              options={(kinds.data ?? []).map((row) => ({ value: row.kind, label: row.kind_label }))}
              onChange={(value?: string) => {
                setKind(value);
                setPage(1);
              }}
            />
            <Space size={6}>
              <Switch
                size="small"
                checked={unreadOnly}
                aria-label={t('notifications.unreadOnly')}
                data-testid="unread-only"
                onChange={(checked) => {
                  setUnreadOnly(checked);
                  setPage(1);
                }}
              />
              <Typography.Text>{t('notifications.unreadOnly')}</Typography.Text>
            </Space>
            <Button
              onClick={() => markAll.mutate(undefined)}
              loading={markAll.isPending}
              disabled={!rows.some((row) => !row.read_at)}
            >
              {t('notifications.markAllRead')}
            </Button>
          </Space>
        }
      >
        {list.isError ? (
          <Alert type="error" showIcon message={t('notifications.loadFailed', { message: list.error.message })} />
        ) : (
          <NotificationList
            items={rows}
            loading={list.isPending}
            pagination={
              (list.data?.count ?? 0) > PAGE_SIZE
                ? { current: page, pageSize: PAGE_SIZE, total: list.data?.count, onChange: setPage, showSizeChanger: false }
                : false
            }
          />
        )}
      </Card>
      <NotificationPreferences />
    </Space>
  );
}
