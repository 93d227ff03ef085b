import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { jsonResponse, stubFetch, type StubRequest } from '@/testing/fetch-stub';
import { renderApp } from '@/testing/render-app';

const ALICE = {
  id: 1,
  username: 'alice',
  display_name: '张三',
  role: 'secretariat',
  role_label: '联席会议秘书处',
  park: { id: 3, name: '江北新区' },
  organisation: null,
  is_staff: false,
};

const HEALTH = { status: 'ok', checked_at: '2025-05-06T08:30:00Z', parts: [] };

/** A tiny stand-in for the auth endpoints: the session starts anonymous. */
function authServer(options: { acceptPassword: string }) {
  let signedIn = false;
  return stubFetch(({ url, method, body, headers }: StubRequest) => {
    if (url === '/api/health') return jsonResponse(200, HEALTH);
    if (url === '/api/auth/csrf') {
      document.cookie = 'csrftoken=tok; path=/';
      return jsonResponse(200, { csrfToken: 'tok' });
    }
    if (url === '/api/me') {
      return signedIn
        ? jsonResponse(200, ALICE)
        : jsonResponse(403, { code: 'not_authenticated', message: '尚未登录', detail: null });
    }
    if (url === '/api/auth/login' && method === 'POST') {
      if (headers.get('X-CSRFToken') !== 'tok') {
        return jsonResponse(403, { code: 'csrf_failed', message: 'CSRF 校验失败', detail: null });
      }
      const { password } = body as { password: string };
      if (password !== options.acceptPassword) {
        return jsonResponse(400, { code: 'invalid_credentials', message: '用户名或密码错误', detail: null });
      }
      signedIn = true;
      return jsonResponse(200, ALICE);
    }
    if (url === '/api/auth/logout' && method === 'POST') {
      signedIn = false;
      return jsonResponse(204, null);
    }
    return jsonResponse(404, { code: 'not_found', message: 'not found', detail: null });
  });
}

describe('sign-in', () => {
  it('sends an anonymous visitor of a protected page to /login and back after signing in', async () => {
    authServer({ acceptPassword: 'correct horse' });
    const { user, router } = renderApp('/account');

    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(router.state.location.search).toBe('?next=%2Faccount');

    await user.type(await screen.findByLabelText('用户名'), 'alice');
    await user.type(screen.getByLabelText('密码'), 'correct horse');
    await user.click(screen.getByRole('button', { name: /登\s*录/ }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/account'));
    const details = await screen.findByTestId('account-details');
    expect(details).toHaveTextContent('张三');
    expect(details).toHaveTextContent('联席会议秘书处');
    expect(details).toHaveTextContent('江北新区');
    expect(screen.getByTestId('user-menu')).toHaveTextContent('张三');
  });

  it("shows the server's message when sign-in fails", async () => {
    authServer({ acceptPassword: 'correct horse' });
    const { user, router } = renderApp('/login');

    await user.type(await screen.findByLabelText('用户名'), 'alice');
    await user.type(screen.getByLabelText('密码'), 'wrong');
    await user.click(screen.getByRole('button', { name: /登\s*录/ }));

    expect(await screen.findByTestId('login-error')).toHaveTextContent('用户名或密码错误');
    expect(router.state.location.pathname).toBe('/login');
  });

  it('validates empty fields without calling the server', async () => {
    const { calls } = authServer({ acceptPassword: 'x' });
    const { user } = renderApp('/login');

    await user.click(await screen.findByRole('button', { name: /登\s*录/ }));

    expect(await screen.findByText('请输入用户名')).toBeInTheDocument();
    expect(screen.getByText('请输入密码')).toBeInTheDocument();
    expect(calls.some((call) => call.url === '/api/auth/login')).toBe(false);
  });

  it('signs out from the user menu', async () => {
    authServer({ acceptPassword: 'pw' });
    const { user, router } = renderApp('/login');

    await user.type(await screen.findByLabelText('用户名'), 'alice');
    await user.type(screen.getByLabelText('密码'), 'pw');
    await user.click(screen.getByRole('button', { name: /登\s*录/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));

    await user.click(await screen.findByTestId('user-menu'));
    await user.click(await screen.findByText('退出登录'));

    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(screen.queryByTestId('user-menu')).not.toBeInTheDocument();
  });
});
