import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { DockingRequest, DockingRequestDetail, ProjectCreated, RequestStatus } from '../types';
import { BASE, toQuery } from './postings';
import { dockingKeys } from './query-keys';

export type Direction = 'incoming' | 'outgoing' | 'all';

export function useRequests(direction: Direction, status: RequestStatus | '') {
  return useQuery({
    queryKey: dockingKeys.requestList(direction, status),
    queryFn: ({ signal }) =>
      api.get<DockingRequest[]>(
        `${BASE}/requests${toQuery({ direction: direction === 'all' ? undefined : direction, status })}`,
        { signal },
      ),
  });
}

export function useRequest(id: number, enabled = true) {
  return useQuery({
    queryKey: dockingKeys.request(id),
    queryFn: ({ signal }) => api.get<DockingRequestDetail>(`${BASE}/requests/${id}`, { signal }),
    enabled,
  });
}

export function useSendRequest(postingId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { message: string; proposed_times: string[] }) =>
      api.post<DockingRequest>(`${BASE}/postings/${postingId}/requests`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dockingKeys.all }),
  });
}

export function useTransitionRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status, reason }: { id: number; status: RequestStatus; reason?: string }) =>
      api.post<DockingRequest>(`${BASE}/requests/${id}/transition`, { status, reason: reason ?? '' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dockingKeys.all }),
  });
}

export function useMakeProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<ProjectCreated>(`${BASE}/requests/${id}/project`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dockingKeys.all }),
  });
}
