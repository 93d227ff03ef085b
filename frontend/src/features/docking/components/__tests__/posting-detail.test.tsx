import { configure, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { jsonResponse } from '@/testing/fetch-stub';
import { renderApp } from '@/testing/render-app';

import { dockingRequest, dockingServer, posting } from './docking-server';

configure({ asyncUtilTimeout: 5_000 });

describe('a posting page', { timeout: 30_000 }, () => {
  it('still works when the graph is down, and says so where the suggestions would be', async () => {
    dockingServer({
      '/api/docking/postings/7': () => jsonResponse(200, posting({ description: '第一行\n<script>alert(1)</script>' })),
      '/api/docking/postings/7/requests': () => jsonResponse(200, []),
      '/api/docking/postings/7/recommendations': () =>
        jsonResponse(503, { code: 'graph_unavailable', message: '图数据库暂时不可用', detail: null }),
    });
    const { container } = renderApp('/docking/postings/7');

    expect(await screen.findByTestId('posting-heading')).toHaveTextContent('车规级AI芯片低功耗验证');
    expect(screen.getByTestId('posting-description')).toHaveTextContent('<script>alert(1)</script>');
    expect(container.querySelector('[data-testid="posting-description"] script')).toBeNull();
    const alert = await screen.findByTestId('recommendations-error');
    expect(alert).toHaveTextContent('图谱服务暂不可用');
    expect(alert).toHaveTextContent('图数据库暂时不可用');
    expect(screen.getByTestId('open-request-form')).toBeInTheDocument();
  });

  it('shows suggestions with their reason and the path as arrows between tags', async () => {
    dockingServer({
      '/api/docking/postings/7': () => jsonResponse(200, posting()),
      '/api/docking/postings/7/requests': () => jsonResponse(200, []),
      '/api/docking/postings/7/recommendations': () =>
        jsonResponse(200, {
          posting: { id: 7, title: 'x', kind: 'tech_need', status: 'published', anonymous: false, owner: null },
          counterparts: [
            {
              uid: 'org:4',
              organisation_id: 4,
              label: 'Enterprise',
              name: '宁芯设计有限公司',
              score: 0.82,
              reason: '宁芯设计有限公司从事集成电路芯片设计领域，与该信息的产业方向一致。',
              path: {
                nodes: [
                  { uid: 'org:4', label: 'Enterprise', name: '宁芯设计有限公司' },
                  { uid: 'industry:3', label: 'Industry', name: '集成电路芯片设计' },
                ],
                relationships: ['ACTIVE_IN'],
              },
              reasons: [],
            },
          ],
        }),
    });
    renderApp('/docking/postings/7');
    const item = await screen.findByTestId('recommendation');
    expect(item).toHaveTextContent('与该信息的产业方向一致');
    const path = within(item).getByTestId('recommendation-path');
    expect(path).toHaveTextContent('宁芯设计有限公司');
    expect(path).toHaveTextContent('集成电路芯片设计');
    expect(path.querySelectorAll('.anticon-arrow-right')).toHaveLength(1);
  });

  it('lets the owner decline a request only with a reason', async () => {
    const { calls } = dockingServer({
      '/api/docking/postings/7': () => jsonResponse(200, posting({ viewer: { is_owner: true, can_request: false } })),
      '/api/docking/postings/7/requests': () => jsonResponse(200, [dockingRequest()]),
      '/api/docking/postings/7/recommendations': () => jsonResponse(200, { posting: {}, counterparts: [] }),
      'POST /api/docking/requests/11/transition': (request) =>
        jsonResponse(200, dockingRequest({ status: (request.body as { status: 'declined' }).status })),
    });
    const { user } = renderApp('/docking/postings/7');
    const table = await screen.findByTestId('posting-requests');
    expect(screen.getByTestId('owner-tools')).toBeInTheDocument();
    await user.click(within(table).getByTestId('step-declined'));
    await user.click(await screen.findByTestId('reason-ok'));
    expect(await screen.findByText('婉拒时请说明原因')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await user.type(screen.getByTestId('reason-input'), '方向不符');
    await user.click(screen.getByTestId('reason-ok'));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ status: 'declined', reason: '方向不符' }));
  });
});
