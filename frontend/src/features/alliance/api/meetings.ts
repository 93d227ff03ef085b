import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { Attendance, CalendarSubscription, Meeting, Rsvp } from '../types';
import { allianceKeys } from './query-keys';

const BASE = '/api/alliance';

export function meetingsQueryOptions() {
  return queryOptions({
    queryKey: allianceKeys.meetings(),
    queryFn: ({ signal }) => api.get<Meeting[]>(`${BASE}/meetings`, { signal }),
  });
}

export function useMeetings() {
  return useQuery(meetingsQueryOptions());
}

export function meetingQueryOptions(id: number) {
  return queryOptions({
    queryKey: [...allianceKeys.meeting(id), 'detail'],
    queryFn: ({ signal }) => api.get<Meeting>(`${BASE}/meetings/${id}`, { signal }),
  });
}

export function useMeeting(id: number) {
  return useQuery(meetingQueryOptions(id));
}

export type MeetingInput = {
  title: string;
  kind: 'regular' | 'special';
  starts_at: string;
  place?: string;
  online_link?: string;
};

export function useCreateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MeetingInput) => api.post<Meeting>(`${BASE}/meetings`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: allianceKeys.meetings() }),
  });
}

export type Transition = 'announce' | 'start' | 'close';

/** Every write to a meeting refreshes everything cached about it. */
export function useMeetingAction<T>(meetingId: number, mutationFn: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: allianceKeys.meeting(meetingId) }),
  });
}

export function useTransition(meetingId: number) {
  return useMeetingAction(meetingId, (step: Transition) => api.post<Meeting>(`${BASE}/meetings/${meetingId}/${step}`));
}

export function useSetCurrentItem(meetingId: number) {
  return useMeetingAction(meetingId, (itemId: number | null) =>
    api.put<Meeting>(`${BASE}/meetings/${meetingId}/current-item`, { item_id: itemId }),
  );
}

export function useMarkPresent(meetingId: number) {
  return useMeetingAction(meetingId, ({ parkId, present }: { parkId: number; present: boolean }) =>
    api.patch(`${BASE}/meetings/${meetingId}/attendance/${parkId}`, { present }),
  );
}

/** A park's reply and delegates (its own staff; the secretariat for any park). */
export function useReply(meetingId: number) {
  return useMeetingAction(meetingId, ({ parkId, ...body }: { parkId: number; rsvp?: Rsvp; delegates?: string }) =>
    api.patch<Attendance>(`${BASE}/meetings/${meetingId}/attendance/${parkId}`, body),
  );
}

export function useAttendance(meetingId: number) {
  return useQuery({
    queryKey: [...allianceKeys.meeting(meetingId), 'attendance'],
    queryFn: ({ signal }) => api.get<Attendance[]>(`${BASE}/meetings/${meetingId}/attendance`, { signal }),
  });
}

export type FeedScope = { scope: 'user' | 'park'; parkId?: number | null };

function feedKey({ scope, parkId }: FeedScope) {
  return [...allianceKeys.all, 'calendar', scope, parkId ?? null] as const;
}

/** The secret iCal URL of the viewer or of a park (made on first use). */
export function useCalendarSubscription(feed: FeedScope, enabled = true) {
  const params = new URLSearchParams({ scope: feed.scope });
  if (feed.parkId != null) {
    params.set('park', String(feed.parkId));
  }
  return useQuery({
    queryKey: feedKey(feed),
    queryFn: ({ signal }) => api.get<CalendarSubscription>(`${BASE}/calendar/subscription?${params.toString()}`, { signal }),
    enabled,
    staleTime: Infinity,
  });
}

export function useRegenerateCalendar(feed: FeedScope) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<CalendarSubscription>(`${BASE}/calendar/subscription`, { scope: feed.scope, park_id: feed.parkId ?? null }),
    onSuccess: (data) => queryClient.setQueryData(feedKey(feed), data),
  });
}
