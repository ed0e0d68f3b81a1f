import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { navItemsFor } from '../../app/nav-items';
import { jsonResponse, renderApp } from '../../test/render-app';

const healthy = { status: 'ok', database: { type: 'sqlite', ok: true }, version: '0.1.0' };

const emptyDashboard = {
  districtCode: null,
  states: [],
  casesByDistrict: [],
  overdueTotal: 0,
  dueSoonTotal: 0,
  moneyByMonth: [],
  topEntities: [],
};

/** Health answers in turn; the statistics (`/api/dashboard`) answer an empty city. */
function stubFetch(...responses: Array<() => Promise<Response>>) {
  const health = [...responses];
  const fetchMock = vi.fn<typeof fetch>(async (input) => {
    if (String(input).startsWith('/api/dashboard')) return jsonResponse(emptyDashboard);
    const next = health.length > 1 ? health.shift()! : health[0]!;
    return next();
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** The calls to the health check only. */
const healthCalls = (fetchMock: ReturnType<typeof stubFetch>) =>
  fetchMock.mock.calls.filter(([url]) => url === '/api/health');

describe('工作台 (start page)', () => {
  it('shows the service as healthy and names the database on a good health response', async () => {
    const fetchMock = stubFetch(async () => jsonResponse(healthy));
    renderApp('/admin/');

    expect(await screen.findByText('服务正常')).toBeTruthy();
    expect(screen.getByText('SQLite 正常')).toBeTruthy();
    expect(healthCalls(fetchMock)).toHaveLength(1);
    const headers = new Headers((healthCalls(fetchMock)[0]![1] as RequestInit).headers);
    expect(headers.get('authorization')).toBe('Bearer test-token');
  });

  it('names MySQL and flags a database that is down', async () => {
    stubFetch(async () =>
      jsonResponse({ status: 'degraded', database: { type: 'mysql', ok: false }, version: '1' }),
    );
    renderApp('/admin/');

    expect(await screen.findByText('MySQL 异常')).toBeTruthy();
    expect(screen.getByText('服务降级运行')).toBeTruthy();
    expect(screen.queryByText('服务正常')).toBeNull();
  });

  it('shows the server’s Chinese message and code when the health check fails', async () => {
    stubFetch(async () => jsonResponse({ code: 'INTERNAL', message: '服务内部错误' }, 500));
    renderApp('/admin/');

    expect(await screen.findByText('无法获取服务状态')).toBeTruthy();
    expect(screen.getByText('服务内部错误')).toBeTruthy();
    expect(screen.getByText('错误代码：INTERNAL')).toBeTruthy();
    expect(screen.queryByText('服务正常')).toBeNull();
  });

  it('explains an unreachable server and recovers on 重新检测', async () => {
    const fetchMock = stubFetch(
      async () => {
        throw new TypeError('Failed to fetch');
      },
      async () => jsonResponse(healthy),
    );
    renderApp('/admin/');

    expect(await screen.findByText('无法连接服务器，请检查网络后重试')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /重新检测/ }));
    expect(await screen.findByText('服务正常')).toBeTruthy();
    expect(healthCalls(fetchMock)).toHaveLength(2);
  });

  it('links every area from the start page, marking those still to come', async () => {
    stubFetch(async () => jsonResponse(healthy));
    renderApp('/admin/');
    await screen.findByText('服务正常');

    const page = within(screen.getByRole('main'));
    expect(page.getByRole('link', { name: '数据导入' }).getAttribute('href')).toBe(
      '/admin/imports',
    );
    expect(page.getByRole('link', { name: '电价管理' }).getAttribute('href')).toBe(
      '/admin/tariffs',
    );
    for (const area of navItemsFor('city_admin').filter((item) => item.path !== '/')) {
      const name = area.ready ? area.label : `${area.label}（即将上线）`;
      // A built area may also be linked from the page's text: every such link goes there.
      for (const link of page.getAllByRole('link', { name }))
        expect(link.getAttribute('href')).toBe(`/admin${area.path}`);
    }
  });
});
