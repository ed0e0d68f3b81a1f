import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { currentSession } from '../../api/session';
import { EMPTY_DASHBOARD, jsonResponse, loginAnswer, renderApp } from '../../test/render-app';

const healthy = { status: 'ok', database: { type: 'sqlite', ok: true } };

function fillAndSubmit(username: string, password: string) {
  fireEvent.change(screen.getByLabelText('用户名'), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: '登录' }));
}

describe('登录 (login page)', () => {
  it('signs in: posts the credentials, keeps the token and opens the page asked for', async () => {
    const fetchMock = vi.fn<typeof fetch>(async (input) => {
      const url = String(input);
      if (url === '/api/auth/login') return jsonResponse(loginAnswer());
      // The start page (工作台) loads its statistics beside the health check.
      return jsonResponse(url.startsWith('/api/dashboard') ? EMPTY_DASHBOARD : healthy);
    });
    vi.stubGlobal('fetch', fetchMock);
    const { router } = renderApp('/admin/', { as: null });
    await screen.findByRole('button', { name: '登录' });
    expect(router.state.location.pathname).toBe('/admin/login');

    fillAndSubmit(' admin ', 'demo1234');

    expect(await screen.findByText('服务正常')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/admin');
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/auth/login');
    expect(JSON.parse(String((init as RequestInit).body))).toEqual({
      username: 'admin',
      password: 'demo1234',
    });
    expect(currentSession()?.token).toBe('test-token');
    expect(JSON.parse(window.sessionStorage.getItem('zgd.admin.session')!).token).toBe(
      'test-token',
    );
    // The next call carries the token.
    const health = fetchMock.mock.calls.find(([u]) => u === '/api/health')!;
    expect(new Headers((health[1] as RequestInit).headers).get('authorization')).toBe(
      'Bearer test-token',
    );
  });

  it('returns to the page the user first asked for', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(async (input) =>
        String(input) === '/api/auth/login' ? jsonResponse(loginAnswer()) : jsonResponse([]),
      ),
    );
    const { router } = renderApp('/admin/imports', { as: null });
    await screen.findByRole('button', { name: '登录' });
    fillAndSubmit('admin', 'demo1234');
    expect(await screen.findByRole('heading', { name: '数据导入' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/admin/imports');
  });

  it('shows the API’s message for wrong credentials and stays signed out', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(async () =>
        jsonResponse({ code: 'AUTH.BAD_CREDENTIALS', message: '用户名或密码错误' }, 401),
      ),
    );
    const { router } = renderApp('/admin/login', { as: null });
    await screen.findByRole('button', { name: '登录' });
    fillAndSubmit('admin', 'wrong');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('用户名或密码错误');
    expect(router.state.location.pathname).toBe('/admin/login');
    expect(currentSession()).toBeNull();
  });

  it('shows the lock-out message', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(async () =>
        jsonResponse(
          { code: 'AUTH.LOCKED_OUT', message: '密码错误次数过多，账号已锁定，请 15 分钟后再试' },
          429,
        ),
      ),
    );
    renderApp('/admin/login', { as: null });
    await screen.findByRole('button', { name: '登录' });
    fillAndSubmit('admin', 'wrong');
    expect((await screen.findByRole('alert')).textContent).toContain(
      '密码错误次数过多，账号已锁定，请 15 分钟后再试',
    );
  });

  it('asks for both fields before calling the API', async () => {
    const fetchMock = vi.fn<typeof fetch>();
    vi.stubGlobal('fetch', fetchMock);
    renderApp('/admin/login', { as: null });
    fireEvent.click(await screen.findByRole('button', { name: '登录' }));
    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    expect(screen.getByText('请输入密码')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('turns a tenant away, ending the session the server opened', async () => {
    const fetchMock = vi.fn<typeof fetch>(async (input) =>
      String(input) === '/api/auth/login'
        ? jsonResponse({ ...loginAnswer('tenant'), token: 'tenant-token' })
        : new Response(null, { status: 204 }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const { router } = renderApp('/admin/login', { as: null });
    await screen.findByRole('button', { name: '登录' });
    fillAndSubmit('tenant', 'demo1234');

    expect((await screen.findByRole('alert')).textContent).toContain('终端用户无法使用监管平台');
    expect(router.state.location.pathname).toBe('/admin/login');
    expect(currentSession()).toBeNull();
    const [url, init] = fetchMock.mock.calls[1]!;
    expect(url).toBe('/api/auth/logout');
    expect(new Headers((init as RequestInit).headers).get('authorization')).toBe(
      'Bearer tenant-token',
    );
  });
});
