import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { NotificationFilters, NotificationPage } from '../types';
import { notificationKeys } from './query-keys';

export function notificationsPath(filters: NotificationFilters): string {
  const query = new URLSearchParams();
  if (filters.kind) query.set('kind', filters.kind);
  if (filters.unread !== undefined) query.set('unread', String(filters.unread));
  if (filters.page && filters.page > 1) query.set('page', String(filters.page));
  if (filters.pageSize) query.set('page_size', String(filters.pageSize));
  const search = query.toString();
  return `/api/notifications/${search ? `?${search}` : ''}`;
}

export function getNotifications(filters: NotificationFilters, signal?: AbortSignal): Promise<NotificationPage> {
  return api.get<NotificationPage>(notificationsPath(filters), { signal });
}

export function notificationsQueryOptions(filters: NotificationFilters) {
  return queryOptions({
    queryKey: notificationKeys.list(filters),
    queryFn: ({ signal }) => getNotifications(filters, signal),
    // The socket tells us when something changed; no polling.
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

export function useNotifications(filters: NotificationFilters, options: { enabled?: boolean } = {}) {
  return useQuery({ ...notificationsQueryOptions(filters), enabled: options.enabled ?? true });
}
