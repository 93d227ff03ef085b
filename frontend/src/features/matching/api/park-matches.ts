import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { ProjectStatus, Ref } from '../types';

/** One candidate park's row of a project's latest match run (GET /api/matching/matches). */
export type ParkMatch = {
  project: { id: number; title: string; status: ProjectStatus; park: Ref };
  /** The candidate park. */
  park: Ref;
  rank: number;
  score: string;
  run_created_at: string;
  /** The candidate park's own latest answer; null while it has not answered. */
  feedback: { response: 'interest' | 'decline'; reason: string } | null;
};

export type ParkMatchPage = { count: number; next: string | null; previous: string | null; results: ParkMatch[] };

export type ParkMatchFilters = { park?: number; pageSize?: number };

export function parkMatchesPath({ park, pageSize }: ParkMatchFilters): string {
  const query = new URLSearchParams();
  if (park !== undefined) query.set('park', String(park));
  if (pageSize !== undefined) query.set('page_size', String(pageSize));
  const search = query.toString();
  return `/api/matching/matches${search ? `?${search}` : ''}`;
}

/**
 * The matches parks appear in, newest run first: park staff get their own park's row of each
 * project they may see, the secretariat every row (or one park's).
 */
export function parkMatchesQueryOptions(filters: ParkMatchFilters = {}) {
  return queryOptions({
    // Under ['matching']: whatever re-runs or answers a match refreshes this list too.
    queryKey: ['matching', 'matches', filters] as const,
    queryFn: ({ signal }) => api.get<ParkMatchPage>(parkMatchesPath(filters), { signal }),
  });
}

export function useParkMatches(filters: ParkMatchFilters = {}) {
  return useQuery(parkMatchesQueryOptions(filters));
}
