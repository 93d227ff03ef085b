import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';

import { jsonResponse, stubFetch } from '@/testing/fetch-stub';

import type { ConsoleAnswer, SavedQuery } from '../../types';
import { ResearchPage } from '../research-page';
import { ErrorView, ResultView } from '../result-view';

// jsdom does not lay out text; CodeMirror measures ranges.
Range.prototype.getClientRects = () => [] as unknown as DOMRectList;
Range.prototype.getBoundingClientRect = () => new DOMRect();

function wrap(children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <App>{children}</App>
    </QueryClientProvider>,
  );
}

const ANSWER: ConsoleAnswer = {
  run: { id: 7, outcome: 'ok', duration_ms: 12.4, rows: 2, saved_query_version: null },
  columns: ['name', 'budget'],
  rows: [
    ['宁芯联合招商项目', '***'],
    ['江宁园', 3],
  ],
  nodes: [],
  edges: [],
  capped: true,
  graph_capped: false,
  truncated_cells: false,
  masked: true,
  plan_ms: 1,
  run_ms: 10,
};

const SHARED: SavedQuery = {
  id: 3,
  name: '园区承载机构',
  shared: true,
  owner: { id: 2, name: '陈研究员' },
  current: {
    number: 2,
    description: '某园区承载的机构',
    cypher: 'MATCH (p:Park {uid: $park})-[:HOSTS]->(o) RETURN o.name AS name',
    parameters: [{ name: 'park', type: 'uid', label: '园区', default: null, required: true }],
    created_at: '2026-01-01T00:00:00Z',
  },
  can_edit: false,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

describe('ResultView', () => {
  it('shows the table, the summary and what was capped or masked', () => {
    wrap(<ResultView answer={ANSWER} />);
    const table = screen.getByTestId('result-table');
    expect(within(table).getByText('宁芯联合招商项目')).toBeInTheDocument();
    expect(within(table).getByText('***')).toBeInTheDocument();
    expect(screen.getByTestId('result-summary')).toHaveTextContent('2 行');
    expect(screen.getByText('已达行数上限，结果不完整')).toBeInTheDocument();
    expect(screen.getByText('含保密字段（已遮蔽）')).toBeInTheDocument();
  });
});

describe('ErrorView', () => {
  it('shows the server reason of a refusal', () => {
    const error = Object.assign(new Error('控制台只执行只读查询；此查询的类型为“w”，包含 DETACH DELETE。'), {
      code: 'query_refused',
      detail: { reason: 'not_read_only' },
    });
    wrap(<ErrorView error={error} />);
    expect(screen.getByTestId('console-error')).toHaveTextContent('DETACH DELETE');
    expect(screen.getByTestId('console-error')).toHaveTextContent('not_read_only');
  });
});

describe('ResearchPage for park staff', () => {
  it('offers the shared saved queries and runs one with its parameters, without a console', async () => {
    const { calls } = stubFetch((request) => {
      if (request.url.startsWith('/api/research/saved-queries?')) {
        return jsonResponse(200, { count: 1, next: null, previous: null, results: [SHARED] });
      }
      if (request.url === '/api/research/saved-queries/3/versions') {
        return jsonResponse(200, [{ ...SHARED.current, id: 9, created_by: SHARED.owner }]);
      }
      if (request.url === '/api/research/saved-queries/3/run') {
        return jsonResponse(200, { ...ANSWER, columns: ['name'], rows: [['紫金山实验室']], capped: false, masked: false });
      }
      if (request.url === '/api/auth/csrf') {
        return jsonResponse(200, { csrfToken: 'token' });
      }
      return jsonResponse(200, { count: 0, next: null, previous: null, results: [] });
    });
    const user = userEvent.setup();
    wrap(<ResearchPage user={{ role: 'park_staff' }} />);
    expect(screen.queryByRole('tab', { name: '控制台' })).not.toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: '图谱分析' })).not.toBeInTheDocument();
    await user.click(await screen.findByText('园区承载机构'));
    await user.type(await screen.findByLabelText('园区'), 'park:1');
    await user.click(screen.getByTestId('run-saved-button'));
    expect(await screen.findByText('紫金山实验室')).toBeInTheDocument();
    const run = calls.find((c) => c.url === '/api/research/saved-queries/3/run');
    expect(run?.body).toEqual({ parameters: { park: 'park:1' } });
  });
});
