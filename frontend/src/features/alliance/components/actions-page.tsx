import { App, Button, Descriptions, Drawer, Empty, Form, Input, Modal, Segmented, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';

import { useAction, useActionDashboard, useActions, useReportProgress, type UnitLoad } from '../api/actions';
import type { ActionItem, ActionStatus, Viewer } from '../types';
import { formatTime, StatusTag } from './status';

function ProgressModal({ action, onClose }: { action: ActionItem; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportProgress();
  const [form] = Form.useForm<{ text: string; status: ActionStatus; evidence_url?: string }>();
  return (
    <Modal open title={action.text} onCancel={onClose} onOk={() => form.submit()} confirmLoading={report.isPending}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ status: action.status === 'open' ? 'in_progress' : action.status }}
        onFinish={(values) =>
          report.mutate({ actionId: action.id, ...values }, { onSuccess: onClose, onError: (error) => void message.error(error.message) })
        }
      >
        <Form.Item name="text" label={t('alliance.progress')} rules={[{ required: true, message: t('alliance.textRequired') }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="status" label={t('alliance.statusLabel')}>
          <Select options={(['open', 'in_progress', 'done'] as const).map((s) => ({ value: s, label: t(`alliance.status.${s}`) }))} />
        </Form.Item>
        <Form.Item name="evidence_url" label={t('alliance.evidence')} rules={[{ type: 'url', message: t('alliance.urlInvalid') }]}>
          <Input placeholder="https://" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One action item and its history of progress updates with their evidence. */
function ActionDrawer({ actionId, canUpdate, onReport, onClose }: { actionId: number; canUpdate: (action: ActionItem) => boolean; onReport: (action: ActionItem) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const action = useAction(actionId);
  const data = action.data;
  return (
    <Drawer open width={520} title={data?.text ?? t('alliance.actionItem')} onClose={onClose} loading={action.isLoading} data-testid="action-drawer">
      {action.isError ? <Typography.Text type="danger">{action.error.message}</Typography.Text> : null}
      {data ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('alliance.responsibleUnit')}>{[data.owner_park?.name, data.owner_unit].filter(Boolean).join(' · ')}</Descriptions.Item>
            <Descriptions.Item label={t('alliance.deadline')}>
              {data.deadline} {data.overdue ? <Tag color="red">{t('alliance.overdue')}</Tag> : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('alliance.statusLabel')}>
              <StatusTag status={data.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('alliance.meeting')}>
              <Link to={`/alliance/meetings/${data.meeting_id}`}>{data.meeting_title}</Link>
            </Descriptions.Item>
          </Descriptions>
          {canUpdate(data) ? (
            <Button type="primary" onClick={() => onReport(data)}>
              {t('alliance.reportProgress')}
            </Button>
          ) : null}
          <Typography.Title level={5}>{t('alliance.progressHistory')}</Typography.Title>
          {data.updates.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('alliance.noProgress')} /> : null}
          <Timeline
            items={data.updates.map((update) => ({
              key: update.id,
              color: update.status === 'done' ? 'green' : 'blue',
              children: (
                <Space direction="vertical" size={0}>
                  <Space wrap>
                    <StatusTag status={update.status} />
                    <Typography.Text type="secondary">
                      {update.author} · {formatTime(update.created_at)}
                    </Typography.Text>
                  </Space>
                  <Typography.Text>{update.text}</Typography.Text>
                  {update.evidence_url ? (
                    <a href={update.evidence_url} target="_blank" rel="noreferrer noopener">
                      {t('alliance.evidence')}
                    </a>
                  ) : null}
                </Space>
              ),
            }))}
          />
        </Space>
      ) : null}
    </Drawer>
  );
}

/** Action items across meetings: "mine" for a member park, everything for the secretariat. */
export function ActionsPage({ viewer }: { viewer: Viewer }) {
  const { t } = useTranslation();
  const params = useParams();
  const navigate = useNavigate();
  const openId = params.id && /^\d+$/.test(params.id) ? Number(params.id) : null;
  const [scope, setScope] = useState<string>(viewer.parkId != null ? 'mine' : 'all');
  const filters: Record<string, string> = scope === 'mine' ? { mine: 'true' } : scope === 'overdue' ? { overdue: 'true' } : {};
  const actions = useActions(filters);
  const [editing, setEditing] = useState<ActionItem | null>(null);
  const canUpdate = (action: ActionItem) => viewer.isSecretariat || (action.owner_park != null && action.owner_park.id === viewer.parkId);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/alliance">← {t('alliance.title')}</Link>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('alliance.actions')}
      </Typography.Title>
      <Segmented
        value={scope}
        onChange={(value) => setScope(String(value))}
        options={[
          ...(viewer.parkId != null ? [{ value: 'mine', label: t('alliance.scope.mine') }] : []),
          { value: 'all', label: t('alliance.scope.all') },
          { value: 'overdue', label: t('alliance.scope.overdue') },
        ]}
      />
      <Table<ActionItem>
        rowKey="id"
        loading={actions.isLoading}
        dataSource={actions.data ?? []}
        pagination={false}
        columns={[
          {
            title: t('alliance.actionItem'),
            dataIndex: 'text',
            render: (text: string, row) => <Link to={`/alliance/actions/${row.id}`}>{text}</Link>,
          },
          { title: t('alliance.responsibleUnit'), render: (_, row) => [row.owner_park?.name, row.owner_unit].filter(Boolean).join(' · ') },
          {
            title: t('alliance.deadline'),
            dataIndex: 'deadline',
            render: (deadline: string, row) => (
              <Space>
                {deadline}
                {row.overdue ? <Tag color="red">{t('alliance.overdue')}</Tag> : null}
              </Space>
            ),
          },
          { title: t('alliance.statusLabel'), dataIndex: 'status', render: (status: string) => <StatusTag status={status} /> },
          { title: t('alliance.meeting'), render: (_, row) => <Link to={`/alliance/meetings/${row.meeting_id}`}>{row.meeting_title}</Link> },
          {
            title: '',
            render: (_, row) =>
              canUpdate(row) ? (
                <Button size="small" onClick={() => setEditing(row)}>
                  {t('alliance.reportProgress')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Typography.Title level={4}>{t('alliance.dashboard')}</Typography.Title>
      <Dashboard />
      {openId != null ? <ActionDrawer actionId={openId} canUpdate={canUpdate} onReport={setEditing} onClose={() => void navigate('/alliance/actions')} /> : null}
      {editing ? <ProgressModal action={editing} onClose={() => setEditing(null)} /> : null}
    </Space>
  );
}

function Dashboard() {
  const { t } = useTranslation();
  const dashboard = useActionDashboard();
  return (
    <Table<UnitLoad>
      rowKey="unit"
      size="small"
      pagination={false}
      loading={dashboard.isLoading}
      dataSource={dashboard.data ?? []}
      columns={[
        { title: t('alliance.responsibleUnit'), dataIndex: 'unit' },
        { title: t('alliance.status.open'), dataIndex: 'open' },
        { title: t('alliance.status.in_progress'), dataIndex: 'in_progress' },
        { title: t('alliance.status.done'), dataIndex: 'done' },
        { title: t('alliance.overdue'), dataIndex: 'overdue', render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : n) },
      ]}
    />
  );
}
