import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { Paginated, Ref } from '../types';
import { toQuery } from './postings';
import { dockingKeys } from './query-keys';

/**
 * The network's reference lists the docking filters and editor pick from. Features do not
 * import one another, so these few reads are declared here rather than borrowed.
 */

type Named = Ref & { parent?: Ref | null };

export function useIndustryOptions(q: string) {
  return useQuery({
    queryKey: dockingKeys.reference('industries', q),
    queryFn: ({ signal }) =>
      api.get<Paginated<Named>>(`/api/network/industries${toQuery({ q: q.trim(), page_size: q.trim() ? 50 : 200 })}`, {
        signal,
      }),
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
}

export function useCityOptions() {
  return useQuery({
    queryKey: dockingKeys.reference('cities', ''),
    queryFn: ({ signal }) => api.get<Ref[]>('/api/network/cities', { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useParkOptions() {
  return useQuery({
    queryKey: dockingKeys.reference('parks', ''),
    queryFn: ({ signal }) => api.get<Paginated<Ref>>('/api/network/parks?page_size=500', { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useOrganisationOptions(q: string, enabled = true) {
  return useQuery({
    queryKey: dockingKeys.reference('organisations', q),
    queryFn: ({ signal }) =>
      api.get<Paginated<Ref>>(`/api/network/organisations${toQuery({ q: q.trim(), page_size: 20 })}`, { signal }),
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
    enabled,
  });
}
