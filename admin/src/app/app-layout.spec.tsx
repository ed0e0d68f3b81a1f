import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderApp } from '../test/render-app';
import { navItems } from './nav-items';

const menuLabels = [
  '工作台',
  '线索与案件',
  '数据导入',
  '电价管理',
  '收费主体',
  '预警与信用',
  '审计日志',
];

function stubHealth() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => jsonResponse({ status: 'ok', database: { type: 'sqlite', ok: true } })),
  );
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

  it('renders every menu item, in order, each linking under /admin', async () => {
    stubHealth();
    renderApp('/admin/');
    const links = mainMenu().getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(menuLabels);
    expect(links.map((link) => link.getAttribute('href'))).toEqual(
      navItems.map((item) => (item.path === '/' ? '/admin' : `/admin${item.path}`)),
    );
    await screen.findByText('服务正常');
  });

  it('opens a not-yet-built area from the menu and shows it is coming', async () => {
    stubHealth();
    const { router } = renderApp('/admin/');
    await screen.findByText('服务正常');

    fireEvent.click(mainMenu().getByRole('link', { name: '电价管理' }));
    expect(await screen.findByText('该功能即将上线')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/admin/tariffs');
    expect(screen.getByRole('heading', { name: '电价管理' })).toBeTruthy();
  });

  it('shows the 404 page inside the layout for an unknown address', async () => {
    renderApp('/admin/no-such-page');
    expect(await screen.findByText('页面不存在')).toBeTruthy();
    expect(mainMenu().getAllByRole('link')).toHaveLength(menuLabels.length);
  });

  it('shows the 404 page below a known area too', async () => {
    renderApp('/admin/cases/unknown');
    expect(await screen.findByText('页面不存在')).toBeTruthy();
  });
});
