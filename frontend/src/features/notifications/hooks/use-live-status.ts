import { useSyncExternalStore } from 'react';

import { wsClient, type WsStatus } from '@/lib/ws-client';

/** The notifications socket's state: 'open' when live updates are flowing. */
export function useLiveStatus(): WsStatus {
  return useSyncExternalStore(
    (onChange) => wsClient.subscribeStatus(onChange),
    () => wsClient.getStatus(),
  );
}
