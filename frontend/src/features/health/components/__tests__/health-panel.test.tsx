import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { jsonResponse, stubFetch } from '@/testing/fetch-stub';
import { renderApp } from '@/testing/render-app';

const DEGRADED = {
  status: 'degraded',
  checked_at: '2025-05-06T08:30:00Z',
  parts: [
    { name: 'database', label: '数据库', status: 'up', required: true, latency_ms: 1.23, detail: 'sqlite' },
    { name: 'redis', status: 'down', required: true, latency_ms: 2002.5, detail: 'Error 111 connecting to 127.0.0.1:6379. Connection refused.' },
    { name: 'channel_layer', status: 'up', required: true, latency_ms: 0.4, detail: 'InMemoryChannelLayer' },
    { name: 'neo4j', status: 'down', required: true, latency_ms: 5000, detail: 'ServiceUnavailable: bolt://127.0.0.1:7687' },
    { name: 'celery', status: 'not_configured', required: false, latency_ms: null, detail: null },
  ],
};

function anonymousApi(health: () => Response) {
  return stubFetch(({ url }) => {
    if (url === '/api/health') return health();
    if (url === '/api/me') return jsonResponse(403, { code: 'not_authenticated', message: '尚未登录', detail: null });
    return jsonResponse(404, { code: 'not_found', message: 'not found', detail: null });
  });
}

describe('HealthPanel on the home page', () => {
  it('shows every part from a 503 body instead of an error', async () => {
    const { calls } = anonymousApi(() => jsonResponse(503, DEGRADED));
    renderApp('/');

    const overall = await screen.findByTestId('health-overall');
    await waitFor(() => expect(overall).toHaveAttribute('data-status', 'degraded'));
    expect(overall).toHaveTextContent('部分组件异常');
    expect(overall).toHaveTextContent('2 / 5');

    const database = screen.getByTestId('health-part-database');
    expect(database).toHaveAttribute('data-status', 'up');
    expect(within(database).getByText('数据库')).toBeInTheDocument();
    expect(within(database).getByTestId('part-status-tag')).toHaveTextContent('正常');
    expect(within(database).getByTestId('part-latency')).toHaveTextContent('1.23 毫秒');
    expect(within(database).getByTestId('part-detail')).toHaveTextContent('sqlite');

    const redis = screen.getByTestId('health-part-redis');
    expect(redis).toHaveAttribute('data-status', 'down');
    expect(within(redis).getByText('缓存与消息 Redis')).toBeInTheDocument();
    expect(within(redis).getByTestId('part-status-tag')).toHaveTextContent('故障');
    expect(within(redis).getByTestId('part-detail')).toHaveTextContent('Connection refused');

    expect(screen.getByTestId('health-part-channel_layer')).toHaveTextContent('实时通道');
    const neo4j = screen.getByTestId('health-part-neo4j');
    expect(neo4j).toHaveAttribute('data-status', 'down');
    expect(neo4j).toHaveTextContent('图数据库 Neo4j');

    const celery = screen.getByTestId('health-part-celery');
    expect(celery).toHaveAttribute('data-status', 'not_configured');
    expect(celery).toHaveTextContent('后台任务 Celery');
    expect(within(celery).getByTestId('part-status-tag')).toHaveTextContent('未配置');
    expect(within(celery).getByText('可选')).toBeInTheDocument();
    expect(within(celery).queryByTestId('part-latency')).not.toBeInTheDocument();

    // The home page is public: it rendered for an anonymous visitor.
    expect(screen.getByTestId('platform-title')).toHaveTextContent('宁聚 · 南京都市圈高新园区协同平台');
    expect(calls.some((call) => call.url === '/api/health')).toBe(true);
  });

  it('shows the overall block as ok on a 200', async () => {
    anonymousApi(() =>
      jsonResponse(200, { ...DEGRADED, status: 'ok', parts: DEGRADED.parts.map((part) => ({ ...part, status: 'up' })) }),
    );
    renderApp('/');

    const overall = await screen.findByTestId('health-overall');
    await waitFor(() => expect(overall).toHaveAttribute('data-status', 'ok'));
    expect(overall).toHaveTextContent('全部正常');
    expect(screen.getByTestId('health-part-neo4j')).toHaveAttribute('data-status', 'up');
  });

  it('says the server is unreachable when the answer carries no report', async () => {
    anonymousApi(() => new Response('<html>Bad Gateway</html>', { status: 502 }));
    renderApp('/');

    const overall = await screen.findByTestId('health-overall');
    await waitFor(() => expect(overall).toHaveAttribute('data-status', 'unreachable'));
    expect(overall).toHaveTextContent('无法连接服务器');
    expect(screen.queryByTestId('health-part-database')).not.toBeInTheDocument();
  });
});
