import { useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { AnalyticsOptions, Centrality, ChainGaps, Collaboration, Communities, Paths } from '../types';
import { researchKeys } from './query-keys';

export type AnalyticsParams = Record<string, string | number | undefined>;

function query(params: AnalyticsParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') {
      search.set(key, String(value));
    }
  }
  return search.toString();
}

function useAnalytics<T>(kind: string, params: AnalyticsParams | null) {
  return useQuery({
    queryKey: researchKeys.analytics(kind, params ?? {}),
    queryFn: ({ signal }) => api.get<T>(`/api/research/analytics/${kind}?${query(params ?? {})}`, { signal }),
    enabled: params != null,
    staleTime: 60_000,
    retry: false,
  });
}

export const useCentrality = (params: AnalyticsParams | null) => useAnalytics<Centrality>('centrality', params);
export const useCommunities = (params: AnalyticsParams | null) => useAnalytics<Communities>('communities', params);
export const useChainGaps = (params: AnalyticsParams | null) => useAnalytics<ChainGaps>('chain-gaps', params);
export const useCollaboration = (params: AnalyticsParams | null) => useAnalytics<Collaboration>('collaboration', params);
export const usePaths = (params: AnalyticsParams | null) => useAnalytics<Paths>('paths', params);

export function useAnalyticsOptions(enabled = true) {
  return useQuery({
    queryKey: researchKeys.analytics('options', {}),
    queryFn: ({ signal }) => api.get<AnalyticsOptions>('/api/research/analytics/options', { signal }),
    staleTime: 10 * 60_000,
    enabled,
  });
}
