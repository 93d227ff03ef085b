import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

import { useAgenda } from '../api/agenda';
import { useMeetingRoom } from '../hooks/use-meeting-room';

/** Full-screen view for the room's projector: the current item large, the agenda beside it. */
export function ProjectorPage({ meetingId }: { meetingId: number }) {
  const { t } = useTranslation();
  const agenda = useAgenda(meetingId);
  useMeetingRoom(meetingId, agenda.isSuccess);
  if (!agenda.data) {
    return <Spin />;
  }
  const current = agenda.data.entries.find((entry) => entry.item.id === agenda.data.current_item_id);
  return (
    <div style={{ position: 'fixed', inset: 0, background: '#0b1f3a', color: '#fff', padding: '4vh 5vw', display: 'flex', gap: '4vw', zIndex: 1000 }}>
      <div style={{ flex: 2 }}>
        <div style={{ fontSize: '2.2vw', opacity: 0.7 }}>{agenda.data.meeting.title}</div>
        <div style={{ fontSize: '1.6vw', opacity: 0.6, marginTop: '6vh' }}>{t('alliance.currentItem')}</div>
        <div style={{ fontSize: '4.5vw', fontWeight: 600, lineHeight: 1.25 }} data-testid="projector-current">
          {current ? `${current.number}. ${current.item.title}` : t('alliance.noCurrentItem')}
        </div>
        {current ? (
          <div style={{ fontSize: '2vw', opacity: 0.8, marginTop: '2vh' }}>
            {current.item.park?.name ?? t('alliance.secretariat')}
            {current.item.presenter ? ` · ${current.item.presenter}` : ''}
          </div>
        ) : null}
      </div>
      <ol style={{ flex: 1, fontSize: '1.4vw', listStyle: 'none', padding: 0 }}>
        {agenda.data.entries.map((entry) => (
          <li
            key={entry.item.id}
            style={{
              padding: '0.8vh 0.8vw',
              paddingLeft: entry.item.parent_id ? '2vw' : '0.8vw',
              background: entry.item.id === current?.item.id ? 'rgba(255,255,255,0.15)' : undefined,
              borderRadius: 6,
            }}
          >
            {entry.number}. {entry.item.title}
          </li>
        ))}
      </ol>
    </div>
  );
}
