import { App, Button, Card, Empty, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { minutesExportUrl, useDraftMinutes, useEditMinutes, useMinutes, usePublishMinutes, useReviewMinutes } from '../api/minutes';
import type { Meeting, Minutes, Viewer } from '../types';
import { formatTime, StatusTag } from './status';

function ReviewForm({ meetingId, minutesId }: { meetingId: number; minutesId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const review = useReviewMinutes(meetingId);
  const [form] = Form.useForm<{ text: string }>();
  return (
    <Form
      form={form}
      layout="inline"
      onFinish={(values) =>
        review.mutate(
          { minutesId, text: values.text },
          {
            onSuccess: () => {
              form.resetFields();
              void message.success(t('alliance.reviewSent'));
            },
            onError: (error) => void message.error(error.message),
          },
        )
      }
    >
      <Form.Item name="text" rules={[{ required: true, message: t('alliance.textRequired') }]}>
        <Input placeholder={t('alliance.reviewPlaceholder')} style={{ width: 320 }} aria-label={t('alliance.reviewPlaceholder')} />
      </Form.Item>
      <Button htmlType="submit" loading={review.isPending}>
        {t('alliance.comment')}
      </Button>
    </Form>
  );
}

/** The secretariat edits a draft's text; published versions are locked (corrections are new versions). */
function DraftEditor({ meetingId, minutes, onDone }: { meetingId: number; minutes: Minutes; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const edit = useEditMinutes(meetingId);
  const [body, setBody] = useState(minutes.body);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.TextArea value={body} onChange={(e) => setBody(e.target.value)} autoSize={{ minRows: 8, maxRows: 30 }} aria-label={t('alliance.minutesBody')} data-testid="minutes-editor" />
      <Space>
        <Button
          type="primary"
          loading={edit.isPending}
          disabled={!body.trim()}
          onClick={() =>
            edit.mutate(
              { minutesId: minutes.id, body },
              {
                onSuccess: () => {
                  void message.success(t('alliance.saved'));
                  onDone();
                },
                onError: (error) => void message.error(error.message),
              },
            )
          }
        >
          {t('alliance.save')}
        </Button>
        <Button onClick={onDone}>{t('alliance.cancel')}</Button>
      </Space>
    </Space>
  );
}

function MinutesCard({ meeting, minutes, viewer }: { meeting: Meeting; minutes: Minutes; viewer: Viewer }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const publish = usePublishMinutes(meeting.id);
  const [editing, setEditing] = useState(false);
  const draft = minutes.status === 'draft';
  const onError = (error: Error) => void message.error(error.message);
  return (
    <Card
      size="small"
      data-testid={`minutes-${minutes.version}`}
      title={
        <Space>
          {t('alliance.minutesVersion', { version: minutes.version })}
          <StatusTag status={minutes.status} />
          {minutes.published_at ? <Typography.Text type="secondary">{formatTime(minutes.published_at)}</Typography.Text> : null}
        </Space>
      }
      extra={
        <Space>
          {viewer.isSecretariat && draft && !editing ? (
            <>
              <Button size="small" onClick={() => setEditing(true)}>
                {t('alliance.editMinutes')}
              </Button>
              <Popconfirm title={t('alliance.publishConfirm')} onConfirm={() => publish.mutate(minutes.id, { onError })}>
                <Button size="small" type="primary" loading={publish.isPending}>
                  {t('alliance.publishMinutes')}
                </Button>
              </Popconfirm>
            </>
          ) : null}
          <a href={minutesExportUrl(minutes.id, 'docx')}>DOCX</a>
          <a href={minutesExportUrl(minutes.id, 'pdf')}>PDF</a>
        </Space>
      }
    >
      {editing ? (
        <DraftEditor meetingId={meeting.id} minutes={minutes} onDone={() => setEditing(false)} />
      ) : (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>{minutes.body}</Typography.Paragraph>
      )}
      {draft || minutes.reviews.length > 0 ? (
        <Typography.Text strong>{t('alliance.reviews', { count: minutes.reviews.length })}</Typography.Text>
      ) : null}
      {minutes.reviews.map((review) => (
        <Typography.Paragraph key={review.id} type="secondary" style={{ marginBottom: 4 }}>
          {review.author}（{formatTime(review.created_at)}）：{review.text}
        </Typography.Paragraph>
      ))}
      {draft ? <ReviewForm meetingId={meeting.id} minutesId={minutes.id} /> : null}
    </Card>
  );
}

/** Minutes: the secretariat drafts from agenda and decisions, edits, collects attendees' review, publishes. */
export function MinutesPanel({ meeting, viewer }: { meeting: Meeting; viewer: Viewer }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const started = meeting.status === 'in_progress' || meeting.status === 'closed';
  const minutes = useMinutes(meeting.id, meeting.status !== 'draft');
  const draft = useDraftMinutes(meeting.id);
  const latest = minutes.data?.[0];
  const redraft = latest?.status === 'draft';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {viewer.isSecretariat && started ? (
        <Space>
          {redraft ? (
            <Popconfirm title={t('alliance.redraftConfirm')} onConfirm={() => draft.mutate(undefined, { onError: (error) => void message.error(error.message) })}>
              <Button loading={draft.isPending}>{t('alliance.redraftMinutes')}</Button>
            </Popconfirm>
          ) : (
            <Button loading={draft.isPending} onClick={() => draft.mutate(undefined, { onError: (error) => void message.error(error.message) })}>
              {latest?.status === 'published' ? t('alliance.newVersion') : t('alliance.draftMinutes')}
            </Button>
          )}
        </Space>
      ) : null}
      {minutes.data && minutes.data.length === 0 ? <Empty description={t('alliance.noMinutes')} /> : null}
      {(minutes.data ?? []).map((version) => (
        <MinutesCard key={version.id} meeting={meeting} minutes={version} viewer={viewer} />
      ))}
    </Space>
  );
}
