import { useQueries, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

/**
 * Reads the home page composes from existing endpoints (no endpoint of its own): list
 * lengths and counts behind each figure. Each figure links to the page that lists them.
 */

type Ref = { id: number; name: string };
type Counted = { count: number };

export type Handoff = {
  id: number;
  project: { id: number; title: string };
  from_park: Ref;
  to_park: Ref;
  note: string;
  status: string;
  created_at: string;
};

export function useHandoffs() {
  return useQuery({
    queryKey: ['matching', 'handoffs'],
    queryFn: ({ signal }) => api.get<Handoff[]>('/api/matching/handoffs', { signal }),
  });
}

type MeetingRow = { id: number; title: string; status: string; starts_at: string };
type ItemRow = { id: number; meeting_id: number; title: string; park: Ref | null; created_at: string };
export type TriageItem = ItemRow & { meeting: MeetingRow };

/** Items waiting for screening: submitted items of meetings not yet closed. */
export function useTriageItems(meetings: MeetingRow[] | undefined) {
  const open = (meetings ?? []).filter((m) => m.status !== 'closed');
  return useQueries({
    queries: open.map((meeting) => ({
      queryKey: ['alliance', 'meeting', meeting.id, 'items', 'submitted'],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<ItemRow[]>(`/api/alliance/meetings/${meeting.id}/items?status=submitted`, { signal }),
    })),
    combine: (results) => ({
      isPending: meetings === undefined || results.some((r) => r.isPending),
      isError: results.some((r) => r.isError),
      error: results.find((r) => r.error)?.error ?? null,
      refetch: () => results.forEach((r) => void r.refetch()),
      data:
        meetings === undefined
          ? undefined
          : results.flatMap((r, index) => (r.data ?? []).map((item) => ({ ...item, meeting: open[index] }))),
    }),
  });
}

const COUNTS = {
  parks: '/api/network/parks?page_size=1',
  organisations: '/api/network/organisations?page_size=1',
  relations: '/api/network/relations?page_size=1',
  industries: '/api/network/industries?page_size=1',
} as const;

export type GraphCounts = Record<keyof typeof COUNTS, number>;

/** The size of the network the graph is projected from (its system of record). */
export function useGraphCounts() {
  return useQuery({
    queryKey: ['network', 'counts'],
    queryFn: async ({ signal }) => {
      const entries = await Promise.all(
        Object.entries(COUNTS).map(async ([name, path]) => {
          const body = await api.get<Counted | unknown[]>(path, { signal });
          return [name, Array.isArray(body) ? body.length : body.count] as const;
        }),
      );
      return Object.fromEntries(entries) as GraphCounts;
    },
  });
}
