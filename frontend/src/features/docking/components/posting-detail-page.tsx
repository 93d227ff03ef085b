import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Popconfirm, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { useVocabulary } from '../api/admin';
import {
  useClosePosting,
  usePosting,
  usePostingHistory,
  usePostingRequests,
  useRenewPosting,
  useReviewPosting,
  useSubmitPosting,
} from '../api/postings';
import { useDockingViewer } from '../hooks/use-docking-viewer';
import type { DockingRequest, Posting } from '../types';
import { formatDateTime } from '../utils/format';
import { RecommendationsCard } from './recommendations-card';
import { RequestActions } from './request-actions';
import { RequestForm } from './request-form';
import { AnonymousBadge, ExpiryTag, KindTag, PartyName, PostingStatusTag, RequestStatusTag } from './tags';

export function PostingDetailPage({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const viewer = useDockingViewer();
  const posting = usePosting(id);
  const [requesting, setRequesting] = useState(false);

  if (posting.error) {
    return <Alert type="error" showIcon message={posting.error.message} data-testid="posting-error" />;
  }
  if (!posting.data) {
    return <Card loading />;
  }
  const p = posting.data;
  const manages = p.viewer.is_owner || viewer.isSecretariat;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="posting-detail">
      <Card
        title={
          <Space wrap>
            <KindTag kind={p.kind} label={p.kind_label} />
            <Typography.Text strong style={{ fontSize: 18 }} data-testid="posting-heading">
              {p.title}
            </Typography.Text>
          </Space>
        }
        extra={
          <Space>
            <PostingStatusTag status={p.status} />
            {p.viewer.can_request && viewer.canWrite ? (
              <Button type="primary" onClick={() => setRequesting(true)} data-testid="open-request-form">
                {t('docking.request.open')}
              </Button>
            ) : null}
          </Space>
        }
      >
        {p.status === 'rejected' && p.review_note ? (
          <Alert type="warning" showIcon message={t('docking.posting.rejectedBecause', { reason: p.review_note })} style={{ marginBottom: 12 }} />
        ) : null}
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('docking.posting.owner')}>
            <Space size={4}>
              <span data-testid="posting-owner">
                <PartyName party={p.owner} />
              </span>
              {p.anonymous ? <AnonymousBadge /> : null}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('docking.posting.region')}>{p.region?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('docking.posting.industries')}>
            {p.industries.length ? p.industries.map((industry) => <Tag key={industry.id}>{industry.name}</Tag>) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('docking.posting.expiry')}>
            <ExpiryTag expiresAt={p.expires_at} isExpired={p.is_expired} />
          </Descriptions.Item>
          <Descriptions.Item label={t('docking.posting.published')}>{formatDateTime(p.published_at, i18n.language)}</Descriptions.Item>
          <Descriptions.Item label={t('docking.posting.visibility')}>
            <VisibilityLabel value={p.visibility} />
          </Descriptions.Item>
        </Descriptions>
        <Typography.Title level={5} style={{ marginTop: 8 }}>
          {t('docking.posting.description')}
        </Typography.Title>
        {/* User text: a text node with its line breaks kept, never parsed as HTML. */}
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="posting-description">
          {p.description || t('docking.posting.noDescription')}
        </Typography.Paragraph>
        {manages && viewer.canWrite ? <OwnerTools posting={p} /> : null}
        {viewer.isSecretariat && p.status === 'pending' ? <ReviewBox posting={p} /> : null}
      </Card>
      <PostingRequests posting={p} />
      <RecommendationsCard postingId={p.id} />
      {requesting ? <RequestForm postingId={p.id} onClose={() => setRequesting(false)} /> : null}
    </Space>
  );
}

function VisibilityLabel({ value }: { value: string }) {
  const vocabulary = useVocabulary();
  return <>{vocabulary.data?.visibilities.find((v) => v.value === value)?.label ?? value}</>;
}

/** Edit, submit, close, renew and the status history: the owner's side (and the secretariat). */
function OwnerTools({ posting }: { posting: Posting }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const vocabulary = useVocabulary();
  const submit = useSubmitPosting(posting.id);
  const close = useClosePosting(posting.id);
  const renew = useRenewPosting(posting.id);
  const [dialog, setDialog] = useState<'close' | 'renew' | 'history' | null>(null);
  const [note, setNote] = useState('');
  const [days, setDays] = useState<number | null>(90);
  const error = submit.error ?? close.error ?? renew.error;
  const maxDays = vocabulary.data?.max_renewal_days ?? 365;

  return (
    <div data-testid="owner-tools">
      {error ? <Alert type="error" showIcon message={error.message} style={{ marginBottom: 8 }} /> : null}
      <Space wrap>
        {posting.status !== 'closed' ? (
          <Link to={`/docking/postings/${posting.id}/edit`}>
            <Button data-testid="edit-posting">{t('docking.owner.edit')}</Button>
          </Link>
        ) : null}
        {posting.status === 'draft' || posting.status === 'rejected' ? (
          <Button
            type="primary"
            loading={submit.isPending}
            onClick={() => submit.mutate(undefined, { onSuccess: () => void message.success(t('docking.owner.submitted')) })}
            data-testid="submit-posting"
          >
            {t('docking.owner.submit')}
          </Button>
        ) : null}
        {posting.status === 'published' && posting.viewer.is_owner ? (
          <Button onClick={() => setDialog('renew')} data-testid="renew-posting">
            {t('docking.owner.renew')}
          </Button>
        ) : null}
        {posting.status === 'published' ? (
          <Button danger onClick={() => setDialog('close')} data-testid="close-posting">
            {t('docking.owner.close')}
          </Button>
        ) : null}
        <Button type="link" onClick={() => setDialog('history')} data-testid="posting-history">
          {t('docking.owner.history')}
        </Button>
      </Space>
      <Modal
        open={dialog === 'close'}
        title={t('docking.owner.closeTitle')}
        onCancel={() => setDialog(null)}
        onOk={() => close.mutate(note, { onSuccess: () => setDialog(null) })}
        confirmLoading={close.isPending}
        okButtonProps={{ danger: true }}
        okText={t('docking.owner.close')}
        cancelText={t('docking.common.cancel')}
      >
        <Typography.Paragraph>{t('docking.owner.closeHint')}</Typography.Paragraph>
        <Input.TextArea rows={2} maxLength={300} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('docking.owner.closeNote')} />
      </Modal>
      <Modal
        open={dialog === 'renew'}
        title={t('docking.owner.renewTitle')}
        onCancel={() => setDialog(null)}
        onOk={() => days && renew.mutate(days, { onSuccess: () => setDialog(null) })}
        confirmLoading={renew.isPending}
        okText={t('docking.owner.renew')}
        cancelText={t('docking.common.cancel')}
      >
        <Form layout="vertical">
          <Form.Item label={t('docking.owner.renewDays', { max: maxDays })}>
            <InputNumber min={1} max={maxDays} value={days} onChange={setDays} style={{ width: 160 }} />
          </Form.Item>
        </Form>
      </Modal>
      {dialog === 'history' ? <HistoryModal postingId={posting.id} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}

function HistoryModal({ postingId, onClose }: { postingId: number; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const history = usePostingHistory(postingId, true);
  const vocabulary = useVocabulary();
  const label = (status: string) => vocabulary.data?.posting_statuses.find((s) => s.value === status)?.label ?? status;
  return (
    <Modal open title={t('docking.owner.history')} onCancel={onClose} footer={null}>
      {history.error ? <Alert type="error" showIcon message={history.error.message} /> : null}
      <Timeline
        style={{ marginTop: 16 }}
        items={(history.data ?? []).map((row) => ({
          children: (
            <Space direction="vertical" size={0}>
              <Typography.Text>
                {row.from_status ? `${label(row.from_status)} → ${label(row.to_status)}` : label(row.to_status)}
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
    </Modal>
  );
}

/** The secretariat publishes or rejects (with a reason) a posting waiting for review. */
export function ReviewBox({ posting, compact = false }: { posting: Posting; compact?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const review = useReviewPosting();
  const [reason, setReason] = useState('');
  const [rejecting, setRejecting] = useState(false);
  return (
    <Space wrap style={{ marginTop: compact ? 0 : 12 }} data-testid={`review-${posting.id}`}>
      {review.error ? <Typography.Text type="danger">{review.error.message}</Typography.Text> : null}
      <Popconfirm
        title={t('docking.review.approveConfirm')}
        onConfirm={() =>
          review.mutate(
            { id: posting.id, decision: 'approve', reason: '' },
            { onSuccess: () => void message.success(t('docking.review.approved')) },
          )
        }
        okText={t('docking.common.confirm')}
        cancelText={t('docking.common.cancel')}
      >
        <Button type="primary" size={compact ? 'small' : 'middle'} data-testid="approve-posting">
          {t('docking.review.approve')}
        </Button>
      </Popconfirm>
      <Button danger size={compact ? 'small' : 'middle'} onClick={() => setRejecting(true)} data-testid="reject-posting">
        {t('docking.review.reject')}
      </Button>
      <Modal
        open={rejecting}
        title={t('docking.review.rejectTitle')}
        onCancel={() => setRejecting(false)}
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        okText={t('docking.review.reject')}
        cancelText={t('docking.common.cancel')}
        confirmLoading={review.isPending}
        onOk={() =>
          review.mutate(
            { id: posting.id, decision: 'reject', reason },
            {
              onSuccess: () => {
                setRejecting(false);
                void message.success(t('docking.review.rejected'));
              },
            },
          )
        }
      >
        <Input.TextArea rows={3} maxLength={300} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('docking.review.reason')} />
      </Modal>
    </Space>
  );
}

/** Requests on this posting the viewer may see: all of them for the owner, one's own otherwise. */
function PostingRequests({ posting }: { posting: Posting }) {
  const { t, i18n } = useTranslation();
  const requests = usePostingRequests(posting.id, true);
  const rows = requests.data ?? [];
  if (!rows.length && !requests.error) {
    return null;
  }
  return (
    <Card title={posting.viewer.is_owner ? t('docking.posting.incomingRequests') : t('docking.posting.myRequests')} data-testid="posting-requests">
      {requests.error ? <Alert type="error" showIcon message={requests.error.message} /> : null}
      <Table<DockingRequest>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: t('docking.requests.requester'),
            key: 'requester',
            render: (_: unknown, r) => <Link to={`/docking/requests/${r.id}`}>{r.requester.name}</Link>,
          },
          {
            title: t('docking.requests.message'),
            dataIndex: 'message',
            render: (text: string) => (
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
                {text}
              </Typography.Paragraph>
            ),
          },
          { title: t('docking.requests.status'), dataIndex: 'status', render: (s: DockingRequest['status']) => <RequestStatusTag status={s} /> },
          { title: t('docking.requests.created'), dataIndex: 'created_at', render: (v: string) => formatDateTime(v, i18n.language) },
          { title: t('docking.requests.actions'), key: 'actions', render: (_: unknown, r) => <RequestActions request={r} showHint={false} /> },
        ]}
      />
    </Card>
  );
}
