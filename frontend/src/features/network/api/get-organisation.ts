import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { Organisation } from '../types';

export function getOrganisation(id: number, signal?: AbortSignal): Promise<Organisation> {
  return api.get<Organisation>(`/api/network/organisations/${id}`, { signal });
}

export function organisationQueryOptions(id: number) {
  return queryOptions({
    queryKey: ['network', 'organisations', 'detail', id],
    queryFn: ({ signal }) => getOrganisation(id, signal),
  });
}

export function useOrganisation(id: number) {
  return useQuery(organisationQueryOptions(id));
}
