import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TENANT } from '../../../test/session';
import taro, { request, resetTaro, route, storageValue } from '../../../test/taro-fake';
import { getToken } from '../../services/session';
import LoginPage from './index';

const LOGIN = { token: 'demo-token', expiresAt: '2999-01-01T00:00:00.000Z', user: TENANT };

beforeEach(resetTaro);
afterEach(() => {
  cleanup();
  vi.unstubAllEnvs();
});

describe('login page on H5', () => {
  it('lists the demo tenant; signing in stores the token and opens the home page', async () => {
    route('POST', '/auth/demo', LOGIN);
    render(<LoginPage />);
    expect(screen.getByText('演示登录')).toBeTruthy();

    fireEvent.click(screen.getByText('租户1号商行'));
    await waitFor(() => expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }));
    const [call] = request.mock.calls.map(([r]) => r);
    expect(call).toMatchObject({
      url: '/api/auth/demo',
      method: 'POST',
      data: { username: 'tenant' },
    });
    expect(storageValue('zgd.session')).toEqual({
      token: 'demo-token',
      expiresAt: '2999-01-01T00:00:00.000Z',
    });
    expect(getToken()).toBe('demo-token');
  });

  it('shows the server message and stores nothing when demo login is refused', async () => {
    route('POST', '/auth/demo', {
      statusCode: 404,
      data: { code: 'DEMO_LOGIN.NOT_FOUND', message: '演示登录未开启' },
    });
    render(<LoginPage />);
    fireEvent.click(screen.getByText('租户1号商行'));
    expect(await screen.findByText('演示登录未开启')).toBeTruthy();
    expect(getToken()).toBeNull();
    expect(taro.reLaunch).not.toHaveBeenCalled();
  });

  it('hides the demo accounts when the build turns demo login off', () => {
    vi.stubEnv('TARO_APP_DEMO_LOGIN', 'false');
    render(<LoginPage />);
    expect(screen.queryByText('租户1号商行')).toBeNull();
    expect(screen.getByText('请在微信中使用')).toBeTruthy();
  });
});

describe('login page in WeChat', () => {
  it('exchanges the wx.login() code for a session right away', async () => {
    vi.stubEnv('TARO_ENV', 'weapp');
    route('POST', '/auth/wechat', { ...LOGIN, token: 'wx-token' });
    render(<LoginPage />);
    await waitFor(() => expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }));
    expect(taro.login).toHaveBeenCalledTimes(1);
    expect(request.mock.calls[0][0]).toMatchObject({
      url: '/api/auth/wechat',
      method: 'POST',
      data: { code: 'wx-login-code' },
    });
    expect(getToken()).toBe('wx-token');
    expect(screen.queryByText('演示登录')).toBeNull();
  });

  it('offers a retry when WeChat refuses the code', async () => {
    vi.stubEnv('TARO_ENV', 'weapp');
    route('POST', '/auth/wechat', {
      statusCode: 401,
      data: { code: 'WECHAT.BAD_CREDENTIALS', message: '微信登录凭证无效，请重试' },
    });
    render(<LoginPage />);
    expect(await screen.findByText('微信登录凭证无效，请重试')).toBeTruthy();
    route('POST', '/auth/wechat', LOGIN);
    fireEvent.click(screen.getByText('重新登录'));
    await waitFor(() => expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }));
    expect(taro.login).toHaveBeenCalledTimes(2);
  });
});
