import Taro from '@tarojs/taro';
import type { LoginResponse, Me } from '@zgd/shared-types';
import { apiGet, apiPost } from './http-client';
import { clearSession, saveSession } from './session';

/** The demo accounts a tenant can try on H5 (the backend seeds them outside production). */
export const DEMO_TENANTS = [
  { username: 'tenant', name: '租户1号商行', hint: '闵行某工业园的租户（演示账号）' },
] as const;

/** Demo login is on unless the build says otherwise (TARO_APP_DEMO_LOGIN=false). */
export const demoLoginEnabled = (): boolean => process.env.TARO_APP_DEMO_LOGIN !== 'false';

export const isWeapp = (): boolean => process.env.TARO_ENV === 'weapp';

export async function demoLogin(username: string): Promise<LoginResponse> {
  const login = await apiPost<LoginResponse>('/auth/demo', { username });
  saveSession(login);
  return login;
}

/** WeChat: exchanges a fresh `wx.login()` code for a session. */
export async function wechatLogin(): Promise<LoginResponse> {
  const { code } = await Taro.login();
  const login = await apiPost<LoginResponse>('/auth/wechat', { code });
  saveSession(login);
  return login;
}

export const fetchMe = () => apiGet<Me>('/auth/me');

/** Ends the session on the server (best effort) and forgets the token. */
export async function logout(): Promise<void> {
  try {
    await apiPost<void>('/auth/logout');
  } finally {
    clearSession();
  }
}
