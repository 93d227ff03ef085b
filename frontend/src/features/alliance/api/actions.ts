import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { ActionDetail, ActionItem, ActionStatus } from '../types';
import { allianceKeys } from './query-keys';

const BASE = '/api/alliance';

export function useActions(filters: Record<string, string>) {
  return useQuery({
    queryKey: allianceKeys.actions(filters),
    queryFn: ({ signal }) => api.get<ActionItem[]>(`${BASE}/actions?${new URLSearchParams(filters).toString()}`, { signal }),
  });
}

export function useReportProgress() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ actionId, ...body }: { actionId: number; text: string; status: ActionStatus; evidence_url?: string }) =>
      api.post(`${BASE}/actions/${actionId}/updates`, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['alliance', 'actions'] }),
  });
}

/** One action item with its progress updates and their evidence. */
export function useAction(actionId: number | null) {
  return useQuery({
    queryKey: ['alliance', 'actions', 'detail', actionId],
    queryFn: ({ signal }) => api.get<ActionDetail>(`${BASE}/actions/${actionId}`, { signal }),
    enabled: actionId != null,
  });
}

export type UnitLoad = { unit: string; park_id: number | null; open: number; in_progress: number; done: number; overdue: number };

export function useActionDashboard() {
  return useQuery({
    queryKey: ['alliance', 'actions', 'dashboard'],
    queryFn: ({ signal }) => api.get<UnitLoad[]>(`${BASE}/actions/dashboard`, { signal }),
  });
}
