import { queryOptions, useQuery } from '@tanstack/react-query';

import { ApiError, api } from '@/lib/api-client';

import type { User } from '../types';

export const ME_QUERY_KEY = ['auth', 'me'] as const;

/** The signed-in user, or null for an anonymous visitor (401/403). */
export async function getMe(signal?: AbortSignal): Promise<User | null> {
  try {
    return await api.get<User>('/api/me', { signal });
  } catch (error) {
    if (error instanceof ApiError && error.isUnauthenticated) {
      return null;
    }
    throw error;
  }
}

export function meQueryOptions() {
  return queryOptions({
    queryKey: ME_QUERY_KEY,
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 5 * 60_000,
  });
}

export function useUser() {
  return useQuery(meQueryOptions());
}
