import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { Paginated, Relation } from '../types';

export type RelationQuery = { uid: string; page: number; page_size: number };

/** The relations (enclave, partner, cooperation, affiliation, supply) one park or organisation takes part in. */
export function getRelations(query: RelationQuery, signal?: AbortSignal): Promise<Paginated<Relation>> {
  const params = new URLSearchParams({ uid: query.uid, page: String(query.page), page_size: String(query.page_size) });
  return api.get<Paginated<Relation>>(`/api/network/relations?${params.toString()}`, { signal });
}

export function relationsQueryOptions(query: RelationQuery) {
  return queryOptions({
    queryKey: ['network', 'relations', query],
    queryFn: ({ signal }) => getRelations(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRelations(query: RelationQuery) {
  return useQuery(relationsQueryOptions(query));
}
