import { describe, expect, it } from 'vitest';

import { i18n } from '@/i18n/i18n';
import { ApiError, api } from '@/lib/api-client';
import { jsonResponse, stubFetch } from '@/testing/fetch-stub';

describe('api client', () => {
  it('sends the csrftoken cookie back as X-CSRFToken on POST, with the session cookie', async () => {
    document.cookie = 'csrftoken=cookie-token-123; path=/';
    const { calls } = stubFetch(() => jsonResponse(200, { ok: true }));

    const body = await api.post<{ ok: boolean }>('/api/things', { title: '联合招商' });

    expect(body).toEqual({ ok: true });
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call.url).toBe('/api/things');
    expect(call.method).toBe('POST');
    expect(call.credentials).toBe('include');
    expect(call.headers.get('X-CSRFToken')).toBe('cookie-token-123');
    expect(call.headers.get('Content-Type')).toBe('application/json');
    expect(call.headers.get('Accept-Language')).toBe('zh-Hans');
    expect(call.body).toEqual({ title: '联合招商' });
  });

  it('does not send a CSRF token on GET', async () => {
    document.cookie = 'csrftoken=cookie-token-123; path=/';
    const { calls } = stubFetch(() => jsonResponse(200, []));

    await api.get('/api/things');

    expect(calls[0].headers.has('X-CSRFToken')).toBe(false);
    expect(calls[0].credentials).toBe('include');
  });

  it('asks /api/auth/csrf for a token before the first unsafe request when there is no cookie', async () => {
    const { calls } = stubFetch(({ url }) => {
      if (url === '/api/auth/csrf') {
        // Django sets the cookie on this answer; a real browser stores it.
        document.cookie = 'csrftoken=fresh-token; path=/';
        return jsonResponse(200, { csrfToken: 'fresh-token' });
      }
      return jsonResponse(204, null);
    });

    const result = await api.post('/api/auth/logout');

    expect(result).toBeUndefined();
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual(['GET /api/auth/csrf', 'POST /api/auth/logout']);
    expect(calls[1].headers.get('X-CSRFToken')).toBe('fresh-token');
  });

  it('falls back to the token in the csrf body when the cookie is not readable', async () => {
    const { calls } = stubFetch(({ url }) =>
      url === '/api/auth/csrf' ? jsonResponse(200, { csrfToken: 'body-token' }) : jsonResponse(200, {}),
    );

    await api.patch('/api/things/1', { title: 'x' });

    expect(calls[1].headers.get('X-CSRFToken')).toBe('body-token');
  });

  it('throws an ApiError carrying the server error shape', async () => {
    document.cookie = 'csrftoken=t; path=/';
    stubFetch(() =>
      jsonResponse(400, {
        code: 'invalid_credentials',
        message: '用户名或密码错误',
        detail: { username: ['alice'] },
      }),
    );

    const error = await api.post('/api/auth/login', { username: 'alice', password: 'nope' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.code).toBe('invalid_credentials');
    expect(apiError.message).toBe('用户名或密码错误');
    expect(apiError.detail).toEqual({ username: ['alice'] });
  });

  it('still throws a useful ApiError when the error body is not JSON', async () => {
    stubFetch(() => new Response('<h1>Bad Gateway</h1>', { status: 502 }));

    const error = (await api.get('/api/things').catch((e: unknown) => e)) as ApiError;

    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(502);
    expect(error.code).toBe('http_502');
    expect(error.message).toBe('服务器返回错误（HTTP 502）');
  });

  it('turns a network failure into an ApiError with status 0', async () => {
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));

    const error = (await api.get('/api/things').catch((e: unknown) => e)) as ApiError;

    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(0);
    expect(error.code).toBe('network_error');
  });

  it('reads the body of an accepted non-2xx status instead of throwing', async () => {
    stubFetch(() => jsonResponse(503, { status: 'degraded', parts: [] }));

    const body = await api.get('/api/health', { acceptStatuses: [503] });

    expect(body).toEqual({ status: 'degraded', parts: [] });
  });

  it('sends Accept-Language for the chosen language', async () => {
    const { calls } = stubFetch(() => jsonResponse(200, {}));

    await i18n.changeLanguage('en');
    await api.get('/api/me');

    expect(calls[0].headers.get('Accept-Language')).toBe('en');
  });
});
