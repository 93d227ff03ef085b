import { act, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { jsonResponse, stubFetch, type StubRequest } from '@/testing/fetch-stub';
import { renderApp } from '@/testing/render-app';

import type { Notification } from '../../types';

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

/** The server end of the notifications socket, driven by the test. */
class ServerSocket {
  static instances: ServerSocket[] = [];
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  readyState = 0;
  sent: unknown[] = [];

  constructor(readonly url: string) {
    ServerSocket.instances.push(this);
    setTimeout(() => {
      this.readyState = 1;
      this.onopen?.(new Event('open'));
    }, 0);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
  }
  push(frame: unknown) {
    act(() => {
      this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(frame) }));
    });
  }
}

function row(id: number, overrides: Partial<Notification> = {}): Notification {
  return {
    id,
    kind: 'match.created',
    kind_label: '新的强匹配',
    urgent: false,
    title: `通知 ${id}`,
    body: '',
    link: '',
    created: '2026-05-06T08:30:00Z',
    read_at: null,
    ...overrides,
  };
}

/** A tiny notifications API over an in-memory inbox (newest last). */
function notificationsServer(inbox: Notification[]) {
  return stubFetch(({ url, method, body }: StubRequest) => {
    const path = url.split('?')[0];
    if (url === '/api/me') return jsonResponse(200, BOB);
    if (url === '/api/health') return jsonResponse(200, { status: 'ok', checked_at: '2026-05-06T08:30:00Z', parts: [] });
    if (url === '/api/auth/csrf') {
      document.cookie = 'csrftoken=tok; path=/';
      return jsonResponse(200, { csrfToken: 'tok' });
    }
    if (path === '/api/notifications/unread-count') {
      return jsonResponse(200, {
        unread: inbox.filter((n) => !n.read_at).length,
        latest_id: inbox.at(-1)?.id ?? 0,
      });
    }
    if (path === '/api/notifications/' && method === 'GET') {
      const params = new URLSearchParams(url.split('?')[1] ?? '');
      const rows = [...inbox].reverse().filter((n) => params.get('unread') !== 'true' || !n.read_at);
      return jsonResponse(200, { count: rows.length, next: null, previous: null, results: rows });
    }
    if (path === '/api/notifications/read-all' && method === 'POST') {
      const upTo = (body as { up_to_id?: number }).up_to_id ?? Infinity;
      let marked = 0;
      for (const n of inbox) {
        if (!n.read_at && n.id <= upTo) {
          n.read_at = '2026-05-06T09:00:00Z';
          marked += 1;
        }
      }
      return jsonResponse(200, { marked });
    }
    const detail = /^\/api\/notifications\/(\d+)(\/read)?$/.exec(path);
    if (detail) {
      const found = inbox.find((n) => n.id === Number(detail[1]));
      if (!found) return jsonResponse(404, { code: 'not_found', message: '未找到', detail: null });
      if (detail[2] && method === 'POST') found.read_at = '2026-05-06T09:00:00Z';
      return jsonResponse(200, found);
    }
    return jsonResponse(404, { code: 'not_found', message: 'not found', detail: null });
  });
}

async function openSocket(): Promise<ServerSocket> {
  await waitFor(() => expect(ServerSocket.instances).toHaveLength(1));
  const socket = ServerSocket.instances[0];
  await waitFor(() => expect(socket.sent.length).toBeGreaterThan(0));
  return socket;
}

// Ant Design's drawer and list render slowly in jsdom on a busy machine.
describe('notification bell', { timeout: 20_000 }, () => {
  beforeEach(() => {
    ServerSocket.instances = [];
    vi.stubGlobal('WebSocket', ServerSocket);
  });

  it('shows the unread count and raises it live when the socket says one arrived', async () => {
    const inbox = [row(1, { read_at: '2026-05-06T08:31:00Z' }), row(2)];
    notificationsServer(inbox);
    renderApp('/');

    const bell = await screen.findByTestId('notification-bell');
    await waitFor(() => expect(bell).toHaveAttribute('data-unread', '1'));
    const socket = await openSocket();
    // The socket resumes where the count left off: what the page has is not replayed.
    expect(socket.sent[0]).toEqual({ type: 'hello', last_id: 2 });
    expect(bell).toHaveAccessibleName('通知：1 条未读');

    inbox.push(row(3, { title: '江北新区发布了新的对接需求' }));
    socket.push({ type: 'notification', id: 3, kind: 'match.created', urgent: false });

    await waitFor(() => expect(bell).toHaveAttribute('data-unread', '2'));
    expect(screen.queryByTestId('notification-toast')).not.toBeInTheDocument();
  });

  it('opens the drawer with the newest first and marks read only what was seen', async () => {
    const inbox = [row(1), row(2, { title: '议程已发布', kind: 'agenda.published', kind_label: '议程已发布' })];
    const { calls } = notificationsServer(inbox);
    const { user } = renderApp('/');
    const bell = await screen.findByTestId('notification-bell');
    await waitFor(() => expect(bell).toHaveAttribute('data-unread', '2'));

    await user.click(bell);
    const drawer = await screen.findByTestId('notification-list');
    await waitFor(() => expect(within(drawer).getAllByTestId('notification-item')).toHaveLength(2));
    const items = within(drawer).getAllByTestId('notification-item');
    expect(items[0]).toHaveTextContent('议程已发布');
    expect(items[0]).toHaveAttribute('data-read', 'false');

    // One arrives while the drawer is open, before the list refetches: it must stay unread.
    inbox.push(row(3));
    await user.click(screen.getByTestId('mark-all-read'));

    await waitFor(() => expect(bell).toHaveAttribute('data-unread', '1'));
    const readAll = calls.find((call) => call.url === '/api/notifications/read-all');
    expect(readAll?.body).toEqual({ up_to_id: 2 });
    expect(readAll?.headers.get('X-CSRFToken')).toBe('tok');
  });

  it('marks one read when it is opened from the drawer', async () => {
    const inbox = [row(1), row(2)];
    const { calls } = notificationsServer(inbox);
    const { user } = renderApp('/');
    const bell = await screen.findByTestId('notification-bell');
    await waitFor(() => expect(bell).toHaveAttribute('data-unread', '2'));

    await user.click(bell);
    const list = await screen.findByTestId('notification-list');
    const first = await within(list).findByText('通知 2');
    await user.click(first);

    await waitFor(() => expect(bell).toHaveAttribute('data-unread', '1'));
    expect(calls.some((call) => call.url === '/api/notifications/2/read' && call.method === 'POST')).toBe(true);
  });

  it('pops up a toast for an urgent kind', async () => {
    const inbox: Notification[] = [];
    notificationsServer(inbox);
    renderApp('/');
    const bell = await screen.findByTestId('notification-bell');
    const socket = await openSocket();
    expect(socket.sent[0]).toEqual({ type: 'hello', last_id: 0 });

    inbox.push(
      row(5, {
        kind: 'action_item.due',
        kind_label: '督办事项到期',
        urgent: true,
        title: '督办事项今天到期',
        body: '请江宁园于今日 17:00 前反馈进展',
      }),
    );
    socket.push({ type: 'notification', id: 5, kind: 'action_item.due', urgent: true });

    const toast = await screen.findByTestId('notification-toast');
    expect(toast).toHaveTextContent('督办事项今天到期');
    expect(toast).toHaveTextContent('请江宁园于今日 17:00 前反馈进展');
    await waitFor(() => expect(bell).toHaveAttribute('data-unread', '1'));
  });

  it('pops up only a few toasts when many urgent ones arrive at once', async () => {
    const inbox: Notification[] = [];
    notificationsServer(inbox);
    renderApp('/');
    await screen.findByTestId('notification-bell');
    const socket = await openSocket();

    for (let id = 1; id <= 5; id += 1) {
      inbox.push(row(id, { kind: 'meeting.reminder', urgent: true, title: `会议提醒 ${id}` }));
      socket.push({ type: 'notification', id, kind: 'meeting.reminder', urgent: true });
    }

    await waitFor(() => expect(screen.getAllByTestId('notification-toast')).toHaveLength(3));
    await waitFor(() => expect(screen.getByTestId('notification-bell')).toHaveAttribute('data-unread', '5'));
    expect(screen.getAllByTestId('notification-toast')).toHaveLength(3);
  });

  it('refetches when another tab marked notifications read', async () => {
    const inbox = [row(1)];
    notificationsServer(inbox);
    renderApp('/');
    const bell = await screen.findByTestId('notification-bell');
    await waitFor(() => expect(bell).toHaveAttribute('data-unread', '1'));
    const socket = await openSocket();

    inbox[0].read_at = '2026-05-06T09:00:00Z';
    socket.push({ type: 'read' });

    await waitFor(() => expect(bell).toHaveAttribute('data-unread', '0'));
  });

  it('is not shown to anonymous visitors and opens no socket', async () => {
    stubFetch(({ url }) => {
      if (url === '/api/health') return jsonResponse(200, { status: 'ok', checked_at: '2026-05-06T08:30:00Z', parts: [] });
      return jsonResponse(403, { code: 'not_authenticated', message: '尚未登录', detail: null });
    });
    renderApp('/');
    expect(await screen.findByTestId('sign-in-button')).toBeInTheDocument();
    expect(screen.queryByTestId('notification-bell')).not.toBeInTheDocument();
    expect(ServerSocket.instances).toHaveLength(0);
  });
});
