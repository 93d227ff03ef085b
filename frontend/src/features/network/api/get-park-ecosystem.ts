import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { ParkEcosystem } from '../types';

/** What a park hosts, who cooperates with them, its partner and enclave parks (from Neo4j). */
export function getParkEcosystem(id: number, signal?: AbortSignal): Promise<ParkEcosystem> {
  return api.get<ParkEcosystem>(`/api/network/parks/${id}/ecosystem`, { signal });
}

export function parkEcosystemQueryOptions(id: number) {
  return queryOptions({
    queryKey: ['network', 'parks', 'ecosystem', id],
    queryFn: ({ signal }) => getParkEcosystem(id, signal),
  });
}

export function useParkEcosystem(id: number) {
  return useQuery(parkEcosystemQueryOptions(id));
}
