import { Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import type { Posting } from '../types';
import { AnonymousBadge, ExpiryTag, KindTag, PartyName, PostingStatusTag } from './tags';

/**
 * One posting in the marketplace. Title and description are user text: React renders them as
 * text nodes, so markup in them shows literally and never runs.
 */
export function PostingCard({ posting, showStatus = false }: { posting: Posting; showStatus?: boolean }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid="posting-card" data-posting-id={posting.id} style={{ height: '100%' }}>
      <Space direction="vertical" size={6} style={{ width: '100%' }}>
        <Space size={4} wrap>
          <KindTag kind={posting.kind} label={posting.kind_label} />
          {posting.anonymous ? <AnonymousBadge /> : null}
          {showStatus || posting.status !== 'published' ? <PostingStatusTag status={posting.status} /> : null}
          <ExpiryTag expiresAt={posting.expires_at} isExpired={posting.is_expired} />
        </Space>
        <Link to={`/docking/postings/${posting.id}`} data-testid="posting-title">
          <Typography.Text strong style={{ fontSize: 15 }}>
            {posting.title}
          </Typography.Text>
        </Link>
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
          {posting.description || t('docking.posting.noDescription')}
        </Typography.Paragraph>
        <Space size={4} wrap style={{ fontSize: 12 }}>
          <Typography.Text type="secondary">
            {t('docking.posting.owner')}: <PartyName party={posting.owner} />
          </Typography.Text>
          {posting.region ? <Typography.Text type="secondary">· {posting.region.name}</Typography.Text> : null}
        </Space>
        {posting.industries.length ? (
          <Space size={[0, 4]} wrap>
            {posting.industries.map((industry) => (
              <Tag key={industry.id} bordered={false}>
                {industry.name}
              </Tag>
            ))}
          </Space>
        ) : null}
      </Space>
    </Card>
  );
}
