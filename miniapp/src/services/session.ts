import Taro from '@tarojs/taro';
import type { LoginResponse } from '@zgd/shared-types';

export const LOGIN_PAGE = '/pages/login/index';
export const HOME_PAGE = '/pages/index/index';

const STORAGE_KEY = 'zgd.session';

interface StoredSession {
  token: string;
  /** ISO date-time from the login answer. */
  expiresAt: string;
}

/** The bearer token of the signed-in user, or null when there is none or it has expired. */
export function getToken(now: number = Date.now()): string | null {
  const stored = readStored();
  if (!stored) return null;
  if (Date.parse(stored.expiresAt) <= now) {
    clearSession();
    return null;
  }
  return stored.token;
}

export function saveSession(login: Pick<LoginResponse, 'token' | 'expiresAt'>): void {
  const session: StoredSession = { token: login.token, expiresAt: login.expiresAt };
  Taro.setStorageSync(STORAGE_KEY, session);
  leavingForLogin = false;
}

export function clearSession(): void {
  Taro.removeStorageSync(STORAGE_KEY);
}

// Several requests of one page can fail with 401 at once; only the first one navigates.
let leavingForLogin = false;

/** Drops the session and shows the login page (used when the API answers 401). */
export function sessionExpired(): void {
  clearSession();
  if (leavingForLogin) return;
  leavingForLogin = true;
  Taro.reLaunch({ url: LOGIN_PAGE }).catch(() => {
    leavingForLogin = false;
  });
}

function readStored(): StoredSession | null {
  let value: unknown;
  try {
    value = Taro.getStorageSync(STORAGE_KEY);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { token, expiresAt } = value as Record<string, unknown>;
  if (typeof token !== 'string' || typeof expiresAt !== 'string') return null;
  return { token, expiresAt };
}
