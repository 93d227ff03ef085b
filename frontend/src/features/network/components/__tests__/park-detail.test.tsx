import { configure, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { jsonResponse } from '@/testing/fetch-stub';
import { renderApp } from '@/testing/render-app';

import { networkServer, queriesTo } from './network-server';

// Full-app renders with antd are slow on a busy 2-core machine: wait longer than the defaults.
configure({ asyncUtilTimeout: 5_000 });

describe('a park page', { timeout: 30_000 }, () => {
  it('shows the facts, leading industries, ecosystem and hosted organisations', async () => {
    const { calls } = networkServer();
    renderApp('/parks/12');

    const detail = await screen.findByTestId('park-detail');
    expect(within(detail).getByTestId('park-name')).toHaveTextContent('江宁高新园');
    expect(detail).toHaveTextContent('南京高新区');
    expect(detail).toHaveTextContent('1,250.5');
    expect(within(screen.getByTestId('park-industries')).getByText('0.6')).toBeInTheDocument();

    const ecosystem = screen.getByTestId('park-ecosystem');
    expect(await within(ecosystem).findByText('合作机构')).toBeInTheDocument();
    expect(ecosystem).toHaveTextContent('实验室/创新机构');

    const hosted = screen.getByTestId('hosted-organisations');
    expect(await within(hosted).findByRole('link', { name: '宁芯微电子' })).toHaveAttribute('href', '/organisations/5');
    expect(queriesTo(calls, '/api/network/organisations').at(-1)?.get('park')).toBe('12');

    expect(screen.getByTestId('view-in-graph')).toHaveAttribute('href', '/explorer?focus=park%3A12');
  });

  it('keeps the page when the graph cannot answer', async () => {
    networkServer({
      '/api/network/parks/12/ecosystem': () =>
        jsonResponse(503, { code: 'graph_unavailable', message: '图数据库暂不可用', detail: null }),
    });
    renderApp('/parks/12');
    const ecosystem = await screen.findByTestId('park-ecosystem');
    expect(await within(ecosystem).findByText('图数据库暂不可用', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByTestId('park-name')).toHaveTextContent('江宁高新园');
  });

  it('says so when the park does not exist', async () => {
    networkServer();
    renderApp('/parks/999');
    expect(await screen.findByText('园区不存在或已被删除')).toBeInTheDocument();
  });
});
