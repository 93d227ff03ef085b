import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';

import { getLanguage, i18n } from '@/i18n/i18n';
import { api, ApiError, CSRF_COOKIE_NAME, CSRF_HEADER_NAME, readCookie } from '@/lib/api-client';

import type { Message, Thread } from '../types';
import { BASE } from './postings';
import { dockingKeys } from './query-keys';

/** The server sends at most this many messages per call (oldest first). */
const MESSAGE_PAGE = 200;

export function useThreads() {
  return useQuery({
    queryKey: dockingKeys.threads(),
    queryFn: ({ signal }) => api.get<Thread[]>(`${BASE}/threads`, { signal }),
  });
}

export function useThread(id: number) {
  return useQuery({
    queryKey: dockingKeys.thread(id),
    queryFn: ({ signal }) => api.get<Thread>(`${BASE}/threads/${id}`, { signal }),
  });
}

async function messagesAfter(threadId: number, after: number, signal?: AbortSignal): Promise<Message[]> {
  const out: Message[] = [];
  let cursor = after;
  for (;;) {
    const page = await api.get<Message[]>(`${BASE}/threads/${threadId}/messages?after=${cursor}`, { signal });
    out.push(...page);
    if (page.length < MESSAGE_PAGE || page.length === 0) {
      return out;
    }
    cursor = page[page.length - 1].id;
  }
}

export function mergeMessages(known: readonly Message[], fresh: readonly Message[]): Message[] {
  const byId = new Map<number, Message>();
  for (const message of [...known, ...fresh]) {
    byId.set(message.id, message);
  }
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

export function useMessages(threadId: number) {
  return useQuery({
    queryKey: dockingKeys.messages(threadId),
    queryFn: ({ signal }) => messagesAfter(threadId, 0, signal),
    // The room says when something new arrives; no polling.
    staleTime: Infinity,
  });
}

/** Fetch only what came after the newest message we hold, and append it. */
export async function fetchNewMessages(queryClient: QueryClient, threadId: number): Promise<void> {
  const key = dockingKeys.messages(threadId);
  const known = queryClient.getQueryData<Message[]>(key);
  if (!known) {
    await queryClient.invalidateQueries({ queryKey: key });
    return;
  }
  const last = known.length ? known[known.length - 1].id : 0;
  const fresh = await messagesAfter(threadId, last);
  if (fresh.length) {
    queryClient.setQueryData<Message[]>(key, (current) => mergeMessages(current ?? [], fresh));
  }
}

async function csrfToken(): Promise<string | null> {
  const fromCookie = readCookie(CSRF_COOKIE_NAME);
  if (fromCookie) {
    return fromCookie;
  }
  const body = await api.get<{ csrfToken?: string }>('/api/auth/csrf');
  return readCookie(CSRF_COOKIE_NAME) ?? body?.csrfToken ?? null;
}

/**
 * A message with an attachment goes as multipart; the shared client speaks JSON only, so this
 * one request is sent by hand with the same cookie, CSRF header, language and error shape.
 */
export async function postMessageWithFile(threadId: number, body: string, file: File): Promise<Message> {
  const form = new FormData();
  form.append('body', body);
  form.append('attachment', file);
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': getLanguage() };
  const token = await csrfToken();
  if (token) {
    headers[CSRF_HEADER_NAME] = token;
  }
  let response: Response;
  try {
    response = await fetch(`${BASE}/threads/${threadId}/messages`, {
      method: 'POST',
      body: form,
      headers,
      credentials: 'include',
    });
  } catch (error) {
    throw new ApiError(0, { code: 'network_error', message: i18n.t('errors.network'), detail: String(error) });
  }
  const parsed = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = parsed as { code?: string; message?: string; detail?: unknown } | null;
    throw new ApiError(response.status, {
      code: error?.code ?? `http_${response.status}`,
      message: error?.message ?? i18n.t('errors.http', { status: response.status }),
      detail: error?.detail,
    });
  }
  return parsed as Message;
}

export function usePostMessage(threadId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, file }: { body: string; file?: File | null }) =>
      file ? postMessageWithFile(threadId, body, file) : api.post<Message>(`${BASE}/threads/${threadId}/messages`, { body }),
    onSuccess: (message) => {
      queryClient.setQueryData<Message[]>(dockingKeys.messages(threadId), (current) => mergeMessages(current ?? [], [message]));
      void queryClient.invalidateQueries({ queryKey: dockingKeys.threads(), exact: true });
    },
  });
}
