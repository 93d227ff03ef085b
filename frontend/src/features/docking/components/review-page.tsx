import { Alert, Card, Empty, Space, Switch, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { useDockingSettings, useSetModeration } from '../api/admin';
import { useReviewQueue } from '../api/postings';
import type { Posting } from '../types';
import { formatDateTime } from '../utils/format';
import { ReviewBox } from './posting-detail-page';
import { AnonymousBadge, KindTag, PartyName } from './tags';

/** /docking/review: the secretariat's moderation switch and the postings waiting for review. */
export function ReviewPage() {
  const { t, i18n } = useTranslation();
  const settings = useDockingSettings();
  const setModeration = useSetModeration();
  const queue = useReviewQueue(true);
  const error = settings.error ?? setModeration.error ?? queue.error;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('docking.review.settings')}>
        <Space>
          <Switch
            checked={settings.data?.moderation_required ?? false}
            loading={settings.isLoading || setModeration.isPending}
            onChange={(checked) => setModeration.mutate(checked)}
            data-testid="moderation-switch"
            aria-label={t('docking.review.moderation')}
          />
          <Typography.Text>{t('docking.review.moderation')}</Typography.Text>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('docking.review.moderationHint')}
        </Typography.Paragraph>
      </Card>
      <Card title={t('docking.review.queue')} data-testid="review-queue">
        {error ? <Alert type="error" showIcon message={error.message} style={{ marginBottom: 12 }} /> : null}
        <Table<Posting>
          rowKey="id"
          loading={queue.isLoading}
          dataSource={queue.data?.results ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description={t('docking.review.empty')} /> }}
          columns={[
            {
              title: t('docking.editor.title'),
              dataIndex: 'title',
              render: (title: string, p) => (
                <Space direction="vertical" size={0}>
                  <Space size={4}>
                    <KindTag kind={p.kind} label={p.kind_label} />
                    <Link to={`/docking/postings/${p.id}`}>{title}</Link>
                  </Space>
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0, maxWidth: 420 }}>
                    {p.description}
                  </Typography.Paragraph>
                </Space>
              ),
            },
            {
              title: t('docking.posting.owner'),
              key: 'owner',
              render: (_: unknown, p) => (
                <Space size={4}>
                  <PartyName party={p.owner} />
                  {p.anonymous ? <AnonymousBadge /> : null}
                </Space>
              ),
            },
            { title: t('docking.review.since'), dataIndex: 'updated_at', render: (v: string) => formatDateTime(v, i18n.language) },
            { title: t('docking.requests.actions'), key: 'actions', render: (_: unknown, p) => <ReviewBox posting={p} compact /> },
          ]}
        />
      </Card>
    </Space>
  );
}
