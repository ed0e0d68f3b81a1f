import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signIn } from '../../test/session';
import taro, { request as taroRequest, resetTaro, route } from '../../test/taro-fake';
import { ApiError } from './api-error';
import { apiGet, apiPost } from './http-client';
import { getToken, saveSession } from './session';

beforeEach(resetTaro);
afterEach(resetTaro);

describe('http client', () => {
  it('sends no Authorization header without a session', async () => {
    route('GET', '/health', { status: 'ok' });
    await apiGet('/health');
    expect(taroRequest.mock.calls[0][0].header).toEqual({ Accept: 'application/json' });
  });

  it('sends the bearer token of the session', async () => {
    signIn('abc');
    route('GET', '/auth/me', { userId: 1 });
    await apiGet('/auth/me');
    expect(taroRequest.mock.calls[0][0].header?.Authorization).toBe('Bearer abc');
  });

  it('forgets an expired session instead of sending it', async () => {
    saveSession({ token: 'old', expiresAt: '2000-01-01T00:00:00.000Z' });
    route('GET', '/auth/me', { userId: 1 });
    await apiGet('/auth/me');
    expect(taroRequest.mock.calls[0][0].header?.Authorization).toBeUndefined();
    expect(getToken()).toBeNull();
  });

  it('on 401 drops the session and goes back to login once, however many calls fail', async () => {
    signIn('abc');
    route('GET', '/me/months', {
      statusCode: 401,
      data: { code: 'AUTH.UNAUTHENTICATED', message: '请先登录' },
    });
    const failures = await Promise.allSettled([apiGet('/me/months'), apiGet('/me/months')]);
    for (const f of failures) {
      expect(f.status).toBe('rejected');
      expect((f as PromiseRejectedResult).reason).toBeInstanceOf(ApiError);
    }
    expect(getToken()).toBeNull();
    expect(taro.reLaunch).toHaveBeenCalledTimes(1);
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });

  it('leaves the page alone on a 401 to a call made without a session (a failed login)', async () => {
    route('POST', '/auth/demo', {
      statusCode: 401,
      data: { code: 'AUTH.BAD_CREDENTIALS', message: '用户名或密码错误' },
    });
    await expect(apiPost('/auth/demo', { username: 'x' })).rejects.toMatchObject({
      code: 'AUTH.BAD_CREDENTIALS',
      status: 401,
    });
    expect(taro.reLaunch).not.toHaveBeenCalled();
  });

  it('resolves a 204 with undefined', async () => {
    route('POST', '/auth/logout', { statusCode: 204, data: '' });
    await expect(apiPost('/auth/logout')).resolves.toBeUndefined();
  });
});
