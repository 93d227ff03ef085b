import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { NotificationPreference } from '../types';
import { notificationKeys } from './query-keys';

export function getPreferences(signal?: AbortSignal): Promise<NotificationPreference[]> {
  return api.get<NotificationPreference[]>('/api/notifications/preferences', { signal });
}

export function preferencesQueryOptions() {
  return queryOptions({
    queryKey: notificationKeys.preferences(),
    queryFn: ({ signal }) => getPreferences(signal),
    staleTime: 5 * 60_000,
  });
}

/** Every kind with its label: also what the page's kind filter offers. */
export function usePreferences() {
  return useQuery(preferencesQueryOptions());
}

export type PreferenceUpdate = { kind: string; email: boolean };

export function updatePreference({ kind, email }: PreferenceUpdate): Promise<NotificationPreference> {
  return api.put<NotificationPreference>(`/api/notifications/preferences/${encodeURIComponent(kind)}`, { email });
}

export function useUpdatePreference() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePreference,
    onSuccess: (saved) => {
      queryClient.setQueryData<NotificationPreference[]>(notificationKeys.preferences(), (rows) =>
        rows?.map((row) => (row.kind === saved.kind ? saved : row)),
      );
    },
  });
}
