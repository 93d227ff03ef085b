import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { jsonResponse, stubFetch } from '@/testing/fetch-stub';
import { renderApp } from '@/testing/render-app';

const BOB = {
  id: 7,
  username: 'bob',
  display_name: '李园',
  role: 'park_staff',
  role_label: '园区工作人员',
  park: { id: 3, name: '江宁园' },
  organisation: null,
  is_staff: false,
};

const ROWS = [
  {
    id: 2,
    kind: 'action_item.due',
    kind_label: '督办事项到期',
    urgent: true,
    title: '督办事项今天到期',
    body: '',
    link: '/actions/2',
    created: '2026-05-06T08:30:00Z',
    read_at: null,
  },
  {
    id: 1,
    kind: 'match.created',
    kind_label: '新的强匹配',
    urgent: false,
    title: '新的强匹配',
    body: '',
    link: '',
    created: '2026-05-05T08:30:00Z',
    read_at: '2026-05-05T09:00:00Z',
  },
];

const PREFERENCES = [
  { kind: 'match.created', kind_label: '新的强匹配', urgent: false, in_app: true, email: false },
  { kind: 'action_item.due', kind_label: '督办事项到期', urgent: true, in_app: true, email: false },
];

function server(options: { emailRefused?: boolean } = {}) {
  return stubFetch(({ url, method }) => {
    if (url === '/api/me') return jsonResponse(200, BOB);
    if (url === '/api/auth/csrf') {
      document.cookie = 'csrftoken=tok; path=/';
      return jsonResponse(200, { csrfToken: 'tok' });
    }
    if (url.startsWith('/api/notifications/unread-count')) return jsonResponse(200, { unread: 1, latest_id: 2 });
    if (url === '/api/notifications/preferences') return jsonResponse(200, PREFERENCES);
    if (url.startsWith('/api/notifications/preferences/') && method === 'PUT') {
      if (options.emailRefused) {
        return jsonResponse(400, {
          code: 'validation_error',
          message: '您的账户没有登记邮箱，无法开启邮件通知。',
          detail: { email: 'missing' },
        });
      }
      return jsonResponse(200, { ...PREFERENCES[0], email: true });
    }
    if (url.startsWith('/api/notifications/')) {
      const unreadOnly = url.includes('unread=true');
      const rows = unreadOnly ? ROWS.filter((row) => !row.read_at) : ROWS;
      return jsonResponse(200, { count: rows.length, next: null, previous: null, results: rows });
    }
    return jsonResponse(404, { code: 'not_found', message: 'not found', detail: null });
  });
}

// Ant Design's table and list render slowly in jsdom on a busy machine.
describe('notifications page', { timeout: 20_000 }, () => {
  it('lists every notification and filters to unread ones', async () => {
    const { calls } = server();
    const { user } = renderApp('/notifications');

    const page = await screen.findByTestId('notifications-page');
    await waitFor(() => expect(within(page).getAllByTestId('notification-item')).toHaveLength(2));
    expect(within(page).getAllByTestId('notification-item')[0]).toHaveTextContent('督办事项到期');

    await user.click(screen.getByTestId('unread-only'));

    await waitFor(() => expect(within(page).getAllByTestId('notification-item')).toHaveLength(1));
    expect(calls.some((call) => call.url.includes('unread=true'))).toBe(true);
  });

  it('turns email on for a kind, and shows why when the server refuses', async () => {
    const { calls } = server({ emailRefused: true });
    const { user } = renderApp('/notifications');

    const toggle = await screen.findByTestId('email-match.created');
    await user.click(toggle);

    expect(await screen.findByText(/您的账户没有登记邮箱/)).toBeInTheDocument();
    const put = calls.find((call) => call.method === 'PUT');
    expect(put?.url).toBe('/api/notifications/preferences/match.created');
    expect(put?.body).toEqual({ email: true });
  });
});
