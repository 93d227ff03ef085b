import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { ConsoleAnswer, Page, ParameterSpec, SavedQuery, SavedQueryVersion } from '../types';
import { researchKeys } from './query-keys';

export type SavedQueryInput = {
  name: string;
  description: string;
  cypher: string;
  parameters: ParameterSpec[];
  shared: boolean;
};

export function savedQueriesOptions(search = '') {
  const params = new URLSearchParams({ page_size: '200' });
  if (search) {
    params.set('q', search);
  }
  return queryOptions({
    queryKey: researchKeys.savedQueries(search),
    queryFn: ({ signal }) => api.get<Page<SavedQuery>>(`/api/research/saved-queries?${params.toString()}`, { signal }),
  });
}

export function useSavedQueries(search = '') {
  return useQuery(savedQueriesOptions(search));
}

export function useSavedQueryVersions(id: number | null) {
  return useQuery({
    queryKey: researchKeys.versions(id ?? 0),
    queryFn: ({ signal }) => api.get<SavedQueryVersion[]>(`/api/research/saved-queries/${id}/versions`, { signal }),
    enabled: id != null,
  });
}

export function useSaveQuery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: Partial<SavedQueryInput> }) =>
      id == null
        ? api.post<SavedQuery>('/api/research/saved-queries', input)
        : api.patch<SavedQuery>(`/api/research/saved-queries/${id}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: researchKeys.all }),
  });
}

export function useArchiveQuery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<void>(`/api/research/saved-queries/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: researchKeys.all }),
  });
}

export type SavedRunInput = {
  id: number;
  parameters: Record<string, unknown>;
  version?: number;
  timeout_s?: number;
  row_cap?: number;
};

export function useRunSavedQuery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: SavedRunInput) => api.post<ConsoleAnswer>(`/api/research/saved-queries/${id}/run`, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...researchKeys.all, 'runs'] }),
  });
}
