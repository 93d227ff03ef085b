import { getLanguage, i18n } from '@/i18n/i18n';

/**
 * The one HTTP client of the web app.
 *
 * Same-origin requests with the session cookie; Django's CSRF token (cookie `csrftoken`)
 * goes back as `X-CSRFToken` on every unsafe method; `Accept-Language` follows the language
 * chosen in the header so server messages come back in it. A non-2xx answer becomes an
 * `ApiError` carrying the server's `{code, message, detail}`.
 */

export const CSRF_COOKIE_NAME = 'csrftoken';
export const CSRF_HEADER_NAME = 'X-CSRFToken';
const CSRF_ENDPOINT = '/api/auth/csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

/** The JSON body every API error carries (one DRF exception handler on the server). */
export type ApiErrorBody = {
  code: string;
  message: string;
  detail?: unknown;
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: unknown;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.detail = body.detail ?? null;
  }

  /** Anonymous or not allowed: the caller should treat the user as signed out. */
  get isUnauthenticated(): boolean {
    return this.status === 401 || this.status === 403;
  }
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RequestOptions = {
  method?: HttpMethod;
  /** Serialised as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /**
   * Non-2xx statuses whose body is a normal answer rather than an error (e.g. 503 from
   * /api/health still carries the health report).
   */
  acceptStatuses?: readonly number[];
};

export function readCookie(name: string): string | null {
  const prefix = `${name}=`;
  for (const part of document.cookie ? document.cookie.split(';') : []) {
    const item = part.trim();
    if (item.startsWith(prefix)) {
      return decodeURIComponent(item.slice(prefix.length));
    }
  }
  return null;
}

// Fallback for a CSRF cookie the page cannot read (CSRF_COOKIE_HTTPONLY): the token from
// the body of GET /api/auth/csrf.
let csrfTokenFromBody: string | null = null;
let csrfRequest: Promise<string | null> | null = null;

async function fetchCsrfToken(): Promise<string | null> {
  const response = await fetch(CSRF_ENDPOINT, {
    method: 'GET',
    credentials: 'include',
    headers: { Accept: 'application/json', 'Accept-Language': getLanguage() },
  });
  if (!response.ok) {
    throw await toApiError(response);
  }
  const body = (await parseJson(response)) as { csrfToken?: unknown } | null;
  if (body && typeof body.csrfToken === 'string') {
    csrfTokenFromBody = body.csrfToken;
  }
  return readCookie(CSRF_COOKIE_NAME) ?? csrfTokenFromBody;
}

/** The CSRF token for an unsafe request, asking the server for one on first use. */
async function ensureCsrfToken(): Promise<string | null> {
  const fromCookie = readCookie(CSRF_COOKIE_NAME);
  if (fromCookie) {
    return fromCookie;
  }
  if (csrfTokenFromBody) {
    return csrfTokenFromBody;
  }
  csrfRequest ??= fetchCsrfToken().finally(() => {
    csrfRequest = null;
  });
  return csrfRequest;
}

/** Forget the cached token (tests; after sign-out, when Django rotates it). */
export function resetCsrfToken(): void {
  csrfTokenFromBody = null;
  csrfRequest = null;
}

async function parseJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) {
    return null;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = await parseJson(response);
  if (isErrorBody(body)) {
    return new ApiError(response.status, body);
  }
  // A proxy page, a plain DRF `{detail}` or an empty body: keep what we can.
  const detail =
    typeof body === 'object' && body !== null && 'detail' in body
      ? (body as { detail: unknown }).detail
      : body;
  return new ApiError(response.status, {
    code: `http_${response.status}`,
    message:
      typeof detail === 'string' && detail
        ? detail
        : i18n.t('errors.http', { status: response.status }),
    detail,
  });
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': getLanguage(),
    ...options.headers,
  };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (!SAFE_METHODS.has(method)) {
    const token = await ensureCsrfToken();
    if (token) {
      headers[CSRF_HEADER_NAME] = token;
    }
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'include',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, {
      code: 'network_error',
      message: i18n.t('errors.network'),
      detail: error instanceof Error ? error.message : String(error),
    });
  }

  if (!response.ok && !options.acceptStatuses?.includes(response.status)) {
    throw await toApiError(response);
  }
  if (response.status === 204) {
    return undefined as T;
  }
  return (await parseJson(response)) as T;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'POST', body }),
  put: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'PATCH', body }),
  delete: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'DELETE' }),
};
