import { useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { Minutes } from '../types';
import { useMeetingAction } from './meetings';
import { allianceKeys } from './query-keys';

const BASE = '/api/alliance';

export function useMinutes(meetingId: number, enabled: boolean) {
  return useQuery({
    queryKey: [...allianceKeys.meeting(meetingId), 'minutes'],
    queryFn: ({ signal }) => api.get<Minutes[]>(`${BASE}/meetings/${meetingId}/minutes`, { signal }),
    enabled,
  });
}

export function useDraftMinutes(meetingId: number) {
  return useMeetingAction(meetingId, () => api.post<Minutes>(`${BASE}/meetings/${meetingId}/minutes`));
}

export function usePublishMinutes(meetingId: number) {
  return useMeetingAction(meetingId, (minutesId: number) => api.post<Minutes>(`${BASE}/minutes/${minutesId}/publish`));
}

export function minutesExportUrl(minutesId: number, format: 'docx' | 'pdf'): string {
  return `${BASE}/minutes/${minutesId}/export.${format}`;
}

export function useReviewMinutes(meetingId: number) {
  return useMeetingAction(meetingId, ({ minutesId, text }: { minutesId: number; text: string }) =>
    api.post(`${BASE}/minutes/${minutesId}/reviews`, { text }),
  );
}

export function useEditMinutes(meetingId: number) {
  return useMeetingAction(meetingId, ({ minutesId, body }: { minutesId: number; body: string }) =>
    api.patch<Minutes>(`${BASE}/minutes/${minutesId}`, { body }),
  );
}
