import { Alert, Card, Descriptions, Select, Space, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';

import { useVocabulary } from '../api/admin';
import { useRequest, useRequests, type Direction } from '../api/requests';
import { useDockingViewer } from '../hooks/use-docking-viewer';
import type { DockingRequest, RequestStatus } from '../types';
import { formatDateTime } from '../utils/format';
import { RequestActions } from './request-actions';
import { AnonymousBadge, PartyName, RequestStatusTag } from './tags';

/** /docking/requests: requests to our postings (incoming) and ours to others' (outgoing). */
export function RequestsPage() {
  const { t } = useTranslation();
  const viewer = useDockingViewer();
  const vocabulary = useVocabulary();
  const [params, setParams] = useSearchParams();
  const fallback: Direction = viewer.isSecretariat ? 'all' : 'incoming';
  const direction = (params.get('direction') as Direction | null) ?? fallback;
  const status = (params.get('status') as RequestStatus | null) ?? '';
  const requests = useRequests(direction, status);

  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const tabs: { key: Direction; label: string }[] = [
    ...(viewer.isSecretariat ? [{ key: 'all' as const, label: t('docking.requests.all') }] : []),
    { key: 'incoming', label: t('docking.requests.incoming') },
    { key: 'outgoing', label: t('docking.requests.outgoing') },
  ];

  return (
    <Card
      title={t('docking.requests.title')}
      data-testid="requests-page"
      // The status filter sits in the card header: inside the tab list only tabs may sit.
      extra={
        <Select<RequestStatus>
          allowClear
          placeholder={t('docking.filters.status')}
          aria-label={t('docking.filters.status')}
          value={status || undefined}
          onChange={(value) => set('status', value ?? '')}
          options={vocabulary.data?.request_statuses ?? []}
          style={{ minWidth: 130 }}
        />
      }
    >
      <Tabs
        activeKey={direction}
        onChange={(key) => set('direction', key === fallback ? '' : key)}
        items={tabs.map((tab) => ({ key: tab.key, label: <span data-testid={`tab-${tab.key}`}>{tab.label}</span> }))}
      />
      {requests.error ? <Alert type="error" showIcon message={requests.error.message} style={{ marginBottom: 12 }} /> : null}
      <RequestTable rows={requests.data ?? []} loading={requests.isLoading} direction={direction} />
    </Card>
  );
}

function RequestTable({ rows, loading, direction }: { rows: DockingRequest[]; loading: boolean; direction: Direction }) {
  const { t, i18n } = useTranslation();
  return (
    <Table<DockingRequest>
      rowKey="id"
      loading={loading}
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      data-testid="request-table"
      onRow={(row) => ({ 'data-testid': `request-row-${row.id}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('docking.requests.posting'),
          key: 'posting',
          render: (_: unknown, r) => (
            <Space direction="vertical" size={0}>
              <Link to={`/docking/requests/${r.id}`} data-testid="request-link">
                {r.posting.title}
              </Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {direction === 'outgoing' ? (
                  <>
                    {t('docking.posting.owner')}: <PartyName party={r.posting.owner} />
                  </>
                ) : (
                  <>
                    {t('docking.requests.requester')}: {r.requester.name}
                  </>
                )}
              </Typography.Text>
            </Space>
          ),
        },
        {
          title: t('docking.requests.message'),
          dataIndex: 'message',
          render: (text: string) => (
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0, maxWidth: 280 }}>
              {text}
            </Typography.Paragraph>
          ),
        },
        {
          title: t('docking.requests.status'),
          dataIndex: 'status',
          render: (status: RequestStatus) => <RequestStatusTag status={status} />,
        },
        {
          title: t('docking.requests.created'),
          dataIndex: 'created_at',
          render: (value: string) => formatDateTime(value, i18n.language),
        },
        {
          title: t('docking.requests.actions'),
          key: 'actions',
          render: (_: unknown, r) => <RequestActions request={r} />,
        },
      ]}
    />
  );
}

/** /docking/requests/:id — where the notifications about a request lead. */
export function RequestDetailPage({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const request = useRequest(id);
  const vocabulary = useVocabulary();
  if (request.error) {
    return <Alert type="error" showIcon message={request.error.message} data-testid="request-error" />;
  }
  if (!request.data) {
    return <Card loading />;
  }
  const r = request.data;
  const label = (status: string) => vocabulary.data?.request_statuses.find((s) => s.value === status)?.label ?? status;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span>{t('docking.requests.detailTitle')}</span>
            <Link to={`/docking/postings/${r.posting.id}`} data-testid="request-posting">
              {r.posting.title}
            </Link>
          </Space>
        }
        extra={<RequestStatusTag status={r.status} />}
        data-testid="request-detail"
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('docking.posting.owner')}>
            <Space size={4}>
              <PartyName party={r.posting.owner} />
              {r.posting.anonymous ? <AnonymousBadge /> : null}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('docking.requests.requester')}>{r.requester.name}</Descriptions.Item>
          <Descriptions.Item label={t('docking.requests.created')}>{formatDateTime(r.created_at, i18n.language)}</Descriptions.Item>
          <Descriptions.Item label={t('docking.requests.proposedTimes')}>
            {r.proposed_times.length
              ? r.proposed_times.map((time) => <Tag key={time}>{formatDateTime(time, i18n.language)}</Tag>)
              : '—'}
          </Descriptions.Item>
          {r.decline_reason ? (
            <Descriptions.Item label={t('docking.requests.declineReason')}>{r.decline_reason}</Descriptions.Item>
          ) : null}
        </Descriptions>
        <Typography.Title level={5}>{t('docking.requests.message')}</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="request-message-text">
          {r.message}
        </Typography.Paragraph>
        <RequestActions request={r} />
      </Card>
      <Card title={t('docking.requests.history')} size="small">
        <Timeline
          items={r.history.map((row) => ({
            children: (
              <Space direction="vertical" size={0}>
                <Typography.Text>
                  {row.from_status && row.from_status !== row.to_status
                    ? `${label(row.from_status)} → ${label(row.to_status)}`
                    : label(row.to_status)}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(row.at, i18n.language)}
                  {row.by ? ` · ${row.by}` : ''}
                </Typography.Text>
                {row.note ? <Typography.Text type="secondary">{row.note}</Typography.Text> : null}
              </Space>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}
