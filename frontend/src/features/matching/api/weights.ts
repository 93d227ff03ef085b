import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { Exclusion, MatchRow } from '../types';
import { FACTOR_NAMES, type Weights } from '../utils/weights';

export type WeightsChange = {
  id: number;
  /** Username of whoever set them; '' when that account is gone. */
  set_by: string;
  created_at: string;
  note: string;
};

/** GET /api/matching/weights: the weights in force and the last 50 changes, newest first. */
export type WeightsState = { current: Weights; history: WeightsChange[] };

export type WeightsInput = Partial<Weights> & { note?: string };

/** A project ranked afresh (GET /api/matching/projects/{id}/ranking): stored nowhere, told to nobody. */
export type Ranking = {
  weights: Weights;
  candidate_count: number;
  excluded: Exclusion[];
  results: Omit<MatchRow, 'feedback'>[];
};

const weightsKey = ['matching', 'weights'] as const;

export function weightsQueryOptions() {
  return queryOptions({
    queryKey: weightsKey,
    queryFn: ({ signal }) => api.get<WeightsState>('/api/matching/weights', { signal }),
  });
}

export function useWeights() {
  return useQuery(weightsQueryOptions());
}

/** The secretariat sets the weights; the server then re-ranks every open project. */
export function useSetWeights() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: WeightsInput) => api.put<{ current: Weights }>('/api/matching/weights', input),
    // Under ['matching']: the history, the rankings in force and the matches all change.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['matching'] }),
  });
}

/** The ranking path; without weights the project is ranked under the weights in force. */
export function rankingPath(projectId: number, weights?: Weights | null): string {
  const query = new URLSearchParams();
  if (weights) for (const name of FACTOR_NAMES) query.set(name, String(weights[name]));
  const search = query.toString();
  return `/api/matching/projects/${projectId}/ranking${search ? `?${search}` : ''}`;
}

export function rankingQueryOptions(projectId: number, weights: Weights | null) {
  return queryOptions({
    queryKey: ['matching', 'projects', projectId, 'ranking', weights] as const,
    queryFn: ({ signal }) => api.get<Ranking>(rankingPath(projectId, weights), { signal }),
  });
}

/**
 * A preview of `projectId` ranked under `weights` (null: the weights in force). While the
 * weights move, the last ranking of the same project stays on screen until the next one.
 */
export function useRanking(projectId: number | null, weights: Weights | null, enabled = true) {
  return useQuery({
    ...rankingQueryOptions(projectId ?? 0, weights),
    enabled: enabled && projectId !== null,
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[2] === projectId ? previous : undefined,
  });
}
