import { App, Button, Form, Input, Modal, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { useActionDashboard, useActions, useReportProgress, type UnitLoad } from '../api/actions';
import type { ActionItem, ActionStatus, Viewer } from '../types';
import { StatusTag } from './status';

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
        <Form.Item name="evidence_url" label={t('alliance.evidence')}>
          <Input placeholder="https://" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Action items across meetings: "mine" for a member park, everything for the secretariat. */
export function ActionsPage({ viewer }: { viewer: Viewer }) {
  const { t } = useTranslation();
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
          { title: t('alliance.actionItem'), dataIndex: 'text' },
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
