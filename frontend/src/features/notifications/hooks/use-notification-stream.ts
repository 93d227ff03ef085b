import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';

import { wsClient, type WsMessage } from '@/lib/ws-client';

import { notificationQueryOptions } from '../api/get-notification';
import { useUnreadCount } from '../api/get-unread-count';
import { notificationKeys } from '../api/query-keys';
import type { UnreadCount } from '../types';

/** A burst of frames (a replay after reconnect) becomes one refetch. */
export const REFRESH_DEBOUNCE_MS = 100;
/** A replay full of urgent ones pops up a few toasts, not a wall of them; the bell has all. */
export const MAX_TOASTS_PER_WINDOW = 3;
const TOAST_WINDOW_MS = 10_000;

/**
 * Keeps the notifications socket open while `userId` is signed in, and turns its frames into
 * refetches: the frames only say "something changed" (`{type, id, kind, urgent}`); lists and
 * counts come back through TanStack Query. Urgent notifications also pop up as a toast.
 *
 * The socket opens once the unread count has loaded and resumes from its `latest_id`: what the
 * page already shows over HTTP is not replayed, anything newer is.
 */
export function useNotificationStream(userId: number | undefined) {
  const queryClient = useQueryClient();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const unread = useUnreadCount({ enabled: userId != null });
  const ready = userId != null && (unread.isSuccess || unread.isError);

  useEffect(() => {
    if (!ready) {
      return undefined;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
      }, REFRESH_DEBOUNCE_MS);
    };
    let toastTimes: number[] = [];
    const toast = async (id: number) => {
      const now = Date.now();
      toastTimes = toastTimes.filter((at) => now - at < TOAST_WINDOW_MS);
      if (toastTimes.length >= MAX_TOASTS_PER_WINDOW) {
        return;
      }
      toastTimes.push(now);
      try {
        const row = await queryClient.fetchQuery(notificationQueryOptions(id));
        if (row.read_at) {
          return;
        }
        notification.warning({
          key: `notification-${row.id}`,
          message: row.title,
          description: row.body || row.kind_label,
          duration: 8,
          // Bottom right: at the top it would cover the header and the drawer's buttons.
          placement: 'bottomRight',
          props: { 'data-testid': 'notification-toast' } as React.HTMLAttributes<HTMLDivElement>,
          onClick: row.link ? () => void navigate(row.link) : undefined,
          style: row.link ? { cursor: 'pointer' } : undefined,
        });
      } catch {
        // The bell still counts it; the toast is a courtesy.
      }
    };

    wsClient.reset(queryClient.getQueryData<UnreadCount>(notificationKeys.unreadCount())?.latest_id ?? 0);
    const unsubscribe = wsClient.subscribe((message: WsMessage) => {
      if (message.type === 'notification') {
        refresh();
        if (message.urgent === true && typeof message.id === 'number') {
          void toast(message.id);
        }
      } else if (message.type === 'synced' || message.type === 'read') {
        refresh();
      }
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [ready, userId, queryClient, notification, navigate]);
}
