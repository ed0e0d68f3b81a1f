import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { TenantMonthSummary, VerdictLevel } from '@zgd/shared-types';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_MONTHS } from '../../../test/fixtures';
import { HEALTHY, signIn, TENANT } from '../../../test/session';
import taro, { request, resetTaro, route } from '../../../test/taro-fake';
import IndexPage from './index';

const month = (
  period: string,
  level: VerdictLevel,
  refund: string,
  accountNo = '3100000002',
): TenantMonthSummary => ({
  ...DEMO_MONTHS[0],
  accountNo,
  period,
  verdict: { level, refund, reasons: [] },
});

const cards = (container: HTMLElement) => [...container.querySelectorAll('.month-card')];

beforeEach(() => {
  resetTaro();
  route('GET', '/health', HEALTHY);
  route('GET', '/auth/me', TENANT);
});
afterEach(() => {
  cleanup();
  vi.unstubAllEnvs();
});

describe('home page', () => {
  it('offers a visitor without a session on H5 the login page, and asks for no months', async () => {
    render(<IndexPage />);
    fireEvent.click(await screen.findByText('登录'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/login/index' });
    expect(screen.getByText('登录后查看核查结果')).toBeTruthy();
    expect(request.mock.calls.some(([r]) => r.url.startsWith('/api/me/'))).toBe(false);
    expect(request.mock.calls.some(([r]) => r.url === '/api/auth/me')).toBe(false);
  });

  it('sends a WeChat user without a session to the (silent) login page', () => {
    vi.stubEnv('TARO_ENV', 'weapp');
    render(<IndexPage />);
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });

  it('shows the firm and its four red months, newest first, with what was overcharged', async () => {
    signIn('tok-1');
    route('GET', '/me/months', DEMO_MONTHS);
    const { container } = render(<IndexPage />);

    expect(await screen.findByText('多收 ¥1813.93')).toBeTruthy();
    expect(screen.getByText('租户1号商行')).toBeTruthy();
    expect(screen.getByText('闵行某工业园')).toBeTruthy();
    expect(screen.getByText('电网户号 3100000002')).toBeTruthy();
    expect(screen.getByText('多收 4 个月')).toBeTruthy();
    const shown = cards(container);
    expect(shown).toHaveLength(4);
    expect(shown.every((c) => c.classList.contains('month-card--red'))).toBe(true);
    expect(shown.map((c) => c.querySelector('.month-card__period')?.textContent)).toEqual([
      '2025年6月',
      '2025年5月',
      '2025年4月',
      '2025年3月',
    ]);
    expect(shown.map((c) => c.querySelector('.month-card__amount')?.textContent)).toEqual([
      '多收 ¥1813.93',
      '多收 ¥1788.43',
      '多收 ¥2237.25',
      '多收 ¥2012.58',
    ]);
    for (const card of shown)
      expect(within(card as HTMLElement).getByText('多收电费')).toBeTruthy();
  });

  it('sends the bearer token with every call', async () => {
    signIn('tok-2');
    route('GET', '/me/months', DEMO_MONTHS);
    render(<IndexPage />);
    await screen.findByText('多收 ¥1813.93');
    const apiCalls = request.mock.calls.map(([r]) => r);
    expect(apiCalls.map((r) => r.url)).toEqual(
      expect.arrayContaining(['/api/auth/me', '/api/me/months']),
    );
    for (const call of apiCalls) expect(call.header?.Authorization).toBe('Bearer tok-2');
  });

  it('colours each card by its verdict and says what it means', async () => {
    signIn();
    route('GET', '/me/months', [
      month('2025-09', 'green', '0.00'),
      month('2025-08', 'yellow', '5.00'),
      month('2025-07', 'yellow', '0.00'),
      month('2025-06', 'red', '12.30'),
    ]);
    const { container } = render(<IndexPage />);
    await screen.findByText('多收 ¥12.30');

    const shown = cards(container);
    expect(shown.map((c) => c.className)).toEqual([
      'month-card month-card--green',
      'month-card month-card--yellow',
      'month-card month-card--yellow',
      'month-card month-card--red',
    ]);
    expect(shown.map((c) => c.querySelector('.month-card__label')?.textContent)).toEqual([
      '收费合规',
      '存在差异',
      '存在差异',
      '多收电费',
    ]);
    expect(shown.map((c) => c.querySelector('.month-card__amount')?.textContent)).toEqual([
      '未发现多收',
      '应退 ¥5.00',
      '点击查看差异',
      '多收 ¥12.30',
    ]);
  });

  it('groups months by premises', async () => {
    signIn();
    route('GET', '/me/months', [
      month('2025-05', 'red', '10.00', 'A-1'),
      month('2025-06', 'green', '0.00', 'B-2'),
      month('2025-04', 'green', '0.00', 'A-1'),
    ]);
    const { container } = render(<IndexPage />);
    await screen.findByText('多收 ¥10.00');
    const premises = [...container.querySelectorAll('.premises')];
    expect(premises.map((p) => p.querySelector('.premises__account')?.textContent)).toEqual([
      '电网户号 B-2',
      '电网户号 A-1',
    ]);
    expect(cards(premises[1] as HTMLElement)).toHaveLength(2);
  });

  it('opens the month page of a tapped card', async () => {
    signIn();
    route('GET', '/me/months', DEMO_MONTHS);
    render(<IndexPage />);
    fireEvent.click(await screen.findByText('2025年3月'));
    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/bill/pages/month/index?accountNo=3100000002&period=2025-03',
    });
  });

  it('offers binding when the user has no bound firm, and asks for no months', async () => {
    signIn();
    route('GET', '/auth/me', { ...TENANT, displayName: '微信用户', tenantId: null });
    const { container } = render(<IndexPage />);
    expect(await screen.findByText('尚未绑定企业')).toBeTruthy();
    expect(cards(container)).toHaveLength(0);
    expect(request.mock.calls.some(([r]) => r.url === '/api/me/months')).toBe(false);
    fireEvent.click(screen.getByText('绑定企业'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/binding/pages/bind/index' });
  });

  it('opens 我的举报 and 我的企业', async () => {
    signIn();
    route('GET', '/me/months', DEMO_MONTHS);
    render(<IndexPage />);
    fireEvent.click(screen.getByText('我的举报'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/report/pages/mine/index' });
    fireEvent.click(screen.getByText('我的企业'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/binding/pages/list/index' });
  });

  it('says so when a bound firm has no months yet', async () => {
    signIn();
    route('GET', '/me/months', []);
    render(<IndexPage />);
    expect(await screen.findByText('暂无核查结果')).toBeTruthy();
  });

  it('pages a long list 50 months at a time', async () => {
    signIn();
    const many = Array.from({ length: 120 }, (_, i) =>
      month(
        `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
        'green',
        '0.00',
      ),
    );
    route('GET', '/me/months', many);
    const { container } = render(<IndexPage />);
    expect(await screen.findByText('第 1/3 页 · 共 120 个月')).toBeTruthy();
    expect(cards(container)).toHaveLength(50);
    expect(container.querySelector('.month-card__period')?.textContent).toBe('2009年12月');

    fireEvent.click(screen.getByText('下一页'));
    expect(screen.getByText('第 2/3 页 · 共 120 个月')).toBeTruthy();
    expect(cards(container)).toHaveLength(50);
    expect(container.querySelector('.month-card__period')?.textContent).toBe('2005年10月');
    fireEvent.click(screen.getByText('下一页'));
    expect(cards(container)).toHaveLength(20);
  });

  it('keeps a small service line', async () => {
    signIn();
    route('GET', '/me/months', DEMO_MONTHS);
    render(<IndexPage />);
    expect(await screen.findByText('服务正常')).toBeTruthy();
  });

  it('goes back to login when the session is no longer valid (401)', async () => {
    signIn();
    route('GET', '/auth/me', {
      statusCode: 401,
      data: { code: 'AUTH.UNAUTHENTICATED', message: '请先登录' },
    });
    render(<IndexPage />);
    expect(await screen.findByText('请先登录')).toBeTruthy();
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
    expect(taro.getStorageSync('zgd.session')).toBe('');
  });

  it('opens 电价与规则', async () => {
    signIn();
    route('GET', '/me/months', DEMO_MONTHS);
    render(<IndexPage />);
    fireEvent.click(screen.getByText('电价与规则'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/rules/pages/index/index' });
  });
});
