/**
 * The one websocket client of the web app: `/ws/notifications/` on the page's own host.
 *
 * On every (re)connect it sends `{"type":"hello","last_id":<n>}` where n is the highest
 * notification id seen so far, so the server replays from the database whatever was missed
 * while the socket was down. Dropped connections are retried with exponential back-off and
 * jitter. The socket lives while at least one listener is subscribed.
 *
 * Protocol (backend/notifications/consumers.py has the whole of it): only `notification`
 * frames (`{type, id, kind, urgent}`) and `synced` frames (`{type, last_id, ...}`) move the
 * replay point; an `error` saying the replay point is not the user's (after switching
 * accounts) restarts the replay from 0. Rooms joined with `joinRoom` are joined again after
 * every reconnect.
 */

export type WsMessage = {
  type: string;
  id?: number;
  [key: string]: unknown;
};

export type WsListener = (message: WsMessage) => void;
export type WsStatus = 'idle' | 'connecting' | 'open' | 'reconnecting';
export type WsStatusListener = (status: WsStatus) => void;

export type WsClientOptions = {
  /** Full ws:// or wss:// URL; defaults to /ws/notifications/ on the page's host. */
  url?: string;
  /** Highest notification id already known (e.g. from the notifications list). */
  lastId?: number;
  minDelayMs?: number;
  maxDelayMs?: number;
  /** Injected in tests. */
  WebSocketImpl?: typeof WebSocket;
  random?: () => number;
};

export const NOTIFICATIONS_PATH = '/ws/notifications/';

export function notificationsUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${NOTIFICATIONS_PATH}`;
}

/** Delay before reconnect attempt `attempt` (0-based): doubling, capped, 50–100 % jitter. */
export function backoffDelay(attempt: number, minDelayMs: number, maxDelayMs: number, random: () => number): number {
  const ceiling = Math.min(maxDelayMs, minDelayMs * 2 ** attempt);
  return Math.round(ceiling * (0.5 + random() * 0.5));
}

export class WsClient {
  private readonly options: Required<Omit<WsClientOptions, 'url' | 'lastId' | 'WebSocketImpl'>> &
    Pick<WsClientOptions, 'url' | 'WebSocketImpl'>;
  private readonly listeners = new Set<WsListener>();
  private readonly statusListeners = new Set<WsStatusListener>();
  private socket: WebSocket | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private status: WsStatus = 'idle';
  private _lastId: number;
  private readonly rooms = new Set<string>();

  constructor(options: WsClientOptions = {}) {
    this.options = {
      url: options.url,
      minDelayMs: options.minDelayMs ?? 1_000,
      maxDelayMs: options.maxDelayMs ?? 30_000,
      WebSocketImpl: options.WebSocketImpl,
      random: options.random ?? Math.random,
    };
    this._lastId = options.lastId ?? 0;
  }

  get lastId(): number {
    return this._lastId;
  }

  getStatus(): WsStatus {
    return this.status;
  }

  /** Receive every server message; the first listener opens the socket, the last one closes it. */
  subscribe(listener: WsListener): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) {
      this.start();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.stop();
      }
    };
  }

  subscribeStatus(listener: WsStatusListener): () => void {
    this.statusListeners.add(listener);
    return () => {
      this.statusListeners.delete(listener);
    };
  }

  /** Raise the replay point, e.g. after the notifications list was fetched over HTTP. */
  noteSeen(id: number): void {
    if (id > this._lastId) {
      this._lastId = id;
    }
  }

  /** Set the replay point outright (another user signed in); takes effect on the next hello. */
  reset(lastId = 0): void {
    this._lastId = lastId;
  }

  /** Join a room (e.g. a meeting the user attends) now and after every reconnect. */
  joinRoom(room: string, id: number): void {
    this.rooms.add(`${room}:${id}`);
    this.sendIfOpen({ type: 'subscribe', room, id });
  }

  leaveRoom(room: string, id: number): void {
    this.rooms.delete(`${room}:${id}`);
    this.sendIfOpen({ type: 'unsubscribe', room, id });
  }

  private sendIfOpen(message: Record<string, unknown>): void {
    const socket = this.socket;
    if (socket && socket.readyState === 1) {
      socket.send(JSON.stringify(message));
    }
  }

  private start(): void {
    if (this.socket || this.reconnectTimer) {
      return;
    }
    window.addEventListener('online', this.handleOnline);
    this.connect();
  }

  /** Close for good (sign-out, no listeners left); no reconnect follows. */
  stop(): void {
    window.removeEventListener('online', this.handleOnline);
    if (this.reconnectTimer) {
      clearTimeout(this.reconnectTimer);
      this.reconnectTimer = null;
    }
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onopen = null;
      socket.onmessage = null;
      socket.onclose = null;
      socket.close(1000, 'client stop');
    }
    this.attempt = 0;
    this.setStatus('idle');
  }

  private connect(): void {
    this.reconnectTimer = null;
    this.setStatus(this.attempt === 0 ? 'connecting' : 'reconnecting');
    let socket: WebSocket;
    try {
      const Impl = this.options.WebSocketImpl ?? globalThis.WebSocket;
      socket = new Impl(this.options.url ?? notificationsUrl());
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.setStatus('open');
      socket.send(JSON.stringify({ type: 'hello', last_id: this._lastId }));
      for (const key of this.rooms) {
        const [room, id] = key.split(':');
        socket.send(JSON.stringify({ type: 'subscribe', room, id: Number(id) }));
      }
    };
    socket.onmessage = (event: MessageEvent) => this.handleMessage(event);
    socket.onclose = () => {
      if (this.socket === socket) {
        this.socket = null;
        this.scheduleReconnect();
      }
    };
    // An error is always followed by close; reconnecting happens there.
    socket.onerror = null;
  }

  private scheduleReconnect(): void {
    if (this.listeners.size === 0 || this.reconnectTimer) {
      return;
    }
    const { minDelayMs, maxDelayMs, random } = this.options;
    const delay = backoffDelay(this.attempt, minDelayMs, maxDelayMs, random);
    this.attempt += 1;
    this.setStatus('reconnecting');
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  private readonly handleOnline = (): void => {
    // Network is back: retry now instead of waiting out the back-off.
    if (this.reconnectTimer) {
      clearTimeout(this.reconnectTimer);
      this.connect();
    }
  };

  private handleMessage(event: MessageEvent): void {
    let message: unknown;
    try {
      message = JSON.parse(String(event.data));
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null || typeof (message as WsMessage).type !== 'string') {
      return;
    }
    const typed = message as WsMessage;
    if (typed.type === 'notification' && typeof typed.id === 'number') {
      this.noteSeen(typed.id);
    } else if (typed.type === 'synced' && typeof typed.last_id === 'number') {
      this.noteSeen(typed.last_id);
    } else if (typed.type === 'error' && (typed.code === 'foreign_last_id' || typed.code === 'unknown_last_id')) {
      // The replay point belongs to someone else or to a database that was reset: start over.
      this._lastId = 0;
      this.sendIfOpen({ type: 'hello', last_id: 0 });
    }
    for (const listener of [...this.listeners]) {
      listener(typed);
    }
  }

  private setStatus(status: WsStatus): void {
    if (status === this.status) {
      return;
    }
    this.status = status;
    for (const listener of [...this.statusListeners]) {
      listener(status);
    }
  }
}

/** The app-wide client. */
export const wsClient = new WsClient();
