import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { WsClient, backoffDelay, notificationsUrl } from '@/lib/ws-client';

class FakeSocket {
  static instances: FakeSocket[] = [];
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  sent: unknown[] = [];
  closed = false;
  readyState = 0;

  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.closed = true;
  }
  // Test helpers: what the server side would do.
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  receive(message: unknown) {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(message) }));
  }
  drop() {
    this.onclose?.(new CloseEvent('close', { code: 1006 }));
  }
}

function client() {
  return new WsClient({
    url: 'ws://park.example/ws/notifications/',
    minDelayMs: 1000,
    maxDelayMs: 8000,
    random: () => 1, // no jitter: the delay is the ceiling
    WebSocketImpl: FakeSocket as unknown as typeof WebSocket,
  });
}

describe('ws client', () => {
  beforeEach(() => {
    FakeSocket.instances = [];
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('builds the URL from the page location', () => {
    expect(notificationsUrl({ protocol: 'https:', host: 'ningju.example:8443' })).toBe(
      'wss://ningju.example:8443/ws/notifications/',
    );
    expect(notificationsUrl({ protocol: 'http:', host: '127.0.0.1:8000' })).toBe('ws://127.0.0.1:8000/ws/notifications/');
  });

  it('says hello with the last id seen and hands messages to subscribers', () => {
    const ws = client();
    const received: unknown[] = [];
    ws.subscribe((message) => received.push(message));

    const socket = FakeSocket.instances[0];
    socket.open();
    expect(socket.sent).toEqual([{ type: 'hello', last_id: 0 }]);

    socket.receive({ type: 'notification', id: 41 });
    socket.receive({ type: 'notification', id: 42 });
    expect(received).toEqual([
      { type: 'notification', id: 41 },
      { type: 'notification', id: 42 },
    ]);
    expect(ws.lastId).toBe(42);
  });

  it('reconnects with doubling back-off and replays from the last id', () => {
    const ws = client();
    ws.subscribe(() => {});
    const first = FakeSocket.instances[0];
    first.open();
    first.receive({ type: 'notification', id: 7 });

    first.drop();
    expect(ws.getStatus()).toBe('reconnecting');
    vi.advanceTimersByTime(999);
    expect(FakeSocket.instances).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.instances).toHaveLength(2);

    // Second failure before opening: the wait doubles.
    FakeSocket.instances[1].drop();
    vi.advanceTimersByTime(1999);
    expect(FakeSocket.instances).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.instances).toHaveLength(3);

    const third = FakeSocket.instances[2];
    third.open();
    expect(third.sent).toEqual([{ type: 'hello', last_id: 7 }]);
    expect(ws.getStatus()).toBe('open');
  });

  it('closes for good when the last subscriber leaves', () => {
    const ws = client();
    const unsubscribe = ws.subscribe(() => {});
    const socket = FakeSocket.instances[0];
    socket.open();

    unsubscribe();
    expect(socket.closed).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.instances).toHaveLength(1);
    expect(ws.getStatus()).toBe('idle');
  });

  it('caps the back-off', () => {
    expect(backoffDelay(0, 1000, 30_000, () => 1)).toBe(1000);
    expect(backoffDelay(3, 1000, 30_000, () => 1)).toBe(8000);
    expect(backoffDelay(10, 1000, 30_000, () => 1)).toBe(30_000);
    expect(backoffDelay(10, 1000, 30_000, () => 0)).toBe(15_000);
  });

  it('moves the replay point only on notification and synced frames', () => {
    const ws = client();
    ws.subscribe(() => {});
    const socket = FakeSocket.instances[0];
    socket.open();

    socket.receive({ type: 'welcome', user_id: 99 });
    socket.receive({ type: 'event', room: 'meeting-7', topic: 'agenda.item_advanced', ref: 500, id: 500 });
    expect(ws.lastId).toBe(0);
    socket.receive({ type: 'notification', id: 12, kind: 'match.created', urgent: false });
    expect(ws.lastId).toBe(12);
    socket.receive({ type: 'synced', last_id: 40, replayed: 0, truncated: true });
    expect(ws.lastId).toBe(40);
  });

  it("starts the replay over when the server says the last id is not the user's", () => {
    const ws = client();
    ws.noteSeen(77); // left over from the previous account in this tab
    ws.subscribe(() => {});
    const socket = FakeSocket.instances[0];
    socket.open();
    expect(socket.sent).toEqual([{ type: 'hello', last_id: 77 }]);

    socket.receive({ type: 'error', code: 'foreign_last_id', message: 'last_id 不是您的通知编号。' });
    expect(socket.sent).toEqual([
      { type: 'hello', last_id: 77 },
      { type: 'hello', last_id: 0 },
    ]);
    expect(ws.lastId).toBe(0);
  });

  it('joins rooms now and again after every reconnect', () => {
    const ws = client();
    ws.subscribe(() => {});
    const first = FakeSocket.instances[0];
    first.open();
    ws.joinRoom('meeting', 7);
    expect(first.sent).toContainEqual({ type: 'subscribe', room: 'meeting', id: 7 });

    first.drop();
    vi.advanceTimersByTime(1000);
    const second = FakeSocket.instances[1];
    second.open();
    expect(second.sent).toEqual([
      { type: 'hello', last_id: 0 },
      { type: 'subscribe', room: 'meeting', id: 7 },
    ]);

    ws.leaveRoom('meeting', 7);
    expect(second.sent).toContainEqual({ type: 'unsubscribe', room: 'meeting', id: 7 });
  });

  it('takes a new replay point with reset', () => {
    const ws = client();
    ws.noteSeen(50);
    ws.reset(8);
    ws.subscribe(() => {});
    FakeSocket.instances[0].open();
    expect(FakeSocket.instances[0].sent).toEqual([{ type: 'hello', last_id: 8 }]);
  });
});
