import { CalendarOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useCalendarSubscription, useRegenerateCalendar, type FeedScope } from '../api/meetings';
import type { Viewer } from '../types';

function FeedRow({ feed, label }: { feed: FeedScope; label: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const subscription = useCalendarSubscription(feed);
  const regenerate = useRegenerateCalendar(feed);
  return (
    <Space direction="vertical" size={0} style={{ width: '100%' }} data-testid={`calendar-${feed.scope}`}>
      <Typography.Text strong>{label}</Typography.Text>
      <Space wrap>
        <Typography.Text code copyable={subscription.data ? { text: subscription.data.url } : false} style={{ wordBreak: 'break-all' }}>
          {subscription.data?.url ?? (subscription.isError ? subscription.error.message : '…')}
        </Typography.Text>
        <Popconfirm
          title={t('alliance.calendar.regenerateConfirm')}
          onConfirm={() =>
            regenerate.mutate(undefined, {
              onSuccess: () => void message.success(t('alliance.calendar.regenerated')),
              onError: (error) => void message.error(error.message),
            })
          }
        >
          <Button size="small" loading={regenerate.isPending} disabled={!subscription.data}>
            {t('alliance.calendar.regenerate')}
          </Button>
        </Popconfirm>
      </Space>
    </Space>
  );
}

/**
 * Secret iCal URLs for calendar apps that cannot sign in: the viewer's own, and for park staff
 * their park's. Whoever has the URL sees the meetings, so it can be replaced at any time.
 */
export function CalendarSubscriptions({ viewer }: { viewer: Viewer }) {
  const { t } = useTranslation();
  // The URLs are made on first use: only when someone asks for them.
  const [shown, setShown] = useState(false);
  return (
    <Card
      size="small"
      title={
        <Space>
          <CalendarOutlined />
          {t('alliance.calendar.title')}
        </Space>
      }
      extra={<Typography.Link href="/api/alliance/calendar.ics">{t('alliance.calendar.download')}</Typography.Link>}
    >
      {shown ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('alliance.calendar.help')}</Typography.Text>
          <FeedRow feed={{ scope: 'user' }} label={t('alliance.calendar.mine')} />
          {viewer.parkId != null ? <FeedRow feed={{ scope: 'park', parkId: viewer.parkId }} label={t('alliance.calendar.park')} /> : null}
        </Space>
      ) : (
        <Button onClick={() => setShown(true)} data-testid="show-calendar-urls">
          {t('alliance.calendar.show')}
        </Button>
      )}
    </Card>
  );
}
