import { queryOptions, useQuery } from '@tanstack/react-query';

import { i18n } from '@/i18n/i18n';
import { ApiError, api } from '@/lib/api-client';

import type { HealthReport } from '../types';

export const HEALTH_POLL_MS = 5_000;

function isHealthReport(body: unknown): body is HealthReport {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as HealthReport).status === 'string' &&
    Array.isArray((body as HealthReport).parts)
  );
}

/**
 * The live health report. A 503 is the server saying "degraded" and still carries the
 * report, so it is read like a 200; only an answer without a report is an error.
 */
export async function getHealth(signal?: AbortSignal): Promise<HealthReport> {
  const body = await api.get<unknown>('/api/health', { signal, acceptStatuses: [503] });
  if (!isHealthReport(body)) {
    throw new ApiError(502, {
      code: 'invalid_health_report',
      message: i18n.t('health.overall.unreachable'),
      detail: body,
    });
  }
  return body;
}

export function healthQueryOptions() {
  return queryOptions({
    queryKey: ['health'],
    queryFn: ({ signal }) => getHealth(signal),
    refetchInterval: HEALTH_POLL_MS,
    staleTime: 0,
    retry: false,
  });
}

export function useHealth() {
  return useQuery(healthQueryOptions());
}
