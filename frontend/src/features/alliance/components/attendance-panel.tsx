import { App, Button, Checkbox, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useAttendance, useMarkPresent, useReply } from '../api/meetings';
import type { Attendance, Meeting, Rsvp, Viewer } from '../types';

const RSVPS: Rsvp[] = ['pending', 'accepted', 'declined'];

function DelegatesEditor({ meetingId, row }: { meetingId: number; row: Attendance }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reply = useReply(meetingId);
  const [value, setValue] = useState(row.delegates);
  const changed = value.trim() !== row.delegates;
  const save = () =>
    reply.mutate(
      { parkId: row.park.id, delegates: value.trim() },
      { onSuccess: () => void message.success(t('alliance.saved')), onError: (error) => void message.error(error.message) },
    );
  return (
    <Space.Compact>
      <Input
        size="small"
        value={value}
        maxLength={300}
        placeholder={t('alliance.delegatesPlaceholder')}
        aria-label={t('alliance.delegatesOf', { park: row.park.name })}
        onChange={(e) => setValue(e.target.value)}
        onPressEnter={() => changed && save()}
        style={{ width: 220 }}
      />
      <Button size="small" disabled={!changed} loading={reply.isPending} onClick={save} data-testid={`save-delegates-${row.park.id}`}>
        {t('alliance.save')}
      </Button>
    </Space.Compact>
  );
}

/**
 * Invited member parks: each park's staff answer for their own park (reply and delegates);
 * the secretariat may answer for any park and alone records who is present.
 */
export function AttendancePanel({ meeting, viewer }: { meeting: Meeting; viewer: Viewer }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const attendance = useAttendance(meeting.id);
  const mark = useMarkPresent(meeting.id);
  const reply = useReply(meeting.id);
  const open = meeting.status !== 'closed';
  const canReply = (row: Attendance) => open && (viewer.isSecretariat || row.park.id === viewer.parkId);
  const onError = (error: Error) => void message.error(error.message);
  const rows = [...(attendance.data ?? [])].sort((a, b) => Number(b.park.id === viewer.parkId) - Number(a.park.id === viewer.parkId));
  return (
    <Table<Attendance>
      rowKey={(row) => row.park.id}
      size="small"
      pagination={false}
      loading={attendance.isLoading}
      dataSource={rows}
      columns={[
        {
          title: t('alliance.park'),
          render: (_, row) => (
            <Space>
              {row.park.name}
              {row.park.id === viewer.parkId ? <Tag color="blue">{t('alliance.ownPark')}</Tag> : null}
            </Space>
          ),
        },
        {
          title: t('alliance.rsvp'),
          render: (_, row) =>
            canReply(row) ? (
              <Select<Rsvp>
                size="small"
                style={{ width: 120 }}
                value={row.rsvp}
                aria-label={t('alliance.rsvpOf', { park: row.park.name })}
                data-testid={`rsvp-${row.park.id}`}
                options={RSVPS.map((rsvp) => ({ value: rsvp, label: t(`alliance.rsvpValue.${rsvp}`) }))}
                onChange={(rsvp) => reply.mutate({ parkId: row.park.id, rsvp }, { onError })}
              />
            ) : (
              t(`alliance.rsvpValue.${row.rsvp}`)
            ),
        },
        {
          title: t('alliance.delegates'),
          render: (_, row) => (canReply(row) ? <DelegatesEditor key={row.delegates} meetingId={meeting.id} row={row} /> : row.delegates || '—'),
        },
        {
          title: t('alliance.present'),
          render: (_, row) => (
            <Checkbox
              checked={row.present}
              disabled={!(viewer.isSecretariat && open)}
              aria-label={t('alliance.presentOf', { park: row.park.name })}
              onChange={(e) => mark.mutate({ parkId: row.park.id, present: e.target.checked }, { onError })}
            />
          ),
        },
      ]}
    />
  );
}
