import { App, Button, Card, Form, Input, Result, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { useCreateMeeting, useMeetings, type MeetingInput } from '../api/meetings';
import type { Meeting, Viewer } from '../types';
import { CalendarSubscriptions } from './calendar-subscriptions';
import { formatTime, StatusTag } from './status';

function CreateMeetingForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const create = useCreateMeeting();
  const [form] = Form.useForm<MeetingInput>();
  const onFinish = (values: MeetingInput) => {
    create.mutate(
      { ...values, starts_at: new Date(values.starts_at).toISOString() },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('alliance.meetingCreated'));
        },
        onError: (error) => void message.error(error.message),
      },
    );
  };
  return (
    <Card title={t('alliance.callMeeting')} size="small">
      <Form form={form} layout="inline" onFinish={onFinish} initialValues={{ kind: 'regular' }}>
        <Form.Item name="title" rules={[{ required: true, message: t('alliance.titleRequired') }]}>
          <Input placeholder={t('alliance.meetingTitle')} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="kind">
          <Select
            style={{ width: 140 }}
            aria-label={t('alliance.kindLabel')}
            options={[
              { value: 'regular', label: t('alliance.kind.regular') },
              { value: 'special', label: t('alliance.kind.special') },
            ]}
          />
        </Form.Item>
        <Form.Item name="starts_at" rules={[{ required: true, message: t('alliance.timeRequired') }]}>
          <Input type="datetime-local" aria-label={t('alliance.startsAt')} />
        </Form.Item>
        <Form.Item name="place">
          <Input placeholder={t('alliance.place')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('alliance.create')}
        </Button>
      </Form>
    </Card>
  );
}

export function MeetingsPage({ viewer }: { viewer: Viewer }) {
  const { t } = useTranslation();
  const meetings = useMeetings();
  if (meetings.isError) {
    return <Result status="403" title={meetings.error.message} />;
  }
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('alliance.title')}
        </Typography.Title>
        <Link to="/alliance/actions">{t('alliance.actionsLink')}</Link>
      </Space>
      {viewer.isSecretariat ? <CreateMeetingForm /> : null}
      <CalendarSubscriptions viewer={viewer} />
      <Table<Meeting>
        rowKey="id"
        loading={meetings.isLoading}
        dataSource={meetings.data ?? []}
        pagination={false}
        columns={[
          {
            title: t('alliance.meetingTitle'),
            dataIndex: 'title',
            render: (title: string, row) => <Link to={`/alliance/meetings/${row.id}`}>{title}</Link>,
          },
          { title: t('alliance.kindLabel'), dataIndex: 'kind', render: (kind: Meeting['kind']) => <Tag>{t(`alliance.kind.${kind}`)}</Tag> },
          { title: t('alliance.startsAt'), dataIndex: 'starts_at', render: (at: string) => formatTime(at) },
          { title: t('alliance.statusLabel'), dataIndex: 'status', render: (status: string) => <StatusTag status={status} /> },
        ]}
      />
    </Space>
  );
}
