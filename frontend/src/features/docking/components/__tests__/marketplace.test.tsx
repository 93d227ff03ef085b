import { configure, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { jsonResponse } from '@/testing/fetch-stub';
import { renderApp } from '@/testing/render-app';

import { dockingServer, posting, RESEARCHER } from './docking-server';

configure({ asyncUtilTimeout: 5_000 });

const XSS = '<img src=x onerror=alert(1)>';

describe('the docking marketplace', { timeout: 30_000 }, () => {
  it('shows markup in titles as text and hides an anonymous owner', async () => {
    dockingServer({
      '/api/docking/postings': () =>
        jsonResponse(200, {
          count: 2,
          next: null,
          previous: null,
          results: [
            posting({ id: 1, title: XSS }),
            posting({ id: 2, title: '标准厂房出租', kind: 'space', kind_label: '载体空间', visibility: 'anonymous', anonymous: true, owner: null }),
          ],
        }),
    });
    const { container } = renderApp('/docking');

    const cards = await screen.findAllByTestId('posting-card');
    expect(cards).toHaveLength(2);
    expect(within(cards[0]).getByTestId('posting-title')).toHaveTextContent(XSS);
    expect(container.querySelector('img[src="x"]')).toBeNull();
    expect(within(cards[1]).getByTestId('anonymous-badge')).toBeInTheDocument();
    expect(within(cards[1]).getByText('匿名发布方')).toBeInTheDocument();
    expect(within(cards[1]).getByText('载体空间')).toBeInTheDocument();
    expect(screen.getByText('共 2 条')).toBeInTheDocument();
  });

  it('sends the Chinese search to the server and keeps it in the address', async () => {
    const { calls } = dockingServer({
      '/api/docking/postings': () => jsonResponse(200, { count: 0, next: null, previous: null, results: [] }),
    });
    const { user, router } = renderApp('/docking');
    const box = await screen.findByLabelText('搜索对接信息');
    await user.type(box, '芯片 验证{Enter}');

    await waitFor(() =>
      expect(calls.some((c) => c.url.startsWith('/api/docking/postings?') && new URL(c.url, 'http://x').searchParams.get('q') === '芯片 验证')).toBe(true),
    );
    expect(router.state.location.search).toContain('q=');
    expect(await screen.findByText('没有符合条件的对接信息')).toBeInTheDocument();
  });

  it('offers researchers no write buttons', async () => {
    dockingServer(
      { '/api/docking/postings': () => jsonResponse(200, { count: 1, next: null, previous: null, results: [posting()] }) },
      RESEARCHER,
    );
    renderApp('/docking');
    await screen.findAllByTestId('posting-card');
    expect(screen.queryByTestId('new-posting')).toBeNull();
    expect(screen.getByTestId('save-search')).toBeInTheDocument();
  });
});
