import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api, ApiError } from '@/lib/api-client';
import { shouldRetry } from '@/lib/query-client';

import type {
  DockingRequest,
  Paginated,
  Posting,
  PostingFilters,
  PostingInput,
  Recommendations,
  StatusChange,
} from '../types';
import { dockingKeys } from './query-keys';

export const BASE = '/api/docking';

/** `?a=1&b=x` from the set values of a filter object ('' when none are set). */
export function toQuery(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || value === false) {
      continue;
    }
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function usePostings(filters: PostingFilters) {
  return useQuery({
    queryKey: dockingKeys.postingList(filters),
    queryFn: ({ signal }) => api.get<Paginated<Posting>>(`${BASE}/postings${toQuery(filters)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useReviewQueue(enabled: boolean) {
  return useQuery({
    queryKey: dockingKeys.reviewQueue(),
    queryFn: ({ signal }) => api.get<Paginated<Posting>>(`${BASE}/postings/review-queue?page_size=100`, { signal }),
    enabled,
  });
}

export function usePosting(id: number, enabled = true) {
  return useQuery({
    queryKey: dockingKeys.posting(id),
    queryFn: ({ signal }) => api.get<Posting>(`${BASE}/postings/${id}`, { signal }),
    enabled,
  });
}

export function usePostingHistory(id: number, enabled: boolean) {
  return useQuery({
    queryKey: dockingKeys.history(id),
    queryFn: ({ signal }) => api.get<StatusChange[]>(`${BASE}/postings/${id}/history`, { signal }),
    enabled,
  });
}

/** Graph down is a 503 that retrying right away will not fix: say so at once. */
function retryUnlessGraphDown(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status === 503) {
    return false;
  }
  return shouldRetry(failureCount, error);
}

export function useRecommendations(id: number, enabled: boolean) {
  return useQuery<Recommendations, Error>({
    queryKey: dockingKeys.recommendations(id),
    queryFn: ({ signal }) => api.get<Recommendations>(`${BASE}/postings/${id}/recommendations?limit=10`, { signal }),
    enabled,
    retry: retryUnlessGraphDown,
    staleTime: 5 * 60_000,
  });
}

export function usePostingRequests(id: number, enabled: boolean) {
  return useQuery({
    queryKey: dockingKeys.postingRequests(id),
    queryFn: ({ signal }) => api.get<DockingRequest[]>(`${BASE}/postings/${id}/requests`, { signal }),
    enabled,
  });
}

/** Any write on a posting: the docking caches refetch (lists, the posting, its requests). */
function usePostingMutation<TInput, TOutput = Posting>(fn: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dockingKeys.all }),
  });
}

export function useCreatePosting() {
  return usePostingMutation((input: PostingInput) => api.post<Posting>(`${BASE}/postings`, input));
}

export function useUpdatePosting(id: number) {
  return usePostingMutation((input: Partial<PostingInput>) => api.patch<Posting>(`${BASE}/postings/${id}`, input));
}

export function useSubmitPosting(id: number) {
  return usePostingMutation(() => api.post<Posting>(`${BASE}/postings/${id}/submit`));
}

export function useClosePosting(id: number) {
  return usePostingMutation((note: string) => api.post<Posting>(`${BASE}/postings/${id}/close`, { note }));
}

export function useRenewPosting(id: number) {
  return usePostingMutation((days: number) => api.post<Posting>(`${BASE}/postings/${id}/renew`, { days }));
}

export function useReviewPosting() {
  return usePostingMutation(
    ({ id, decision, reason }: { id: number; decision: 'approve' | 'reject'; reason: string }) =>
      api.post<Posting>(`${BASE}/postings/${id}/review`, { decision, reason }),
  );
}
