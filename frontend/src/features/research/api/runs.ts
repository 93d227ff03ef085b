import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { ConsoleRun, Page } from '../types';
import { researchKeys } from './query-keys';

export function useRuns(scope: 'mine' | 'all', page: number) {
  const params = new URLSearchParams({ scope, page: String(page), page_size: '20' });
  return useQuery({
    queryKey: researchKeys.runs(scope, page),
    queryFn: ({ signal }) => api.get<Page<ConsoleRun>>(`/api/research/runs?${params.toString()}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
