import { Button, Progress, Skeleton, Table, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Factor, FactorName, GraphPath } from '../types';

// Cytoscape.js loads only when someone draws a path, not with the project list.
const PathGraph = lazy(() => import('./path-graph').then((m) => ({ default: m.PathGraph })));

function pathText(path: GraphPath): string {
  return path.map((part, i) => (i % 2 === 1 ? ` -[${part}]- ` : part)).join('');
}

/** One candidate's factors: value, weight, sentence, and the graph paths behind it. */
export function FactorBreakdown({ factors, names }: { factors: Factor[]; names: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  const [drawn, setDrawn] = useState<string | null>(null);
  const shown = factors.find((f) => f.name === drawn);

  return (
    <div data-testid="factor-breakdown">
      <Table
        size="small"
        pagination={false}
        rowKey="name"
        dataSource={factors}
        columns={[
          { title: t('matching.factor'), dataIndex: 'name', render: (name: FactorName) => t(`matching.factors.${name}`) },
          {
            title: t('matching.value'),
            dataIndex: 'value',
            width: 160,
            render: (value: number) => <Progress percent={Math.round(value * 100)} size="small" />,
          },
          { title: t('matching.weight'), dataIndex: 'weight', width: 80 },
          {
            title: t('matching.why'),
            key: 'why',
            render: (_: unknown, f: Factor) => (
              <div>
                <Typography.Text>{english ? f.sentence_en : f.sentence_zh}</Typography.Text>
                {f.paths.map((p) => (
                  <div key={p.join('|')}>
                    <Typography.Text type="secondary" code style={{ fontSize: 11 }}>
                      {pathText(p)}
                    </Typography.Text>
                  </div>
                ))}
                {f.paths.length > 0 ? (
                  <Button size="small" type="link" onClick={() => setDrawn(drawn === f.name ? null : f.name)}>
                    {t('matching.drawPaths')}
                  </Button>
                ) : null}
              </div>
            ),
          },
        ]}
      />
      {shown ? (
        <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 240 }} />}>
          <PathGraph paths={shown.paths} names={names} />
        </Suspense>
      ) : null}
    </div>
  );
}
