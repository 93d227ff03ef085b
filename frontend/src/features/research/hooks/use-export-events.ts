import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { wsClient, type WsMessage } from '@/lib/ws-client';

import { researchKeys } from '../api/query-keys';

export const EXPORT_TOPIC = 'research.export';

/** Export jobs report progress on the user's socket (`{type: "event", topic, ref}`); each
 * event refetches the exports list. */
export function useExportEvents() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      wsClient.subscribe((message: WsMessage) => {
        if (message.type === 'event' && message.topic === EXPORT_TOPIC) {
          void queryClient.invalidateQueries({ queryKey: researchKeys.exports() });
        }
      }),
    [queryClient],
  );
}
