import { RightOutlined } from '@ant-design/icons';
import { Card, List, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { EmptyState, QueryState } from '@/components/query-state';

export type FigureRow = { key: string | number; to: string; title: ReactNode; extra?: ReactNode };

type QueryLike<T> = { data: T | undefined; isPending: boolean; isError: boolean; error: Error | null; refetch: () => unknown };

/**
 * One figure of the home page: a count that links to the list behind it, and the first few
 * rows of that list, each linking to its own page.
 */
export function FigureCard<T>({
  title,
  query,
  count,
  rows,
  to,
  testId,
  empty,
  unit,
}: {
  title: string;
  query: QueryLike<T>;
  count: (data: T) => number;
  rows?: (data: T) => FigureRow[];
  to: string;
  testId: string;
  empty?: string;
  unit?: string;
}) {
  const { t } = useTranslation();
  return (
    <Card
      title={<h2 className="ningju-card-title">{title}</h2>}
      extra={
        <Link to={to} aria-label={t('home.openList', { title })}>
          {t('home.all')} <RightOutlined aria-hidden />
        </Link>
      }
      style={{ height: '100%' }}
      data-testid={testId}
    >
      <QueryState query={query} rows={3}>
        {(data) => {
          const list = rows?.(data) ?? [];
          return (
            <Space direction="vertical" style={{ width: '100%' }} size="small">
              <Link to={to} data-testid={`${testId}-count`} className="ningju-figure">
                <span className="ningju-figure-number">{count(data)}</span>
                {unit ? <span className="ningju-figure-unit">{unit}</span> : null}
              </Link>
              {rows ? (
                list.length === 0 ? (
                  <EmptyState description={empty} />
                ) : (
                  <List
                    size="small"
                    dataSource={list.slice(0, 5)}
                    renderItem={(row) => (
                      // The title gives way (ellipsis) to the extra, which never wraps letter by
                      // letter in a narrow card.
                      <List.Item key={row.key} style={{ paddingInline: 0, gap: 8 }}>
                        <Link to={row.to} style={{ flex: 1, minWidth: 0 }}>
                          <Typography.Text ellipsis style={{ width: '100%', color: 'inherit' }}>
                            {row.title}
                          </Typography.Text>
                        </Link>
                        {row.extra ? <span className="ningju-figure-extra">{row.extra}</span> : null}
                      </List.Item>
                    )}
                  />
                )
              ) : null}
            </Space>
          );
        }}
      </QueryState>
    </Card>
  );
}
