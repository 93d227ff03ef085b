import { cleanup, configure, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { renderApp } from '@/testing/render-app';

import { networkServer, queriesTo } from './network-server';

async function choose(user: ReturnType<typeof renderApp>['user'], label: string, option: string) {
  await user.click(screen.getByRole('combobox', { name: label }));
  const item = await screen.findByTitle(option);
  await user.click(item);
}

// Full-app renders with antd are slow on a busy 2-core machine: wait longer than the defaults.
configure({ asyncUtilTimeout: 5_000 });

describe('the park list', { timeout: 30_000 }, () => {
  it('shows parks with their level, industries and capacity', async () => {
    networkServer();
    renderApp('/parks');

    const table = await screen.findByTestId('park-table');
    const row = await within(table).findByRole('link', { name: '江宁高新园' });
    expect(row).toHaveAttribute('href', '/parks/12');
    expect(table).toHaveTextContent('国家级');
    expect(table).toHaveTextContent('集成电路 0.6');
    expect(table).toHaveTextContent('1,250.5');
    expect(table).toHaveTextContent('380,000');
  });

  it('turns each filter into a query parameter and goes back to page 1', async () => {
    const { calls } = networkServer();
    const { user, router } = renderApp('/parks?page=3');
    await screen.findByRole('link', { name: '江宁高新园' });
    expect(queriesTo(calls, '/api/network/parks').at(-1)?.get('page')).toBe('3');

    await choose(user, '城市', '南京');
    await choose(user, '级别', '国家级');
    await choose(user, '联盟成员', '非联盟成员');
    await user.type(screen.getByPlaceholderText(/园区名称/), 'jn{Enter}');

    await waitFor(() => {
      const last = queriesTo(calls, '/api/network/parks').at(-1);
      expect(last?.get('q')).toBe('jn');
    });
    const last = queriesTo(calls, '/api/network/parks').at(-1)!;
    expect(Object.fromEntries(last)).toEqual({
      q: 'jn',
      city: '1',
      level: 'national',
      alliance_member: 'false',
      page: '1',
      page_size: '20',
    });
    // The filters are in the address, so the view can be shared or bookmarked.
    expect(router.state.location.search).toBe('?q=jn&city=1&level=national&alliance_member=false');
  });

  it('offers the exports as downloads of what the filters select', async () => {
    networkServer();
    renderApp('/parks');
    expect(await screen.findByTestId('export-parks-csv')).toHaveAttribute(
      'href',
      '/api/network/export?entity=parks&format=csv',
    );
    cleanup();
    renderApp('/parks?city=1&level=national&page=2');
    expect(await screen.findByTestId('export-parks-xlsx')).toHaveAttribute(
      'href',
      '/api/network/export?entity=parks&format=xlsx&city=1&level=national',
    );
  });

  it('sends an anonymous visitor to sign in', async () => {
    networkServer({
      '/api/me': () =>
        new Response(JSON.stringify({ code: 'not_authenticated', message: '尚未登录' }), {
          status: 403,
          headers: { 'Content-Type': 'application/json' },
        }),
    });
    const { router } = renderApp('/parks');
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
  });
});
