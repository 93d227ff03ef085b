import { CalendarOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { EmptyState, QueryState } from '@/components/query-state';
import { useMeetings } from '@/features/alliance/api/meetings';
import type { Meeting } from '@/features/alliance/types';

/** The soonest meeting that is announced or running (drafts are calls for items). */
export function nextMeeting(meetings: Meeting[], now = Date.now()): Meeting | null {
  const live = meetings.find((m) => m.status === 'in_progress');
  if (live) {
    return live;
  }
  const upcoming = meetings
    .filter((m) => m.status === 'announced' && new Date(m.starts_at).getTime() >= now - 12 * 3600_000)
    .sort((a, b) => a.starts_at.localeCompare(b.starts_at));
  return upcoming[0] ?? null;
}

export function NextMeetingCard() {
  const { t, i18n } = useTranslation();
  const meetings = useMeetings();
  return (
    <Card
      title={<h2 className="ningju-card-title">{t('home.nextMeeting')}</h2>}
      extra={<Link to="/alliance">{t('home.all')}</Link>}
      style={{ height: '100%' }}
      data-testid="home-next-meeting"
    >
      <QueryState query={meetings} rows={2}>
        {(rows) => {
          const meeting = nextMeeting(rows);
          if (!meeting) {
            return <EmptyState description={t('home.noMeeting')} />;
          }
          return (
            <Space direction="vertical" size={4}>
              <Link to={`/alliance/meetings/${meeting.id}`} style={{ fontSize: 18, fontWeight: 600 }}>
                {meeting.title}
              </Link>
              <Typography.Text>
                <CalendarOutlined aria-hidden />{' '}
                {new Date(meeting.starts_at).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'zh-CN', {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                })}
              </Typography.Text>
              {meeting.place ? (
                <Typography.Text type="secondary">
                  <EnvironmentOutlined aria-hidden /> {meeting.place}
                </Typography.Text>
              ) : null}
              <Typography.Text type="secondary">{t(`alliance.status.${meeting.status}`)}</Typography.Text>
            </Space>
          );
        }}
      </QueryState>
    </Card>
  );
}
