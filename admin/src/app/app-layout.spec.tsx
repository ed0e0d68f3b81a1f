import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { currentSession } from '../api/session';
import { EMPTY_DASHBOARD, jsonResponse, renderApp } from '../test/render-app';
import { navItemsFor } from './nav-items';

const staffMenu = [
  '工作台',
  '线索与案件',
  '数据导入',
  '电价管理',
  '收费主体',
  '预警与信用',
  '审计日志',
  '系统设置',
];

function stubHealth() {
  const fetchMock = vi.fn<typeof fetch>(async (input) =>
    // The start page also loads its statistics.
    String(input).startsWith('/api/dashboard')
      ? jsonResponse(EMPTY_DASHBOARD)
      : jsonResponse({ status: 'ok', database: { type: 'sqlite', ok: true } }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function mainMenu() {
  return within(screen.getByRole('navigation', { name: '主导航' }));
}

describe('console layout', () => {
  it('shows the bureau and platform name in the header', async () => {
    stubHealth();
    renderApp('/admin/');
    expect(screen.getByText('上海市市场监督管理局 · 转供电价格监管平台')).toBeTruthy();
    await screen.findByText('服务正常');
  });

  it('shows who is signed in, with role and district', async () => {
    stubHealth();
    renderApp('/admin/', { as: 'district_officer' });
    const user = within(screen.getByLabelText('当前用户'));
    expect(user.getByText('浦东办案员')).toBeTruthy();
    expect(user.getByText('浦东新区 · 区局办案人员')).toBeTruthy();
    await screen.findByText('服务正常');
  });

  it('renders every staff menu item, in order, each linking under /admin', async () => {
    stubHealth();
    renderApp('/admin/');
    const links = mainMenu().getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(staffMenu);
    expect(links.map((link) => link.getAttribute('href'))).toEqual(
      navItemsFor('city_admin').map((item) =>
        item.path === '/' ? '/admin' : `/admin${item.path}`,
      ),
    );
    await screen.findByText('服务正常');
  });

  it('shows a charging entity only its upload and its own pages, starting at 数据导入', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof fetch>());
    const { router } = renderApp('/admin/', { as: 'entity_user' });
    expect(await screen.findByRole('heading', { name: '数据导入' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/admin/imports');
    expect(
      mainMenu()
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['数据导入', '本单位核查结果']);
  });

  it('refuses an area the role may not use, even by its address', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof fetch>());
    renderApp('/admin/tariffs', { as: 'entity_user' });
    expect(await screen.findByText('无权访问')).toBeTruthy();
    expect(screen.getByText(/当前账号无权使用“电价管理”/)).toBeTruthy();
  });

  it('sends a visitor without a session to the login page', async () => {
    const fetchMock = stubHealth();
    const { router } = renderApp('/admin/tariffs', { as: null });
    expect(await screen.findByRole('button', { name: '登录' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/admin/login');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('tells a tenant session that the console is not for tenants', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof fetch>());
    renderApp('/admin/', { as: 'tenant' });
    expect(await screen.findByText('终端用户无法使用监管平台')).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: '主导航' })).toBeNull();
  });

  it('logs out on 退出: ends the session on the server and shows the login page', async () => {
    const fetchMock = stubHealth();
    const { router } = renderApp('/admin/');
    await screen.findByText('服务正常');
    fetchMock.mockImplementationOnce(async () => new Response(null, { status: 204 }));

    fireEvent.click(screen.getByRole('button', { name: '退出' }));
    expect(await screen.findByRole('button', { name: '登录' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/admin/login');
    const [url, init] = fetchMock.mock.calls.at(-1)!;
    expect(url).toBe('/api/auth/logout');
    expect((init as RequestInit).method).toBe('POST');
    expect(currentSession()).toBeNull();
  });

  it('goes to the login page when the API answers 401 (session expired)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(async () =>
        jsonResponse({ code: 'AUTH.UNAUTHENTICATED', message: '请先登录' }, 401),
      ),
    );
    const { router } = renderApp('/admin/');
    expect(await screen.findByText('登录已失效，请重新登录')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/admin/login');
    expect(currentSession()).toBeNull();
  });

  it('opens a not-yet-built area from the menu and shows it is coming', async () => {
    const upcoming = navItemsFor('city_admin').find((item) => !item.ready);
    if (!upcoming) return; // every area is built
    stubHealth();
    const { router } = renderApp('/admin/');
    await screen.findByText('服务正常');

    fireEvent.click(mainMenu().getByRole('link', { name: upcoming.label }));
    expect(await screen.findByText('该功能即将上线')).toBeTruthy();
    expect(router.state.location.pathname).toBe(`/admin${upcoming.path}`);
    expect(screen.getByRole('heading', { name: upcoming.label })).toBeTruthy();
  });

  it('shows the 404 page inside the layout for an unknown address', async () => {
    renderApp('/admin/no-such-page');
    expect(await screen.findByText('页面不存在')).toBeTruthy();
    expect(mainMenu().getAllByRole('link')).toHaveLength(staffMenu.length);
  });

  it('shows the 404 page below a known area too', async () => {
    renderApp('/admin/tariffs/unknown');
    expect(await screen.findByText('页面不存在')).toBeTruthy();
  });
});
