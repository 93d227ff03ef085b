import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { api } from '@/lib/api-client';

import type { DockingSettings, DockingStats, Vocabulary } from '../types';
import { BASE, toQuery } from './postings';
import { dockingKeys } from './query-keys';

/** Choice lists with labels in the current language (they follow the language switch). */
export function useVocabulary() {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: dockingKeys.vocabulary(i18n.language),
    queryFn: ({ signal }) => api.get<Vocabulary>(`${BASE}/vocabulary`, { signal }),
    staleTime: 30 * 60_000,
  });
}

export function useDockingSettings() {
  return useQuery({
    queryKey: dockingKeys.settings(),
    queryFn: ({ signal }) => api.get<DockingSettings>(`${BASE}/settings`, { signal }),
  });
}

export function useSetModeration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (moderation_required: boolean) => api.put<DockingSettings>(`${BASE}/settings`, { moderation_required }),
    onSuccess: (data) => queryClient.setQueryData(dockingKeys.settings(), data),
  });
}

export function useStats(since: string, until: string) {
  return useQuery({
    queryKey: dockingKeys.stats(since, until),
    queryFn: ({ signal }) => api.get<DockingStats>(`${BASE}/stats${toQuery({ since, until })}`, { signal }),
  });
}

/** Download links (the session cookie goes along; the server names the file). */
export function statsDownloadUrl(
  format: 'csv' | 'xlsx',
  range: { since: string; until: string },
  table?: 'summary' | 'kinds' | 'parks' | 'postings',
): string {
  return `${BASE}/stats.${format}${toQuery({ table, since: range.since, until: range.until })}`;
}
