import { configure, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { jsonResponse, stubFetch } from '@/testing/fetch-stub';
import { renderApp } from '@/testing/render-app';

import type { ActionDetail } from '../../types';

configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  vi.unstubAllGlobals();
});

const BOB = {
  id: 2,
  username: 'bob',
  display_name: '李园',
  role: 'park_staff',
  role_label: '园区工作人员',
  park: { id: 12, name: '江宁园' },
  organisation: null,
  is_staff: false,
};

const ACTION: ActionDetail = {
  id: 4,
  decision_id: 2,
  meeting_id: 7,
  meeting_title: '2027年第一次联席会议',
  owner_park: { id: 12, name: '江宁园' },
  owner_unit: '',
  text: '制定指标分算细则',
  deadline: '2027-04-30',
  status: 'in_progress',
  overdue: false,
  done_at: null,
  updates: [
    {
      id: 1,
      text: '已完成初稿',
      evidence_url: 'https://example.gov.cn/draft.pdf',
      status: 'in_progress',
      author: '李园',
      created_at: '2027-03-10T02:00:00Z',
    },
  ],
};

describe('following an action item', { timeout: 30_000 }, () => {
  it('opens from its link with the progress history and evidence, and reports progress', async () => {
    const { calls } = stubFetch((request) => {
      const path = new URL(request.url, 'http://localhost').pathname;
      if (path === '/api/me') return jsonResponse(200, BOB);
      if (path === '/api/auth/csrf') return jsonResponse(200, { csrfToken: 'token' });
      if (path === '/api/alliance/actions/4') return jsonResponse(200, ACTION);
      if (path === '/api/alliance/actions/4/updates') return jsonResponse(201, { id: 2 });
      if (path === '/api/alliance/actions') return jsonResponse(200, [ACTION]);
      if (path === '/api/alliance/actions/dashboard') return jsonResponse(200, []);
      return jsonResponse(404, { code: 'not_found', message: '未找到', detail: null });
    });
    const { user } = renderApp('/alliance/actions/4');
    const drawer = await screen.findByTestId('action-drawer');
    expect(await within(drawer).findByText('已完成初稿')).toBeInTheDocument();
    expect(within(drawer).getByRole('link', { name: '佐证链接' })).toHaveAttribute('href', 'https://example.gov.cn/draft.pdf');

    await user.click(within(drawer).getByRole('button', { name: '报告进展' }));
    // The drawer is a dialog too; the progress form is the one opened last.
    const dialogs = await screen.findAllByRole('dialog', { name: '制定指标分算细则' });
    const dialog = dialogs[dialogs.length - 1];
    await user.type(within(dialog).getByLabelText('进展'), '细则已报市发改委');
    await user.type(within(dialog).getByLabelText('佐证链接'), 'https://example.gov.cn/final.pdf');
    await user.click(within(dialog).getByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/actions/4/updates'))).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      text: '细则已报市发改委',
      status: 'in_progress',
      evidence_url: 'https://example.gov.cn/final.pdf',
    });
  });
});

describe('subscribing to the meeting calendar', { timeout: 30_000 }, () => {
  it('shows the secret URLs of the viewer and of their park and regenerates one', async () => {
    let generation = 0;
    const { calls } = stubFetch((request) => {
      const url = new URL(request.url, 'http://localhost');
      if (url.pathname === '/api/me') return jsonResponse(200, BOB);
      if (url.pathname === '/api/auth/csrf') return jsonResponse(200, { csrfToken: 'token' });
      if (url.pathname === '/api/alliance/meetings') return jsonResponse(200, []);
      if (url.pathname === '/api/alliance/calendar/subscription') {
        if (request.method === 'POST') {
          generation += 1;
          return jsonResponse(201, { scope: 'user', park_id: null, url: `http://testserver/api/alliance/calendar/feeds/new${generation}.ics`, created_at: '' });
        }
        const scope = url.searchParams.get('scope');
        return jsonResponse(200, {
          scope,
          park_id: scope === 'park' ? 12 : null,
          url: `http://testserver/api/alliance/calendar/feeds/${scope}-token.ics`,
          created_at: '',
        });
      }
      return jsonResponse(404, { code: 'not_found', message: '未找到', detail: null });
    });
    const { user } = renderApp('/alliance');
    await user.click(await screen.findByTestId('show-calendar-urls'));
    const mine = await screen.findByTestId('calendar-user');
    expect(await within(mine).findByText('http://testserver/api/alliance/calendar/feeds/user-token.ics')).toBeInTheDocument();
    expect(await within(screen.getByTestId('calendar-park')).findByText('http://testserver/api/alliance/calendar/feeds/park-token.ics')).toBeInTheDocument();
    expect(calls.some((c) => c.url.includes('scope=park') && c.url.includes('park=12'))).toBe(true);

    await user.click(within(mine).getByRole('button', { name: /重新生成/ }));
    await user.click(await screen.findByRole('button', { name: /确\s*定|OK/ }));
    expect(await within(mine).findByText('http://testserver/api/alliance/calendar/feeds/new1.ics')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ scope: 'user', park_id: null });
  });
});
