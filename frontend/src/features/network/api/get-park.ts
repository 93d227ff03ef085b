import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { ParkDetail } from '../types';

export function getPark(id: number, signal?: AbortSignal): Promise<ParkDetail> {
  return api.get<ParkDetail>(`/api/network/parks/${id}`, { signal });
}

export function parkQueryOptions(id: number) {
  return queryOptions({
    queryKey: ['network', 'parks', 'detail', id],
    queryFn: ({ signal }) => getPark(id, signal),
  });
}

export function usePark(id: number, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...parkQueryOptions(id), enabled });
}
