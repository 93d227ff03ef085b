import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { Agreement, AgreementInput } from '../types';

const agreementsKey = (projectId: number) => ['matching', 'projects', projectId, 'agreements'] as const;

export function useAgreements(projectId: number, enabled: boolean) {
  return useQuery({
    queryKey: agreementsKey(projectId),
    queryFn: ({ signal }) => api.get<Agreement[]>(`/api/matching/projects/${projectId}/agreements`, { signal }),
    enabled,
  });
}

export function useCreateAgreement(projectId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AgreementInput) => api.post<Agreement>(`/api/matching/projects/${projectId}/agreements`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agreementsKey(projectId) }),
  });
}

export function useConfirmAgreement(projectId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (agreementId: number) => api.post<Agreement>(`/api/matching/agreements/${agreementId}/confirm`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agreementsKey(projectId) }),
  });
}
