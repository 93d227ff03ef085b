import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { ConsoleAnswer, ConsoleRequest, ConsoleSchema } from '../types';
import { researchKeys } from './query-keys';

export function runConsole(request: ConsoleRequest): Promise<ConsoleAnswer> {
  return api.post<ConsoleAnswer>('/api/research/console/run', request);
}

export function useRunConsole() {
  return useMutation({ mutationFn: runConsole });
}

export function consoleSchemaOptions(enabled = true) {
  return queryOptions({
    queryKey: researchKeys.schema(),
    queryFn: ({ signal }) => api.get<ConsoleSchema>('/api/research/console/schema', { signal }),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useConsoleSchema(enabled = true) {
  return useQuery(consoleSchemaOptions(enabled));
}
