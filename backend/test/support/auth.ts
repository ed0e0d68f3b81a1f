import type { LoginResponse, Me, Role } from '@zgd/shared-types';
import { DataSource } from 'typeorm';
import { AuthRepository } from '../../src/modules/auth/auth.repository';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoUsers } from '../../src/modules/auth/demo-users';
import { hashPassword } from '../../src/modules/auth/password';
import type { TestApp } from './test-app';

export interface TestSession {
  token: string;
  user: Me;
  /** Spread into fetch's init: `fetch(url, { headers: s.headers })`. */
  headers: { authorization: string };
}

async function post(t: TestApp, path: string, body: unknown): Promise<LoginResponse> {
  const res = await fetch(`${t.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 200)
    throw new Error(`POST ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as LoginResponse;
}

const session = (r: LoginResponse): TestSession => ({
  token: r.token,
  user: r.user,
  headers: { authorization: `Bearer ${r.token}` },
});

/**
 * Signs in one of the demo accounts (admin, pudong, pudong-lead, minhang, entity, tenant) over
 * HTTP, creating the demo accounts first if the test database has none.
 */
export async function loginAs(t: TestApp, username: string): Promise<TestSession> {
  const account = DEMO_ACCOUNTS.find((a) => a.username === username);
  if (!account) throw new Error(`${username} is not a demo account: use loginAsNewUser`);
  await seedDemoUsers(t.app.get(DataSource));
  if (t.config.demoLogin) return session(await post(t, '/api/auth/demo', { username }));
  if (account.password === null)
    throw new Error(`${username} has no password and DEMO_LOGIN is off`);
  return session(await post(t, '/api/auth/login', { username, password: DEMO_PASSWORD }));
}

export interface NewTestUser {
  role: Role;
  username?: string;
  districtCode?: string;
  entityId?: string;
  tenantId?: string;
}

let serial = 0;

/**
 * Creates a user with exactly this scope (another district, another entity, another tenant)
 * and signs it in by password over HTTP. The hash uses a low scrypt cost to keep tests fast.
 */
export async function loginAsNewUser(t: TestApp, user: NewTestUser): Promise<TestSession> {
  const username = user.username ?? `test-${user.role}-${process.pid}-${++serial}`;
  const password = `pw-${username}`;
  await new AuthRepository(t.app.get(DataSource)).insertUser({
    username,
    displayName: `测试用户 ${username}`,
    passwordHash: await hashPassword(password, { N: 1024, r: 8, p: 1 }),
    role: user.role,
    districtCode: user.districtCode ?? null,
    entityId: user.entityId ?? null,
    tenantId: user.tenantId ?? null,
    wechatOpenid: null,
    createdAt: new Date(),
  });
  return session(await post(t, '/api/auth/login', { username, password }));
}
