import { queryOptions } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { Notification } from '../types';
import { notificationKeys } from './query-keys';

export function getNotification(id: number, signal?: AbortSignal): Promise<Notification> {
  return api.get<Notification>(`/api/notifications/${id}`, { signal });
}

/** One notification: what an urgent toast shows. */
export function notificationQueryOptions(id: number) {
  return queryOptions({
    queryKey: notificationKeys.detail(id),
    queryFn: ({ signal }) => getNotification(id, signal),
  });
}
