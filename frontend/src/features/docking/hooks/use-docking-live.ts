import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { wsClient, type WsMessage } from '@/lib/ws-client';

import { dockingKeys } from '../api/query-keys';

/** Notification kinds that mean docking data on screen may be out of date. */
export const DOCKING_NOTIFICATION_KINDS = new Set([
  'docking.requested',
  'docking.answered',
  'docking.message',
  'posting.matches_search',
  'posting.reviewed',
]);

const DEBOUNCE_MS = 150;

/**
 * While a docking page is open, a docking notification on the user's socket (a new request,
 * an answer, a review) refetches the docking lists, so the other side's move shows up
 * without a reload. A replay burst becomes one refetch.
 */
export function useDockingLive() {
  const queryClient = useQueryClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = wsClient.subscribe((message: WsMessage) => {
      if (message.type !== 'notification' || typeof message.kind !== 'string') {
        return;
      }
      if (!DOCKING_NOTIFICATION_KINDS.has(message.kind)) {
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(() => {
        // Messages come through the thread room; everything else may have moved.
        void queryClient.invalidateQueries({
          queryKey: dockingKeys.all,
          predicate: (query) => query.queryKey[3] !== 'messages' && query.queryKey[1] !== 'vocabulary',
        });
      }, DEBOUNCE_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [queryClient]);
}
