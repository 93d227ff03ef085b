import { configure, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { renderApp } from '@/testing/render-app';

import { networkServer, queriesTo } from './network-server';

// Full-app renders with antd are slow on a busy 2-core machine: wait longer than the defaults.
configure({ asyncUtilTimeout: 5_000 });

describe('the organisation list', { timeout: 30_000 }, () => {
  it('shows qualifications as tags and marks synthetic data', async () => {
    networkServer();
    renderApp('/organisations');
    const table = await screen.findByTestId('organisation-table');
    await within(table).findByRole('link', { name: '宁芯微电子' });
    expect(within(table).getByText('高新技术企业')).toBeInTheDocument();
    expect(within(table).getByText('专精特新')).toBeInTheDocument();
    expect(within(table).queryByText('独角兽')).not.toBeInTheDocument();
    expect(within(table).getByTestId('synthetic-tag')).toHaveTextContent('合成数据');
    expect(within(table).getByRole('link', { name: '江宁高新园' })).toHaveAttribute('href', '/parks/12');
  });

  it('filters by kind and by qualification flags', async () => {
    const { calls } = networkServer();
    const { user, router } = renderApp('/organisations');
    await screen.findByRole('link', { name: '宁芯微电子' });

    await user.click(screen.getByRole('combobox', { name: '机构类型' }));
    await user.click(await screen.findByTitle('企业'));
    const flags = screen.getByTestId('filter-flags');
    await user.click(within(flags).getByText('瞪羚企业'));
    await user.click(within(flags).getByText('上市企业'));

    await waitFor(() => expect(queriesTo(calls, '/api/network/organisations').at(-1)?.get('listed')).toBe('true'));
    const last = queriesTo(calls, '/api/network/organisations').at(-1)!;
    expect(last.get('kind')).toBe('enterprise');
    expect(last.get('gazelle')).toBe('true');
    expect(last.has('unicorn')).toBe(false);
    expect(router.state.location.search).toBe('?kind=enterprise&gazelle=true&listed=true');

    // A second click takes a flag off again.
    await user.click(within(flags).getByText('瞪羚企业'));
    await waitFor(() => expect(queriesTo(calls, '/api/network/organisations').at(-1)?.has('gazelle')).toBe(false));
  });

  it('reads a park filter from the address and names the park', async () => {
    const { calls } = networkServer();
    renderApp('/organisations?park=12');
    await screen.findByRole('link', { name: '宁芯微电子' });
    expect(queriesTo(calls, '/api/network/organisations').at(-1)?.get('park')).toBe('12');
    expect(await within(screen.getByTestId('organisation-filters')).findByText('江宁高新园')).toBeInTheDocument();
  });
});
