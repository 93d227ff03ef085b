import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { useUser } from '@/features/auth/api/get-me';
import { wsClient } from '@/lib/ws-client';

/**
 * Keeps the notifications socket open while someone is signed in. Events are small
 * (`{type, id}`); the client refetches what they point at through TanStack Query.
 */
export function RealtimeBridge() {
  const { data: user } = useUser();
  const queryClient = useQueryClient();
  const userId = user?.id;

  useEffect(() => {
    if (userId == null) {
      return undefined;
    }
    return wsClient.subscribe((message) => {
      if (message.type === 'notification') {
        void queryClient.invalidateQueries({ queryKey: ['notifications'] });
      }
    });
  }, [userId, queryClient]);

  return null;
}
