import { Card, Col, Row, Statistic, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { QueryState } from '@/components/query-state';
import { useRuns } from '@/features/research/api/runs';
import { useSavedQueries } from '@/features/research/api/saved-queries';

import { FigureCard } from './figure-card';
import { useGraphCounts, type GraphCounts } from './home-api';

const COUNT_LINKS: [keyof GraphCounts, string][] = [
  ['parks', '/parks'],
  ['organisations', '/organisations'],
  ['relations', '/explorer'],
  ['industries', '/explorer'],
];

function GraphStatsCard() {
  const { t } = useTranslation();
  const counts = useGraphCounts();
  return (
    <Card
      title={<h2 className="ningju-card-title">{t('home.graphStats')}</h2>}
      extra={<Link to="/explorer">{t('nav.explorer')}</Link>}
      style={{ height: '100%' }}
      data-testid="home-graph-stats"
    >
      <QueryState query={counts}>
        {(c) => (
          <Row gutter={[16, 16]}>
            {COUNT_LINKS.map(([name, to]) => (
              <Col span={12} key={name}>
                <Link to={to} data-testid={`home-graph-${name}`}>
                  <Statistic title={t(`home.graph.${name}`)} value={c[name]} />
                </Link>
              </Col>
            ))}
          </Row>
        )}
      </QueryState>
    </Card>
  );
}

/** 研究人员: their queries, their runs and the size of the graph. */
export function ResearcherHome() {
  const { t } = useTranslation();
  const saved = useSavedQueries();
  const runs = useRuns('mine', 1);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={12} xl={8}>
        <FigureCard
          title={t('home.savedQueries')}
          testId="home-saved-queries"
          query={saved}
          count={(page) => page.count}
          rows={(page) =>
            page.results.map((q) => ({
              key: q.id,
              to: '/research?tab=saved',
              title: q.name,
              extra: q.shared ? <Tag>{t('home.shared')}</Tag> : null,
            }))
          }
          to="/research?tab=saved"
          empty={t('home.noSavedQueries')}
        />
      </Col>
      <Col xs={24} md={12} xl={8}>
        <FigureCard
          title={t('home.recentRuns')}
          testId="home-recent-runs"
          query={runs}
          count={(page) => page.count}
          rows={(page) =>
            page.results.map((run) => ({
              key: run.id,
              to: '/research?tab=history',
              title: run.saved_query?.name ?? run.cypher,
              extra: <Tag>{run.outcome_label}</Tag>,
            }))
          }
          to="/research?tab=history"
          empty={t('home.noRuns')}
        />
      </Col>
      <Col xs={24} md={24} xl={8}>
        <GraphStatsCard />
      </Col>
    </Row>
  );
}
