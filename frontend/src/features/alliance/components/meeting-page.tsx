import { DesktopOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, Result, Select, Space, Spin, Table, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { useAgenda, useItems, useRecordDecision, useSubmitItem, type DecisionInput, type ItemInput } from '../api/agenda';
import { useMeeting, useSetCurrentItem, useTransition } from '../api/meetings';
import { useMeetingRoom } from '../hooks/use-meeting-room';
import type { Agenda, AgendaItem, ItemKind, Viewer } from '../types';
import { AgendaList } from './agenda-list';
import { AttendancePanel } from './attendance-panel';
import { FileUploadButton, ItemAttachments } from './item-files';
import { LinkedEntitiesSelect } from './linked-entities-select';
import { MinutesPanel } from './minutes-panel';
import { formatTime, StatusTag } from './status';
import { TriageBoard } from './triage-board';

const KINDS: ItemKind[] = ['major_matter', 'major_problem', 'project_docking', 'policy_coordination'];

function LiveControl({ agenda }: { agenda: Agenda }) {
  const { t } = useTranslation();
  const setCurrent = useSetCurrentItem(agenda.meeting.id);
  const index = agenda.entries.findIndex((entry) => entry.item.id === agenda.current_item_id);
  const go = (delta: number) => {
    const target = agenda.entries[index + delta];
    if (target) {
      setCurrent.mutate(target.item.id);
    }
  };
  return (
    <Space>
      <Button icon={<LeftOutlined />} onClick={() => go(-1)} disabled={index <= 0}>
        {t('alliance.previous')}
      </Button>
      <Button type="primary" icon={<RightOutlined />} onClick={() => go(1)} disabled={index >= agenda.entries.length - 1} data-testid="next-item">
        {t('alliance.next')}
      </Button>
    </Space>
  );
}

function CurrentItemBanner({ agenda }: { agenda: Agenda }) {
  const { t } = useTranslation();
  const entry = agenda.entries.find((e) => e.item.id === agenda.current_item_id);
  return (
    <Card size="small" style={{ borderColor: '#1677ff' }}>
      <Typography.Text type="secondary">{t('alliance.currentItem')}</Typography.Text>
      <Typography.Title level={4} style={{ margin: 0 }} data-testid="current-item-title">
        {entry ? `${entry.number}. ${entry.item.title}` : t('alliance.noCurrentItem')}
      </Typography.Title>
    </Card>
  );
}

function DecisionForm({ agenda }: { agenda: Agenda }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const record = useRecordDecision(agenda.meeting.id);
  const [form] = Form.useForm();
  type Values = { itemId: number; text: string; vote: boolean; actionText?: string; deadline?: string; unit?: string };
  const onFinish = (values: Values) => {
    const actions: DecisionInput['actions'] =
      values.actionText && values.deadline ? [{ text: values.actionText, deadline: values.deadline, owner_unit: values.unit ?? '' }] : [];
    record.mutate(
      { itemId: values.itemId, text: values.text, vote: values.vote ?? false, actions },
      { onSuccess: () => form.resetFields(['text', 'actionText', 'deadline', 'unit']), onError: (error) => void message.error(error.message) },
    );
  };
  return (
    <Card size="small" title={t('alliance.recordDecision')}>
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ itemId: agenda.current_item_id ?? undefined, vote: false }}>
        <Form.Item name="itemId" label={t('alliance.item')} rules={[{ required: true }]}>
          <Select options={agenda.entries.map((e) => ({ value: e.item.id, label: `${e.number}. ${e.item.title}` }))} />
        </Form.Item>
        <Form.Item name="text" label={t('alliance.decisionText')} rules={[{ required: true, message: t('alliance.textRequired') }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="vote" valuePropName="checked">
          <Checkbox>{t('alliance.withVote')}</Checkbox>
        </Form.Item>
        <Space wrap>
          <Form.Item name="actionText" label={t('alliance.actionItem')}>
            <Input style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="unit" label={t('alliance.responsibleUnit')}>
            <Input style={{ width: 160 }} placeholder={t('alliance.unitPlaceholder')} />
          </Form.Item>
          <Form.Item name="deadline" label={t('alliance.deadline')}>
            <Input type="date" />
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit" loading={record.isPending}>
          {t('alliance.record')}
        </Button>
      </Form>
    </Card>
  );
}

function SubmitItemForm({ meetingId }: { meetingId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const submit = useSubmitItem(meetingId);
  const [form] = Form.useForm<ItemInput>();
  return (
    <Card size="small" title={t('alliance.submitItem')}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'major_matter', requested_minutes: 15 }}
        onFinish={(values) =>
          submit.mutate(values, {
            onSuccess: () => {
              form.resetFields();
              void message.success(t('alliance.submitted'));
            },
            onError: (error) => void message.error(error.message),
          })
        }
      >
        <Form.Item name="kind" label={t('alliance.kindLabel')}>
          <Select options={KINDS.map((kind) => ({ value: kind, label: t(`alliance.itemKind.${kind}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('alliance.itemTitle')} rules={[{ required: true, message: t('alliance.titleRequired') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="text" label={t('alliance.itemText')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="requested_minutes" label={t('alliance.requestedMinutes')}>
          <InputNumber min={1} max={480} />
        </Form.Item>
        <Form.Item name="linked_uids" label={t('alliance.linkedEntities')} extra={t('alliance.linkedHelp')}>
          <LinkedEntitiesSelect />
        </Form.Item>
        <Form.List name="attachments">
          {(fields, { add, remove }) => (
            <Form.Item label={t('alliance.linkAttachments')} extra={t('alliance.filesAfterSubmit')}>
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline">
                    <Form.Item name={[field.name, 'name']} rules={[{ required: true, message: t('alliance.titleRequired') }]} noStyle>
                      <Input placeholder={t('alliance.attachmentName')} style={{ width: 160 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'url']} rules={[{ required: true, type: 'url', message: t('alliance.urlInvalid') }]} noStyle>
                      <Input placeholder="https://" style={{ width: 260 }} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('alliance.remove')} />
                  </Space>
                ))}
                <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ name: '', url: '' })}>
                  {t('alliance.addLink')}
                </Button>
              </Space>
            </Form.Item>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" loading={submit.isPending}>
          {t('alliance.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function MyItems({ items, open }: { items: AgendaItem[]; open: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<AgendaItem>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={items}
      columns={[
        {
          title: t('alliance.itemTitle'),
          dataIndex: 'title',
          render: (title: string, item) => (
            <Space direction="vertical" size={2}>
              {title}
              <ItemAttachments item={item} canEdit={open && item.status === 'submitted'} />
            </Space>
          ),
        },
        { title: t('alliance.kindLabel'), dataIndex: 'kind', render: (kind: ItemKind) => t(`alliance.itemKind.${kind}`) },
        { title: t('alliance.statusLabel'), dataIndex: 'status', render: (status: string) => <StatusTag status={status} /> },
        { title: t('alliance.presenter'), dataIndex: 'presenter', render: (presenter: string) => presenter || '—' },
        { title: t('alliance.reason'), dataIndex: 'reason' },
        {
          title: t('alliance.files'),
          render: (_, item) => (open && item.status === 'submitted' ? <FileUploadButton item={item} /> : null),
        },
      ]}
    />
  );
}

export function MeetingPage({ meetingId, viewer }: { meetingId: number; viewer: Viewer }) {
  const { t } = useTranslation();
  const meeting = useMeeting(meetingId);
  const agenda = useAgenda(meetingId);
  const items = useItems(meetingId);
  const transition = useTransition(meetingId);
  const { message } = App.useApp();
  useMeetingRoom(meetingId, meeting.isSuccess);

  if (meeting.isError) {
    return <Result status="403" title={meeting.error.message} />;
  }
  if (!meeting.data || !agenda.data) {
    return <Spin />;
  }
  const m = meeting.data;
  const open = m.status !== 'closed';
  const live = m.status === 'in_progress';
  const sec = viewer.isSecretariat;
  const onError = (error: Error) => void message.error(error.message);
  const next: Record<string, 'announce' | 'start' | 'close' | undefined> = { draft: 'announce', announced: 'start', in_progress: 'close' };
  const step = next[m.status];
  const agendaTab = (
    <Space direction="vertical" style={{ width: '100%' }}>
      {live ? <CurrentItemBanner agenda={agenda.data} /> : null}
      {live && sec ? <LiveControl agenda={agenda.data} /> : null}
      <AgendaList agenda={agenda.data} canEdit={sec && open} canRunLive={sec && live} viewerParkId={viewer.parkId} />
      {live && sec ? <DecisionForm agenda={agenda.data} /> : null}
    </Space>
  );
  const tabs = [
    { key: 'agenda', label: t('alliance.tab.agenda'), children: agendaTab },
    ...(sec
      ? [{ key: 'triage', label: t('alliance.tab.triage'), children: <TriageBoard meetingId={meetingId} items={items.data ?? []} editable={open} /> }]
      : [
          {
            key: 'mine',
            label: t('alliance.tab.mine'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                {open ? <SubmitItemForm meetingId={meetingId} /> : null}
                <MyItems open={open} items={(items.data ?? []).filter((item) => item.park?.id === viewer.parkId)} />
              </Space>
            ),
          },
        ]),
    { key: 'attendance', label: t('alliance.tab.attendance'), children: <AttendancePanel meeting={m} viewer={viewer} /> },
    { key: 'minutes', label: t('alliance.tab.minutes'), children: <MinutesPanel meeting={m} viewer={viewer} /> },
  ];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/alliance">← {t('alliance.title')}</Link>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="meeting-title">
          {m.title} <StatusTag status={m.status} />
        </Typography.Title>
        <Space>
          <Link to={`/alliance/meetings/${m.id}/projector`} target="_blank">
            <Button icon={<DesktopOutlined />}>{t('alliance.projector')}</Button>
          </Link>
          {sec && step ? (
            <Button type="primary" onClick={() => transition.mutate(step, { onError })} data-testid={`meeting-${step}`}>
              {t(`alliance.transition.${step}`)}
            </Button>
          ) : null}
        </Space>
      </Space>
      <Descriptions size="small" column={3}>
        <Descriptions.Item label={t('alliance.startsAt')}>{formatTime(m.starts_at)}</Descriptions.Item>
        <Descriptions.Item label={t('alliance.place')}>{m.place || m.online_link || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('alliance.quorum')}>
          {m.quorum ? t('alliance.quorumState', { present: m.quorum.present, members: m.quorum.members }) : '—'}
          {m.quorum?.met ? ' ✓' : ''}
        </Descriptions.Item>
      </Descriptions>
      <Tabs items={tabs} />
    </Space>
  );
}
