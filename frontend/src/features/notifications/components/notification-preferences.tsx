import { App, Card, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { usePreferences, useUpdatePreference } from '../api/preferences';
import type { NotificationPreference } from '../types';

/** Per kind: in-app always on, email optional. */
export function NotificationPreferences() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const preferences = usePreferences();
  const update = useUpdatePreference();

  return (
    <Card title={t('notifications.preferences.title')} data-testid="notification-preferences">
      <Typography.Paragraph type="secondary">{t('notifications.preferences.hint')}</Typography.Paragraph>
      <Table<NotificationPreference>
        rowKey="kind"
        size="small"
        pagination={false}
        loading={preferences.isPending}
        dataSource={preferences.data ?? []}
        columns={[
          {
            title: t('notifications.preferences.kind'),
            dataIndex: 'kind_label',
            render: (label: string, row) => (
              <>
                {label}
                {row.urgent ? (
                  <Tag color="red" bordered={false} style={{ marginInlineStart: 8 }}>
                    {t('notifications.urgent')}
                  </Tag>
                ) : null}
              </>
            ),
          },
          {
            title: t('notifications.preferences.inApp'),
            dataIndex: 'in_app',
            width: 96,
            render: (_: unknown, row) => <Switch size="small" checked disabled aria-label={`${t('notifications.preferences.inApp')} · ${row.kind_label}`} />,
          },
          {
            title: t('notifications.preferences.email'),
            dataIndex: 'email',
            width: 96,
            render: (email: boolean, row) => (
              <Switch
                size="small"
                checked={email}
                aria-label={`${t('notifications.preferences.email')} · ${row.kind_label}`}
                data-testid={`email-${row.kind}`}
                loading={update.isPending && update.variables?.kind === row.kind}
                onChange={(checked) =>
                  update.mutate(
                    { kind: row.kind, email: checked },
                    {
                      onSuccess: () => void message.success(t('notifications.preferences.saved')),
                      onError: (error) =>
                        void message.error(t('notifications.preferences.failed', { message: error.message })),
                    },
                  )
                }
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
