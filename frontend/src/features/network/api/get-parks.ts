import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { Paginated, Park, ParkFilters } from '../types';
import { parkFiltersToParams, queryString } from '../utils/filter-params';

export function getParks(filters: ParkFilters, signal?: AbortSignal): Promise<Paginated<Park>> {
  const params = parkFiltersToParams(filters, { forApi: true });
  return api.get<Paginated<Park>>(`/api/network/parks${queryString(params)}`, { signal });
}

export function parksQueryOptions(filters: ParkFilters) {
  return queryOptions({
    queryKey: ['network', 'parks', 'list', filters],
    queryFn: ({ signal }) => getParks(filters, signal),
    // Keep the current page on screen while the next one loads (no table flicker).
    placeholderData: keepPreviousData,
  });
}

export function useParks(filters: ParkFilters) {
  return useQuery(parksQueryOptions(filters));
}
