import type { NotificationFilters } from '../types';

/** Everything under `notifications` is refetched when the socket says something changed. */
export const notificationKeys = {
  all: ['notifications'] as const,
  lists: () => [...notificationKeys.all, 'list'] as const,
  list: (filters: NotificationFilters) => [...notificationKeys.lists(), filters] as const,
  unreadCount: () => [...notificationKeys.all, 'unread-count'] as const,
  detail: (id: number) => [...notificationKeys.all, 'detail', id] as const,
  preferences: () => ['notification-preferences'] as const,
};
