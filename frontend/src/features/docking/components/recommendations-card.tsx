import { ArrowRightOutlined } from '@ant-design/icons';
import { Alert, Card, Collapse, Empty, List, Space, Tag, Typography } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { ApiError } from '@/lib/api-client';

import { useRecommendations } from '../api/postings';
import type { GraphPath } from '../types';

const LABEL_COLOURS: Record<string, string> = {
  Park: 'blue',
  University: 'purple',
  Lab: 'magenta',
  Enterprise: 'green',
  Incubator: 'cyan',
  Industry: 'gold',
  Posting: 'default',
};

/** A graph path as tags joined by arrows: 南京大学 → 集成电路 → 宁芯设计. */
export function PathTags({ path }: { path: GraphPath }) {
  return (
    <Space size={2} wrap data-testid="recommendation-path">
      {path.nodes.map((node, index) => (
        <Fragment key={`${node.uid}-${index}`}>
          {index > 0 ? <ArrowRightOutlined style={{ fontSize: 10, color: '#999' }} aria-hidden /> : null}
          <Tag color={LABEL_COLOURS[node.label] ?? 'default'} style={{ marginInlineEnd: 0 }}>
            {node.name}
          </Tag>
        </Fragment>
      ))}
    </Space>
  );
}

/** Who in the graph could answer this posting, with why (sentences) and the path behind it. */
export function RecommendationsCard({ postingId }: { postingId: number }) {
  const { t } = useTranslation();
  const recommendations = useRecommendations(postingId, true);
  const error: Error | null = recommendations.error;
  const graphDown = error instanceof ApiError && error.status === 503;

  return (
    <Card title={t('docking.recommendations.title')} data-testid="recommendations" loading={recommendations.isLoading}>
      {error ? (
        <Alert
          type={graphDown ? 'warning' : 'error'}
          showIcon
          message={graphDown ? t('docking.recommendations.unavailable') : error.message}
          description={graphDown ? error.message : undefined}
          data-testid="recommendations-error"
        />
      ) : recommendations.data && recommendations.data.counterparts.length === 0 ? (
        <Empty description={t('docking.recommendations.none')} />
      ) : (
        <List
          dataSource={recommendations.data?.counterparts ?? []}
          renderItem={(counterpart) => (
            <List.Item key={counterpart.uid} data-testid="recommendation">
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Space wrap>
                  {counterpart.organisation_id ? (
                    <Link to={`/organisations/${counterpart.organisation_id}`}>
                      <Typography.Text strong>{counterpart.name}</Typography.Text>
                    </Link>
                  ) : (
                    <Typography.Text strong>{counterpart.name}</Typography.Text>
                  )}
                  <Tag>{t('docking.recommendations.score', { score: counterpart.score.toFixed(2) })}</Tag>
                </Space>
                <Typography.Text>{counterpart.reason}</Typography.Text>
                <PathTags path={counterpart.path} />
                {counterpart.reasons.length > 1 ? (
                  <Collapse
                    size="small"
                    ghost
                    items={[
                      {
                        key: 'more',
                        label: t('docking.recommendations.moreReasons', { count: counterpart.reasons.length - 1 }),
                        children: (
                          <Space direction="vertical" size={8}>
                            {counterpart.reasons.slice(1).map((reason, index) => (
                              <Space key={index} direction="vertical" size={2}>
                                <Typography.Text>{reason.sentence}</Typography.Text>
                                <PathTags path={reason.path} />
                              </Space>
                            ))}
                          </Space>
                        ),
                      },
                    ]}
                  />
                ) : null}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
