import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { Industry, Paginated } from '../types';
import { queryString } from '../utils/filter-params';

export type IndustryQuery = {
  q?: string;
  parent?: number | null;
  page_size?: number;
};

export function getIndustries(query: IndustryQuery, signal?: AbortSignal): Promise<Paginated<Industry>> {
  const params = new URLSearchParams();
  if (query.q?.trim()) params.set('q', query.q.trim());
  if (query.parent != null) params.set('parent', String(query.parent));
  params.set('page_size', String(query.page_size ?? 50));
  return api.get<Paginated<Industry>>(`/api/network/industries${queryString(params)}`, { signal });
}

export function industriesQueryOptions(query: IndustryQuery) {
  return queryOptions({
    queryKey: ['network', 'industries', query],
    queryFn: ({ signal }) => getIndustries(query, signal),
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
}

export function useIndustries(query: IndustryQuery) {
  return useQuery(industriesQueryOptions(query));
}
