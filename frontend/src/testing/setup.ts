import '@testing-library/jest-dom/vitest';
import '@/i18n/i18n';

import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';

import { i18n } from '@/i18n/i18n';
import { resetCsrfToken } from '@/lib/api-client';

// findBy*/waitFor give up after 1 s by default; on a busy 2-core machine a lazily loaded page
// can take longer to appear. A "did not appear at all" bound, not a speed check.
configure({ asyncUtilTimeout: 8_000 });

// jsdom lacks these; antd's responsive helpers and the Segmented control use them.
if (!window.matchMedia) {
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
if (!('ResizeObserver' in window)) {
  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverStub;
}

function clearCookies() {
  for (const part of document.cookie.split(';')) {
    const name = part.split('=')[0]?.trim();
    if (name) {
      document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
    }
  }
}

beforeEach(async () => {
  window.localStorage.clear();
  clearCookies();
  resetCsrfToken();
  await i18n.changeLanguage('zh-Hans');
});

afterEach(() => {
  cleanup();
});

// Components that open the notifications socket get a silent one that never connects;
// the websocket client itself is tested with its own fake.
class SilentWebSocket extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  constructor(readonly url: string) {
    super();
  }
  send() {}
  close() {
    this.readyState = 3;
  }
}
globalThis.WebSocket = SilentWebSocket as unknown as typeof WebSocket;
