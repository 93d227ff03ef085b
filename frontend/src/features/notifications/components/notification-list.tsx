import { Badge, Button, List, Space, Tag, Typography, type PaginationProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

import { formatTime } from '@/lib/format-time';

import { useMarkRead } from '../api/mark-read';
import type { Notification } from '../types';

type Props = {
  items: Notification[];
  loading?: boolean;
  pagination?: PaginationProps | false;
  /** Called after an item with a link was opened (the drawer closes itself). */
  onNavigate?: () => void;
};

/** Notifications as a list: unread ones marked, a click opens the link and marks it read. */
export function NotificationList({ items, loading, pagination = false, onNavigate }: Props) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const markRead = useMarkRead();

  const open = (row: Notification) => {
    if (!row.read_at) {
      markRead.mutate(row.id);
    }
    if (row.link) {
      onNavigate?.();
      void navigate(row.link);
    }
  };

  return (
    <List
      data-testid="notification-list"
      loading={loading}
      dataSource={items}
      pagination={pagination}
      locale={{ emptyText: t('notifications.empty') }}
      renderItem={(row) => (
        <List.Item
          key={row.id}
          data-testid="notification-item"
          data-id={row.id}
          data-read={row.read_at ? 'true' : 'false'}
          style={{ cursor: row.link ? 'pointer' : undefined, paddingInline: 8 }}
          onClick={() => open(row)}
          actions={
            row.read_at
              ? []
              : [
                  <Button
                    key="read"
                    type="link"
                    size="small"
                    onClick={(event) => {
                      event.stopPropagation();
                      markRead.mutate(row.id);
                    }}
                  >
                    {t('notifications.markRead')}
                  </Button>,
                ]
          }
        >
          <List.Item.Meta
            avatar={<Badge status={row.read_at ? 'default' : 'processing'} />}
            title={
              <Space size={6} wrap>
                <Typography.Text strong={!row.read_at}>{row.title}</Typography.Text>
                <Tag color={row.urgent ? 'red' : 'blue'} bordered={false}>
                  {row.kind_label}
                </Tag>
              </Space>
            }
            description={
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                {row.body ? (
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                    {row.body}
                  </Typography.Paragraph>
                ) : null}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatTime(row.created, i18n.language)}
                </Typography.Text>
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}
