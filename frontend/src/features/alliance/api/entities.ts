import { useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

export type EntityHit = { uid: string; label: string; id: number; name: string; subtitle: string };

/** Graph entities (parks, organisations, industries, cities, zones) by name, pinyin or initials. */
export function useEntitySearch(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: ['alliance', 'entity-search', term],
    queryFn: ({ signal }) => api.get<EntityHit[]>(`/api/network/search?${new URLSearchParams({ q: term, limit: '10' }).toString()}`, { signal }),
    enabled: term.length > 0,
    staleTime: 60_000,
  });
}
