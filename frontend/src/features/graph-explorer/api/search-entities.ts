import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { SearchHit } from '../types';

export const SEARCH_LIMIT = 20;

/** Name search across every kind of entity: Chinese, full pinyin (`jiangning`) or initials (`jn`). */
export function searchEntities(q: string, signal?: AbortSignal): Promise<SearchHit[]> {
  const params = new URLSearchParams({ q, limit: String(SEARCH_LIMIT) });
  return api.get<SearchHit[]>(`/api/network/search?${params.toString()}`, { signal });
}

export function searchQueryOptions(q: string) {
  return queryOptions({
    queryKey: ['graph-explorer', 'search', q],
    queryFn: ({ signal }) => searchEntities(q, signal),
    enabled: q.trim().length > 0,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

export function useEntitySearch(q: string) {
  return useQuery(searchQueryOptions(q.trim()));
}
