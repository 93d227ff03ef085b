import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { wsClient, type WsMessage } from '@/lib/ws-client';

import { allianceKeys } from '../api/query-keys';

/**
 * Joins the live meeting's room on the one websocket and refetches the meeting whenever the
 * server says something in it changed (`{type: "event", room: "meeting-<id>", topic, ref}`).
 * Events for the viewer's park room (their items screened) refresh the alliance data too.
 */
export function useMeetingRoom(meetingId: number, enabled = true) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) {
      return undefined;
    }
    const room = `meeting-${meetingId}`;
    const unsubscribe = wsClient.subscribe((message: WsMessage) => {
      if (message.type !== 'event') {
        return;
      }
      if (message.room === room) {
        void queryClient.invalidateQueries({ queryKey: allianceKeys.meeting(meetingId) });
      } else if (typeof message.room === 'string' && message.room.startsWith('park-')) {
        void queryClient.invalidateQueries({ queryKey: allianceKeys.all });
      }
    });
    wsClient.joinRoom('meeting', meetingId);
    return () => {
      wsClient.leaveRoom('meeting', meetingId);
      unsubscribe();
    };
  }, [meetingId, enabled, queryClient]);
}
