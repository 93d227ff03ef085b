import { configure, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { renderApp } from '@/testing/render-app';

import { networkServer, queriesTo } from './network-server';

// Full-app renders with antd are slow on a busy 2-core machine: wait longer than the defaults.
configure({ asyncUtilTimeout: 5_000 });

describe('an organisation page', { timeout: 30_000 }, () => {
  it('shows its facts, qualifications and relations, and links into the graph', async () => {
    const { calls } = networkServer();
    renderApp('/organisations/5');

    const detail = await screen.findByTestId('organisation-detail');
    expect(within(detail).getByTestId('organisation-name')).toHaveTextContent('宁芯微电子');
    expect(detail).toHaveTextContent('高新技术企业');
    expect(detail).toHaveTextContent('专精特新');
    expect(within(detail).getByRole('link', { name: '江宁高新园' })).toHaveAttribute('href', '/parks/12');
    expect(within(detail).getByTestId('synthetic-tag')).toBeInTheDocument();

    const relations = screen.getByTestId('relations');
    expect(await within(relations).findByRole('link', { name: '东南大学' })).toHaveAttribute('href', '/organisations/7');
    expect(relations).toHaveTextContent('合作');
    expect(relations).toHaveTextContent('联合研发');
    expect(relations).toHaveTextContent('2021-03-01 — 至今');
    expect(queriesTo(calls, '/api/network/relations').at(-1)?.get('uid')).toBe('org:5');

    expect(screen.getByTestId('view-in-graph')).toHaveAttribute('href', '/explorer?focus=org%3A5');
  });
});
