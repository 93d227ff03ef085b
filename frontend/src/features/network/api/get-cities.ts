import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { City } from '../types';

/** The cities of the metropolitan circle (about ten; not paginated). */
export function getCities(signal?: AbortSignal): Promise<City[]> {
  return api.get<City[]>('/api/network/cities', { signal });
}

export function citiesQueryOptions() {
  return queryOptions({
    queryKey: ['network', 'cities'],
    queryFn: ({ signal }) => getCities(signal),
    staleTime: 10 * 60_000,
  });
}

export function useCities() {
  return useQuery(citiesQueryOptions());
}
