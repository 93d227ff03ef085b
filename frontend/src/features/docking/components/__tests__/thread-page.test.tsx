import { act, configure, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { jsonResponse } from '@/testing/fetch-stub';
import { renderApp } from '@/testing/render-app';

import { dockingRequest, dockingServer, message, THREAD } from './docking-server';

configure({ asyncUtilTimeout: 5_000 });

/** A socket that opens at once and lets the test push server frames. */
class ScriptedSocket {
  static readonly OPEN = 1;
  static last: ScriptedSocket | null = null;
  readyState = 0;
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    ScriptedSocket.last = this;
    setTimeout(() => {
      this.readyState = 1;
      this.onopen?.();
    }, 0);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
  }
  push(frame: object) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
}

describe('a docking conversation', { timeout: 30_000 }, () => {
  it('renders messages as text, sends on Enter and fetches what the room announces', async () => {
    vi.stubGlobal('WebSocket', ScriptedSocket);
    let messages = [message(1, '<b>希望对接</b>', true)];
    const { calls } = dockingServer({
      '/api/notifications/unread-count': () => jsonResponse(200, { unread: 0, latest_id: 0 }),
      '/api/docking/threads/21': () => jsonResponse(200, THREAD),
      '/api/docking/requests/11': () => jsonResponse(200, { ...dockingRequest({ viewer_side: 'requester', status: 'accepted' }), history: [] }),
      'GET /api/docking/threads/21/messages': (_request, url) => {
        const after = Number(url.searchParams.get('after') ?? 0);
        return jsonResponse(200, messages.filter((m) => m.id > after));
      },
      'POST /api/docking/threads/21/messages': (request) => {
        const created = message(messages.length + 1, (request.body as { body: string }).body, true);
        messages = [...messages, created];
        return jsonResponse(201, created);
      },
    });
    const { user, container } = renderApp('/docking/threads/21');

    const list = await screen.findByTestId('message-list');
    expect(await within(list).findByText('<b>希望对接</b>')).toBeInTheDocument();
    expect(container.querySelector('[data-testid="message-list"] b')).toBeNull();
    // The anonymous poster is never named.
    expect(screen.getByTestId('thread-page')).toHaveTextContent('匿名发布方');
    expect(await screen.findByTestId('request-status')).toHaveAttribute('data-status', 'accepted');

    await user.type(screen.getByTestId('message-input'), '下周三面谈？{Enter}');
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/threads/21/messages'))).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ body: '下周三面谈？' });
    expect(await within(list).findByText('下周三面谈？')).toBeInTheDocument();
    expect(screen.getByTestId('message-input')).toHaveValue('');

    // The room joined on the socket announces the other side's message: only newer ones are fetched.
    await waitFor(() => expect(ScriptedSocket.last?.sent).toContainEqual({ type: 'subscribe', room: 'thread', id: 21 }));
    messages = [...messages, message(3, '可以，周三见。')];
    act(() => ScriptedSocket.last?.push({ type: 'event', room: 'thread-21', topic: 'thread.message', ref: 3 }));
    expect(await within(list).findByText('可以，周三见。')).toBeInTheDocument();
    expect(calls.some((c) => c.url.endsWith('/threads/21/messages?after=2'))).toBe(true);
  });

  it('shows a Shift+Enter line break instead of sending', async () => {
    dockingServer({
      '/api/docking/threads/21': () => jsonResponse(200, THREAD),
      '/api/docking/requests/11': () => jsonResponse(200, { ...dockingRequest({ viewer_side: 'requester', status: 'accepted' }), history: [] }),
      '/api/docking/threads/21/messages': () => jsonResponse(200, []),
    });
    const { user } = renderApp('/docking/threads/21');
    const input = await screen.findByTestId('message-input');
    await user.type(input, '第一行{Shift>}{Enter}{/Shift}第二行');
    expect(input).toHaveValue('第一行\n第二行');
  });
});
