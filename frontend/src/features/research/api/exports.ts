import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { ExportFormat, ExportJob, ExportKind, Page } from '../types';
import { researchKeys } from './query-keys';

export type ExportInput = { kind: ExportKind; format: ExportFormat; spec: Record<string, unknown> };

export function useExports() {
  return useQuery({
    queryKey: researchKeys.exports(),
    queryFn: ({ signal }) => api.get<Page<ExportJob>>('/api/research/exports?page_size=50', { signal }),
  });
}

export function useCreateExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ExportInput) => api.post<ExportJob>('/api/research/exports', input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: researchKeys.exports() }),
  });
}
