import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { SavedSearch, SavedSearchInput } from '../types';
import { BASE } from './postings';
import { dockingKeys } from './query-keys';

export function useSavedSearches() {
  return useQuery({
    queryKey: dockingKeys.savedSearches(),
    queryFn: ({ signal }) => api.get<SavedSearch[]>(`${BASE}/saved-searches`, { signal }),
  });
}

function useSavedSearchMutation<T>(fn: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dockingKeys.savedSearches() }),
  });
}

export function useCreateSavedSearch() {
  return useSavedSearchMutation((input: SavedSearchInput) => api.post<SavedSearch>(`${BASE}/saved-searches`, input));
}

export function useUpdateSavedSearch() {
  return useSavedSearchMutation(({ id, ...input }: SavedSearchInput & { id: number }) =>
    api.patch<SavedSearch>(`${BASE}/saved-searches/${id}`, input),
  );
}

export function useDeleteSavedSearch() {
  return useSavedSearchMutation((id: number) => api.delete(`${BASE}/saved-searches/${id}`));
}
