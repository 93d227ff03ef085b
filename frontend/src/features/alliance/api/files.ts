import { getLanguage, i18n } from '@/i18n/i18n';
import { api, ApiError, CSRF_COOKIE_NAME, CSRF_HEADER_NAME, readCookie } from '@/lib/api-client';

import type { ItemFile } from '../types';
import { useMeetingAction } from './meetings';

const BASE = '/api/alliance';

/** What the server accepts (it checks the bytes; this only spares a pointless upload). */
export const ACCEPTED_FILES = '.pdf,.docx,.xlsx,.pptx,.png,.jpg,.jpeg';
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

async function csrfToken(): Promise<string | null> {
  const fromCookie = readCookie(CSRF_COOKIE_NAME);
  if (fromCookie) {
    return fromCookie;
  }
  const body = await api.get<{ csrfToken?: string }>('/api/auth/csrf');
  return readCookie(CSRF_COOKIE_NAME) ?? body?.csrfToken ?? null;
}

/**
 * Multipart upload of one attachment. The shared client speaks JSON only, so this one request
 * is sent by hand with the same session cookie, CSRF header, language and error shape.
 */
export async function uploadItemFile(itemId: number, file: File): Promise<ItemFile> {
  const form = new FormData();
  form.append('file', file);
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': getLanguage() };
  const token = await csrfToken();
  if (token) {
    headers[CSRF_HEADER_NAME] = token;
  }
  let response: Response;
  try {
    response = await fetch(`${BASE}/items/${itemId}/files`, { method: 'POST', body: form, headers, credentials: 'include' });
  } catch (error) {
    throw new ApiError(0, { code: 'network_error', message: i18n.t('errors.network'), detail: String(error) });
  }
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = body as { code?: string; message?: string; detail?: unknown } | null;
    throw new ApiError(response.status, {
      code: error?.code ?? `http_${response.status}`,
      message: error?.message ?? i18n.t('errors.http', { status: response.status }),
      detail: error?.detail,
    });
  }
  return body as ItemFile;
}

export function useUploadItemFile(meetingId: number) {
  return useMeetingAction(meetingId, ({ itemId, file }: { itemId: number; file: File }) => uploadItemFile(itemId, file));
}

export function useRemoveItemFile(meetingId: number) {
  return useMeetingAction(meetingId, (file: ItemFile) => api.delete(file.url));
}
