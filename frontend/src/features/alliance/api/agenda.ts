import { useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { Agenda, AgendaItem, ItemKind, OrderEntry } from '../types';
import { useMeetingAction } from './meetings';
import { allianceKeys } from './query-keys';

const BASE = '/api/alliance';

export function useAgenda(meetingId: number) {
  return useQuery({
    queryKey: [...allianceKeys.meeting(meetingId), 'agenda'],
    queryFn: ({ signal }) => api.get<Agenda>(`${BASE}/meetings/${meetingId}/agenda`, { signal }),
  });
}

export function useItems(meetingId: number) {
  return useQuery({
    queryKey: [...allianceKeys.meeting(meetingId), 'items'],
    queryFn: ({ signal }) => api.get<AgendaItem[]>(`${BASE}/meetings/${meetingId}/items`, { signal }),
  });
}

/** 409 means someone else reordered first: the caller shows the current order (refetched). */
export function useReorder(meetingId: number) {
  return useMeetingAction(meetingId, ({ version, order }: { version: number; order: OrderEntry[] }) =>
    api.put<{ version: number; order: OrderEntry[] }>(`${BASE}/meetings/${meetingId}/agenda/order`, { version, order }),
  );
}

export type ItemInput = {
  kind: ItemKind;
  title: string;
  text?: string;
  requested_minutes?: number;
  linked_uids?: string[];
  attachments?: { name: string; url: string }[];
  /** The secretariat only: submit for this park (none: an item of the alliance itself). */
  park_id?: number | null;
};

export function useSubmitItem(meetingId: number) {
  return useMeetingAction(meetingId, (input: ItemInput) => api.post<AgendaItem>(`${BASE}/meetings/${meetingId}/items`, input));
}

export type ItemUpdate = { itemId: number; presenter?: string; linked_uids?: string[] };

/** Edit an item: the secretariat assigns the presenter; the submitting park edits while unscreened. */
export function useUpdateItem(meetingId: number) {
  return useMeetingAction(meetingId, ({ itemId, ...body }: ItemUpdate) => api.patch<AgendaItem>(`${BASE}/items/${itemId}`, body));
}

export type TriageInput = {
  itemId: number;
  action: 'accept' | 'reject' | 'merge' | 'defer';
  reason?: string;
  into_id?: number;
  to_meeting_id?: number;
};

export function useTriage(meetingId: number) {
  return useMeetingAction(meetingId, ({ itemId, ...body }: TriageInput) =>
    api.post<AgendaItem>(`${BASE}/items/${itemId}/triage`, body),
  );
}

export type DecisionInput = {
  itemId: number;
  text: string;
  vote: boolean;
  actions: { text: string; deadline: string; owner_park_id?: number | null; owner_unit?: string }[];
};

export function useRecordDecision(meetingId: number) {
  return useMeetingAction(meetingId, ({ itemId, ...body }: DecisionInput) => api.post(`${BASE}/items/${itemId}/decisions`, body));
}

export function useVote(meetingId: number) {
  return useMeetingAction(meetingId, ({ decisionId, choice }: { decisionId: number; choice: string }) =>
    api.post(`${BASE}/decisions/${decisionId}/votes`, { choice }),
  );
}

export function useCloseVote(meetingId: number) {
  return useMeetingAction(meetingId, (decisionId: number) => api.post(`${BASE}/decisions/${decisionId}/close`));
}

export type Suggestion = {
  source: 'overdue_action' | 'earlier_decision' | 'stalled_project' | 'open_docking';
  title: string;
  detail: string;
  ref: number;
  park_id: number | null;
  /** stalled_project / open_docking: days since the status last changed. */
  days?: number | null;
  /** Graph entities an agenda item made from this suggestion should link. */
  linked_uids?: string[];
};

export function useSuggestions(meetingId: number, enabled: boolean) {
  return useQuery({
    queryKey: [...allianceKeys.meeting(meetingId), 'suggestions'],
    queryFn: ({ signal }) => api.get<Suggestion[]>(`${BASE}/meetings/${meetingId}/suggestions`, { signal }),
    enabled,
  });
}
