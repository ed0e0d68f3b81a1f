import {
  AuthErrorCode,
  LoginResponseSchema,
  MeSchema,
  type LoginResponse,
} from '@zgd/shared-types';
import { createHash } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_CLOCK, type Clock } from '../src/modules/auth/clock';
import { DEMO_PASSWORD, seedDemoUsers } from '../src/modules/auth/demo-users';
import { loginAs, loginAsNewUser } from './support/auth';
import { startTestApp, type TestApp } from './support/test-app';

const HOUR = 3_600_000;
const CHINESE = /[\u4e00-\u9fff]/;

// ---- a local stand-in for api.weixin.qq.com ------------------------------------------------

const WECHAT_APPID = 'wx0123456789abcdef';
const WECHAT_SECRET = 'fake-wechat-secret-9f8e7d6c';
/** Codes the fake accepts, and the openid each stands for. Two codes of one user share it. */
const OPENIDS: Record<string, string> = {
  'code-alice-1': 'oAlice-openid-000000000001',
  'code-alice-2': 'oAlice-openid-000000000001',
  'code-bob-1': 'oBob-openid-00000000000002',
};
/** Codes the fake refuses with a WeChat errcode, as WeChat would. */
const REFUSALS: Record<string, { errcode: number; errmsg: string }> = {
  'code-invalid': { errcode: 40029, errmsg: 'invalid code, rid: 6812d0a4-1b2c3d4e-5f6a7b8c' },
  'code-used': { errcode: 40163, errmsg: 'code been used, rid: 6812d0a4-2b2c3d4e-5f6a7b8c' },
  'code-busy': { errcode: -1, errmsg: 'system error, rid: 6812d0a4-3b2c3d4e-5f6a7b8c' },
};

interface FakeWechat {
  url: string;
  requests: URLSearchParams[];
  close(): Promise<void>;
}

async function startFakeWechat(): Promise<FakeWechat> {
  const requests: URLSearchParams[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const q = url.searchParams;
    requests.push(q);
    const answer = (body: object) => {
      // WeChat labels its JSON text/plain.
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'GET' || url.pathname !== '/sns/jscode2session') {
      res.writeHead(404).end();
    } else if (q.get('appid') !== WECHAT_APPID) {
      answer({ errcode: 40013, errmsg: 'invalid appid' });
    } else if (q.get('secret') !== WECHAT_SECRET) {
      answer({ errcode: 40125, errmsg: 'invalid appsecret' });
    } else if (q.get('grant_type') !== 'authorization_code') {
      answer({ errcode: 40002, errmsg: 'invalid grant_type' });
    } else if (OPENIDS[q.get('js_code') ?? '']) {
      answer({ openid: OPENIDS[q.get('js_code')!], session_key: 'tiihtNczf5v6AKRyjwEUhQ==' });
    } else {
      answer(REFUSALS[q.get('js_code') ?? ''] ?? REFUSALS['code-invalid']);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// ---- helpers ----------------------------------------------------------------------------------

interface Answer {
  status: number;
  body: Record<string, unknown> & { code?: string; message?: string };
}

async function call(
  t: TestApp,
  method: string,
  path: string,
  init: { body?: unknown; token?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  const res = await fetch(`${t.baseUrl}${path}`, {
    method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {} } as Answer;
}

/** Everything a test typed or received that must never reach a log line. */
const secrets = new Set<string>();
const remember = (r: Answer) => {
  if (typeof r.body.token === 'string') secrets.add(r.body.token);
  return r;
};
const login = async (t: TestApp, username: string, password: string) => {
  secrets.add(password);
  return remember(await call(t, 'POST', '/api/auth/login', { body: { username, password } }));
};
const wechatLogin = async (t: TestApp, code: string) =>
  remember(await call(t, 'POST', '/api/auth/wechat', { body: { code } }));
/** loginAs and loginAsNewUser, remembering the token. */
const signIn = async (t: TestApp, username: string) => {
  const s = await loginAs(t, username);
  secrets.add(s.token);
  return s;
};
const signInNew = async (t: TestApp, user: Parameters<typeof loginAsNewUser>[1]) => {
  const s = await loginAsNewUser(t, user);
  secrets.add(s.token);
  return s;
};
const me = (t: TestApp, token: string) => call(t, 'GET', '/api/auth/me', { token });

// ---- the application with WeChat configured and demo login on (the test default) ------------

describe(`authentication on ${process.env.TEST_DB ?? 'sqlite'}`, () => {
  let t: TestApp;
  let wechat: FakeWechat;
  let clock: Clock;
  /** Moves the application's clock; afterEach puts it back. */
  const travel = (ms: number) => {
    clock.now = () => new Date(Date.now() + ms);
  };

  beforeAll(async () => {
    wechat = await startFakeWechat();
    t = await startTestApp({
      WECHAT_API_BASE: wechat.url,
      WECHAT_APPID,
      WECHAT_SECRET,
    });
    clock = t.app.get<Clock>(AUTH_CLOCK);
    expect(await seedDemoUsers(t.app.get(DataSource))).toEqual([
      'admin',
      'pudong',
      'pudong-lead',
      'minhang',
      'pudong-2',
      'minhang-2',
      'pudong-3',
      'minhang-3',
      'minhang-lead',
      'entity',
      'tenant',
    ]);
  });
  afterEach(() => travel(0));
  afterAll(async () => {
    await t?.close();
    await wechat?.close();
  });

  describe('password login', () => {
    it('signs a demo officer in and answers /me with the same user and scope', async () => {
      const before = Date.now();
      const r = await login(t, 'pudong', DEMO_PASSWORD);
      expect(r.status).toBe(200);
      const body = LoginResponseSchema.parse(r.body);
      expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(body.user).toMatchObject({
        username: 'pudong',
        role: 'district_officer',
        districtCode: '310115',
        entityId: null,
        tenantId: null,
        displayName: '浦东新区局办案人员',
      });
      // Stored to the whole second: up to a second before 12 hours from the login.
      const expiresAt = Date.parse(body.expiresAt);
      expect(expiresAt).toBeGreaterThan(before + 12 * HOUR - 1000);
      expect(expiresAt).toBeLessThanOrEqual(Date.now() + 12 * HOUR);

      const who = await me(t, body.token);
      expect(who.status).toBe(200);
      expect(MeSchema.parse(who.body)).toEqual(body.user);
    });

    it('gives the entity user its entity and the tenant its firm', async () => {
      expect((await signIn(t, 'entity')).user).toMatchObject({
        role: 'entity_user',
        entityId: '91310112YUYU122BX0',
        districtCode: null,
      });
      expect((await signIn(t, 'tenant')).user).toMatchObject({
        role: 'tenant',
        tenantId: '91310109PRMU98K65L',
      });
    });

    it('refuses a wrong password and an unknown user alike, in Chinese', async () => {
      const wrong = await login(t, 'admin', 'demo12345');
      const unknown = await login(t, '13812345678', 'P@ss-13900001111');
      for (const r of [wrong, unknown]) {
        expect(r.status).toBe(401);
        expect(r.body).toEqual({
          code: AuthErrorCode.BAD_CREDENTIALS,
          message: '用户名或密码错误',
        });
      }
    });

    it('refuses a password login to a tenant, who has no password', async () => {
      const r = await login(t, 'tenant', DEMO_PASSWORD);
      expect(r.status).toBe(401);
      expect(r.body.code).toBe(AuthErrorCode.BAD_CREDENTIALS);
    });

    it('names the missing field of a malformed request', async () => {
      const r = await call(t, 'POST', '/api/auth/login', { body: { username: 'admin' } });
      expect(r.status).toBe(400);
      expect(r.body.code).toBe(AuthErrorCode.VALIDATION_FAILED);
      expect(r.body.details).toEqual([expect.objectContaining({ path: 'password' })]);
    });

    it('locks the account after 5 wrong passwords, refuses even the right one for 15 minutes, then lets it in', async () => {
      for (let i = 1; i <= 4; i++) {
        expect((await login(t, 'minhang', `guess-${i}`)).body.code).toBe(
          AuthErrorCode.BAD_CREDENTIALS,
        );
      }
      const fifth = await login(t, 'minhang', 'guess-5');
      expect(fifth.status).toBe(401);
      expect(fifth.body.code).toBe(AuthErrorCode.LOCKED_OUT);
      expect(fifth.body.message).toMatch(/锁定.*15 分钟/);

      expect((await login(t, 'minhang', DEMO_PASSWORD)).body.code).toBe(AuthErrorCode.LOCKED_OUT);
      travel(14 * 60_000);
      const stillLocked = await login(t, 'minhang', DEMO_PASSWORD);
      expect(stillLocked.body.code).toBe(AuthErrorCode.LOCKED_OUT);
      expect(stillLocked.body.message).toMatch(/[12] 分钟/);

      travel(15 * 60_000 + 2000);
      expect((await login(t, 'minhang', DEMO_PASSWORD)).status).toBe(200);
      // The success cleared the count: four more mistakes do not lock again.
      for (let i = 6; i <= 9; i++) {
        expect((await login(t, 'minhang', `guess-${i}`)).body.code).toBe(
          AuthErrorCode.BAD_CREDENTIALS,
        );
      }
      expect((await login(t, 'minhang', DEMO_PASSWORD)).status).toBe(200);
    });

    it('keeps the lockout of one account from touching another', async () => {
      const other = await signInNew(t, { role: 'district_officer', districtCode: '310104' });
      for (let i = 1; i <= 5; i++) await login(t, other.user.username, `nope-${i}`);
      expect((await login(t, other.user.username, `pw-${other.user.username}`)).body.code).toBe(
        AuthErrorCode.LOCKED_OUT,
      );
      expect((await login(t, 'pudong-lead', DEMO_PASSWORD)).status).toBe(200);
    });
  });

  describe('sessions', () => {
    it('stores only the SHA-256 of the token', async () => {
      const s = await signIn(t, 'admin');
      secrets.add(s.token);
      const hash = createHash('sha256').update(s.token).digest('hex');
      const rows: Array<Record<string, unknown>> = await t.app
        .get(DataSource)
        .query('SELECT * FROM app_session WHERE token_hash = ?', [hash]);
      expect(rows).toHaveLength(1);
      expect(
        JSON.stringify(await t.app.get(DataSource).query('SELECT * FROM app_session')),
      ).not.toContain(s.token);
    });

    it('refuses a staff session once its 12 hours are over', async () => {
      const s = await signIn(t, 'pudong');
      travel(12 * HOUR - 60_000);
      expect((await me(t, s.token)).status).toBe(200);
      travel(12 * HOUR + 1000);
      const r = await me(t, s.token);
      expect(r.status).toBe(401);
      expect(r.body).toEqual({
        code: AuthErrorCode.UNAUTHENTICATED,
        message: '登录已过期，请重新登录',
      });
    });

    it('keeps a tenant signed in for 30 days, not longer', async () => {
      const s = await signIn(t, 'tenant');
      travel(29 * 24 * HOUR);
      expect((await me(t, s.token)).status).toBe(200);
      travel(30 * 24 * HOUR + 1000);
      expect((await me(t, s.token)).body.code).toBe(AuthErrorCode.UNAUTHENTICATED);
    });

    it('ends the session on logout, and only that session', async () => {
      const first = await signIn(t, 'admin');
      const second = await signIn(t, 'admin');
      [first, second].forEach((s) => secrets.add(s.token));
      expect((await call(t, 'POST', '/api/auth/logout', { token: first.token })).status).toBe(204);
      expect((await me(t, first.token)).status).toBe(401);
      expect((await me(t, second.token)).status).toBe(200);
      // Signing out again, or with no session at all, is not an error.
      expect((await call(t, 'POST', '/api/auth/logout', { token: first.token })).status).toBe(204);
      expect((await call(t, 'POST', '/api/auth/logout')).status).toBe(204);
    });

    it.each([
      ['no Authorization header', undefined],
      ['a token nobody was given', 'A'.repeat(43)],
      ['something that is not a token', "x' OR '1'='1"],
    ])('refuses %s', async (_, token) => {
      const r = await me(t, token as string);
      expect(r.status).toBe(401);
      expect(r.body.code).toBe(AuthErrorCode.UNAUTHENTICATED);
      expect(r.body.message).toMatch(CHINESE);
    });
  });

  describe('guard', () => {
    it('answers an endpoint without @Public() with 401 AUTH.UNAUTHENTICATED when no one is signed in', async () => {
      const r = await call(t, 'GET', '/api/jobs/00000000-0000-0000-0000-000000000000');
      expect(r.status).toBe(401);
      expect(r.body).toEqual({ code: 'AUTH.UNAUTHENTICATED', message: '请先登录' });
    });

    it('closes every endpoint in the API document that is not marked public', async () => {
      const doc = (await (await fetch(`${t.baseUrl}/api/docs-json`)).json()) as {
        paths: Record<string, Record<string, { 'x-public'?: boolean }>>;
      };
      const open: string[] = [];
      for (const [path, operations] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(operations)) {
          const name = `${method.toUpperCase()} ${path}`;
          if (op['x-public']) {
            open.push(name);
            continue;
          }
          const r = await call(t, method.toUpperCase(), path.replace(/\{[^}]+\}/g, 'x'));
          expect({ name, status: r.status, code: r.body.code }).toEqual({
            name,
            status: 401,
            code: 'AUTH.UNAUTHENTICATED',
          });
        }
      }
      expect(open).toEqual(
        expect.arrayContaining([
          'GET /api/health',
          'POST /api/auth/login',
          'POST /api/auth/wechat',
          'POST /api/auth/demo',
          'POST /api/auth/logout',
        ]),
      );
      expect(open).not.toContain('GET /api/auth/me');
    });

    it('keeps GET /api/health open', async () => {
      expect((await call(t, 'GET', '/api/health')).status).toBe(200);
    });

    it('refuses a role that @Roles() does not name with 403 AUTH.FORBIDDEN, and lets the named ones through', async () => {
      const path = '/api/jobs/00000000-0000-0000-0000-000000000000';
      const tenant = await signIn(t, 'tenant');
      const refused = await call(t, 'GET', path, { token: tenant.token });
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual({
        code: AuthErrorCode.FORBIDDEN,
        message: '当前账号无权进行此操作',
      });
      for (const username of ['admin', 'pudong', 'pudong-lead', 'entity']) {
        const s = await signIn(t, username);
        expect((await call(t, 'GET', path, { token: s.token })).body.code).toBe('JOB.NOT_FOUND');
      }
    });
  });

  describe('demo login (on by default outside production)', () => {
    it('signs in a demo account without a password', async () => {
      const r = remember(await call(t, 'POST', '/api/auth/demo', { body: { username: 'tenant' } }));
      expect(r.status).toBe(200);
      expect((r.body as unknown as LoginResponse).user).toMatchObject({
        username: 'tenant',
        role: 'tenant',
      });
    });

    it('signs in no one but the demo accounts', async () => {
      const other = await signInNew(t, { role: 'city_admin', username: 'real-admin' });
      secrets.add(other.token);
      const r = await call(t, 'POST', '/api/auth/demo', { body: { username: 'real-admin' } });
      expect(r.status).toBe(401);
      expect(r.body.code).toBe(AuthErrorCode.BAD_CREDENTIALS);
    });
  });

  describe('WeChat login', () => {
    it('turns a new openid into a tenant without a firm, and finds the same user next time', async () => {
      const first = await wechatLogin(t, 'code-alice-1');
      expect(first.status).toBe(200);
      const alice = LoginResponseSchema.parse(first.body);
      expect(alice.user).toMatchObject({
        role: 'tenant',
        tenantId: null,
        districtCode: null,
        entityId: null,
      });
      expect(alice.user.username).toMatch(/^wx-[0-9a-f]{16}$/);
      expect(Date.parse(alice.expiresAt) - Date.now()).toBeGreaterThan(29 * 24 * HOUR);
      expect((await me(t, alice.token)).body).toEqual(alice.user);

      const again = LoginResponseSchema.parse((await wechatLogin(t, 'code-alice-2')).body);
      expect(again.user.userId).toBe(alice.user.userId);
      const bob = LoginResponseSchema.parse((await wechatLogin(t, 'code-bob-1')).body);
      expect(bob.user.userId).not.toBe(alice.user.userId);
    });

    it('sends WeChat the app id, secret, code and grant type', () => {
      const last = wechat.requests.at(-1)!;
      expect(Object.fromEntries(last)).toEqual({
        appid: WECHAT_APPID,
        secret: WECHAT_SECRET,
        js_code: 'code-bob-1',
        grant_type: 'authorization_code',
      });
    });

    it.each([
      ['code-invalid', 40029],
      ['code-used', 40163],
    ])('answers WeChat refusing %s (errcode %i) with 401 WECHAT.BAD_CREDENTIALS', async (code) => {
      const r = await wechatLogin(t, code);
      expect(r.status).toBe(401);
      expect(r.body.code).toBe(AuthErrorCode.WECHAT_BAD_CODE);
      expect(r.body.message).toMatch(CHINESE);
    });

    it('answers WeChat being busy with WECHAT.UNAVAILABLE, and logs the errcode for operators', async () => {
      const r = await wechatLogin(t, 'code-busy');
      expect(r.body.code).toBe(AuthErrorCode.WECHAT_UNAVAILABLE);
      expect(t.logs.some((l) => l.includes('"errcode":-1'))).toBe(true);
    });

    it('creates no user for a refused code', async () => {
      const count = async () =>
        Number((await t.app.get(DataSource).query('SELECT COUNT(*) AS n FROM app_user'))[0].n);
      const before = await count();
      await wechatLogin(t, 'code-invalid');
      expect(await count()).toBe(before);
    });
  });

  // Last: everything above has logged by now.
  it('never writes a password, token, phone number, WeChat secret or openid to the log', () => {
    for (const code of Object.keys(OPENIDS)) secrets.add(code);
    for (const openid of Object.values(OPENIDS)) secrets.add(openid);
    secrets.add(WECHAT_SECRET);
    secrets.add('tiihtNczf5v6AKRyjwEUhQ==');
    secrets.add('13812345678');
    const log = t.logs.join('\n');
    expect(log).toContain('"msg":"signed in"');
    expect(log).toContain('"msg":"login refused"');
    expect(secrets.size).toBeGreaterThan(20);
    for (const secret of secrets) expect(log, `log contains ${secret}`).not.toContain(secret);
  });
});

// ---- an application with demo login switched off and no WeChat credentials ------------------

describe('with DEMO_LOGIN=false and no WeChat app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DEMO_LOGIN: 'false' });
    await seedDemoUsers(t.app.get(DataSource));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers demo login with 404 DEMO_LOGIN.NOT_FOUND, even for a demo account', async () => {
    const r = await call(t, 'POST', '/api/auth/demo', { body: { username: 'admin' } });
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ code: AuthErrorCode.DEMO_LOGIN_OFF, message: '演示登录未开启' });
  });

  it('still lets demo staff sign in with their password', async () => {
    expect((await loginAs(t, 'pudong')).user.role).toBe('district_officer');
  });

  it('answers WeChat login with WECHAT.NOT_CONFIGURED', async () => {
    const r = await call(t, 'POST', '/api/auth/wechat', { body: { code: 'code-alice-1' } });
    expect(r.body.code).toBe(AuthErrorCode.WECHAT_NOT_CONFIGURED);
  });
});
