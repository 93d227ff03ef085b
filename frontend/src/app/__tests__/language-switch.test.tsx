import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { jsonResponse, stubFetch } from '@/testing/fetch-stub';
import { renderApp } from '@/testing/render-app';

const HEALTH = {
  status: 'ok',
  checked_at: '2025-05-06T08:30:00Z',
  parts: [{ name: 'database', status: 'up', required: true, latency_ms: 1.5, detail: 'sqlite' }],
};

describe('language switch in the header', () => {
  it('shows Chinese first, switches the page to English, remembers it and tells the server', async () => {
    const { calls } = stubFetch(({ url }) => {
      if (url === '/api/health') return jsonResponse(200, HEALTH);
      return jsonResponse(403, { code: 'not_authenticated', message: '尚未登录', detail: null });
    });
    const { user } = renderApp('/');

    expect(await screen.findByTestId('platform-title')).toHaveTextContent('宁聚 · 南京都市圈高新园区协同平台');
    expect(screen.getByTestId('brand-name')).toHaveTextContent('宁聚');
    const database = await screen.findByTestId('health-part-database');
    expect(database).toHaveTextContent('数据库');
    expect(within(database).getByTestId('part-status-tag')).toHaveTextContent('正常');
    expect(screen.getByRole('menuitem', { name: /首页/ })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('zh-Hans');

    await user.click(within(screen.getByTestId('language-switch')).getByText('English'));

    await waitFor(() =>
      expect(screen.getByTestId('platform-title')).toHaveTextContent(
        'NingJu · Nanjing Metropolitan High-tech Park Collaboration Platform',
      ),
    );
    expect(screen.getByTestId('brand-name')).toHaveTextContent('NingJu');
    expect(screen.getByTestId('health-part-database')).toHaveTextContent('Database');
    expect(within(screen.getByTestId('health-part-database')).getByTestId('part-status-tag')).toHaveTextContent('up');
    expect(screen.getByRole('menuitem', { name: /Home/ })).toBeInTheDocument();
    expect(screen.getByTestId('sign-in-button')).toHaveTextContent('Sign in');
    expect(window.localStorage.getItem('ningju.language')).toBe('en');
    expect(document.documentElement.lang).toBe('en');

    // The switch refetches server texts, now asked for in English.
    await waitFor(() => {
      const last = calls.filter((call) => call.url === '/api/health').at(-1);
      expect(last?.headers.get('Accept-Language')).toBe('en');
    });

    await user.click(within(screen.getByTestId('language-switch')).getByText('中文'));
    await waitFor(() => expect(screen.getByTestId('brand-name')).toHaveTextContent('宁聚'));
    expect(window.localStorage.getItem('ningju.language')).toBe('zh-Hans');
  });
});
