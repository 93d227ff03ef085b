import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { wsClient, type WsMessage } from '@/lib/ws-client';

import { dockingKeys } from '../api/query-keys';
import { fetchNewMessages } from '../api/threads';

/**
 * Joins the conversation's room on the one websocket. The server only says what changed
 * (`{type:"event", room:"thread-<id>", topic, ref}`): a new message is fetched with
 * `?after=<last id>`, a status change refetches the request behind the thread.
 */
export function useThreadRoom(threadId: number, requestId: number | null | undefined) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const room = `thread-${threadId}`;
    const unsubscribe = wsClient.subscribe((message: WsMessage) => {
      if (message.type !== 'event' || message.room !== room) {
        return;
      }
      if (message.topic === 'thread.message') {
        void fetchNewMessages(queryClient, threadId).catch(() =>
          queryClient.invalidateQueries({ queryKey: dockingKeys.messages(threadId) }),
        );
      } else if (message.topic === 'thread.status') {
        void queryClient.invalidateQueries({ queryKey: dockingKeys.requests() });
        if (requestId != null) {
          void queryClient.invalidateQueries({ queryKey: dockingKeys.request(requestId) });
        }
      }
    });
    wsClient.joinRoom('thread', threadId);
    return () => {
      wsClient.leaveRoom('thread', threadId);
      unsubscribe();
    };
  }, [threadId, requestId, queryClient]);
}
