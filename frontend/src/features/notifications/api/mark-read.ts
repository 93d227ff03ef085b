import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { Notification } from '../types';
import { notificationKeys } from './query-keys';

export function markRead(id: number): Promise<Notification> {
  return api.post<Notification>(`/api/notifications/${id}/read`);
}

/** Mark all read, but only up to the newest one the user has seen (`upToId`). */
export function markAllRead(upToId?: number): Promise<{ marked: number }> {
  return api.post<{ marked: number }>('/api/notifications/read-all', upToId === undefined ? {} : { up_to_id: upToId });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (upToId?: number) => markAllRead(upToId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
