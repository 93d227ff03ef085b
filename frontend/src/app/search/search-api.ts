import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

export const SEARCH_KINDS = ['park', 'organisation', 'project', 'posting', 'meeting', 'agenda_item'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export type SearchHit = { kind: SearchKind; id: number; title: string; subtitle: string; link: string };

/** GET /api/search?q= — hits the user may see, grouped by kind (see backend/search). */
export function useGlobalSearch(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['search', text],
    queryFn: ({ signal }) =>
      api.get<{ q: string; results: SearchHit[] }>(`/api/search?${new URLSearchParams({ q: text }).toString()}`, {
        signal,
      }),
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
