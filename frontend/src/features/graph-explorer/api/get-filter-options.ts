import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { CityOption, IndustryOption } from '../types';

// The explorer's own look-ups for its city and industry filters (features do not share code).

export function citiesQueryOptions() {
  return queryOptions({
    queryKey: ['graph-explorer', 'cities'],
    queryFn: ({ signal }) => api.get<CityOption[]>('/api/network/cities', { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useCityOptions() {
  return useQuery(citiesQueryOptions());
}

export function industriesQueryOptions(q: string) {
  const params = new URLSearchParams({ page_size: '100' });
  if (q) params.set('q', q);
  return queryOptions({
    queryKey: ['graph-explorer', 'industries', q],
    queryFn: async ({ signal }) =>
      (await api.get<{ results: IndustryOption[] }>(`/api/network/industries?${params.toString()}`, { signal }))
        .results,
    staleTime: 5 * 60_000,
  });
}

export function useIndustryOptions(q = '') {
  return useQuery(industriesQueryOptions(q.trim()));
}
