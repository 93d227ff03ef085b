import { useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { Page } from '../types';

/** Cities, industries and parks for the analytics filters (read from /api/network). */
export type Named = { id: number; name: string };

export function useReference(enabled = true) {
  const cities = useQuery({
    queryKey: ['research', 'reference', 'cities'],
    queryFn: ({ signal }) => api.get<Named[] | Page<Named>>('/api/network/cities', { signal }),
    staleTime: 10 * 60_000,
    enabled,
  });
  const industries = useQuery({
    queryKey: ['research', 'reference', 'industries'],
    queryFn: ({ signal }) => api.get<Page<Named>>('/api/network/industries?page_size=500', { signal }),
    staleTime: 10 * 60_000,
    enabled,
  });
  const parks = useQuery({
    queryKey: ['research', 'reference', 'parks'],
    queryFn: ({ signal }) => api.get<Page<Named>>('/api/network/parks?page_size=500', { signal }),
    staleTime: 10 * 60_000,
    enabled,
  });
  const list = (data: Named[] | Page<Named> | undefined): Named[] =>
    !data ? [] : Array.isArray(data) ? data : data.results;
  return { cities: list(cities.data), industries: list(industries.data), parks: list(parks.data) };
}
