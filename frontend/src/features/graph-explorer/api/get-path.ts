import { queryOptions } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { PathResponse } from '../types';

export const DEFAULT_PATH_HOPS = 6;

/** The shortest path between two entities, at most `maxHops` relationships long. */
export function getPath(source: string, target: string, maxHops: number, signal?: AbortSignal): Promise<PathResponse> {
  const params = new URLSearchParams({ source, target, max_hops: String(maxHops) });
  return api.get<PathResponse>(`/api/network/graph/path?${params.toString()}`, { signal });
}

export function pathQueryOptions(source: string, target: string, maxHops = DEFAULT_PATH_HOPS) {
  return queryOptions({
    queryKey: ['graph-explorer', 'path', source, target, maxHops],
    queryFn: ({ signal }) => getPath(source, target, maxHops, signal),
    staleTime: 60_000,
  });
}
