import { queryOptions } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { NeighboursResponse } from '../types';

export const DEFAULT_NODE_LIMIT = 150;
export const MAX_NODE_LIMIT = 500;
export const MAX_HOPS = 3;

export type NeighboursQuery = {
  uid: string;
  hops: number;
  limit: number;
  label?: string | null;
  city?: number | null;
  industry?: number | null;
};

export function neighboursParams(query: NeighboursQuery): URLSearchParams {
  const params = new URLSearchParams({
    uid: query.uid,
    hops: String(Math.min(Math.max(query.hops, 1), MAX_HOPS)),
    limit: String(Math.min(Math.max(query.limit, 1), MAX_NODE_LIMIT)),
  });
  if (query.label) params.set('label', query.label);
  if (query.city != null) params.set('city', String(query.city));
  if (query.industry != null) params.set('industry', String(query.industry));
  return params;
}

/** An entity with its neighbours to `hops` hops, read from Neo4j; `capped` when cut at `limit`. */
export function getNeighbours(query: NeighboursQuery, signal?: AbortSignal): Promise<NeighboursResponse> {
  return api.get<NeighboursResponse>(`/api/network/graph/neighbours?${neighboursParams(query).toString()}`, {
    signal,
  });
}

export function neighboursQueryOptions(query: NeighboursQuery) {
  return queryOptions({
    queryKey: ['graph-explorer', 'neighbours', query],
    queryFn: ({ signal }) => getNeighbours(query, signal),
    staleTime: 60_000,
  });
}
