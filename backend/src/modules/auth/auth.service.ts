import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { LoginResponse, Me } from '@zgd/shared-types';
import { randomBytes } from 'node:crypto';
import { JsonLogger } from '../../common/logging/json-logger';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { AppUser } from './app-user.entity';
import {
  badCredentials,
  demoLoginOff,
  lockedOut,
  notADemoAccount,
  sessionExpired,
  unauthenticated,
  wechatBadCode,
  wechatForbidden,
  wechatNotConfigured,
  wechatUnavailable,
} from './auth.errors';
import { AuthRepository, type BoundFirm } from './auth.repository';
import { AUTH_CLOCK, type Clock } from './clock';
import { DEMO_ACCOUNTS } from './demo-users';
import { afterFailedLogin, isLockedOut, type LoginAttempts } from './domain/lockout';
import type { Principal, TenantScopeEntry } from './domain/principal';
import { sessionLifetimeMs, sessionState } from './domain/session-policy';
import { hashPassword, verifyPassword } from './password';
import { hashSessionToken, looksLikeSessionToken, newSessionToken } from './session-token';
import { WECHAT_CLIENT, type WechatClient } from './wechat-client';

type LoginMethod = 'password' | 'wechat' | 'demo';

/** Database DATETIME keeps whole seconds on MySQL: store what both engines give back. */
const wholeSeconds = (ms: number) => new Date(Math.floor(ms / 1000) * 1000);

/**
 * The principal of a user; a tenant's scope is the firm its account was created with (at all
 * of its premises) and the firms it bound to premises.
 */
export function toPrincipal(user: AppUser, bindings: readonly BoundFirm[] = []): Principal {
  const tenantScope: TenantScopeEntry[] = [];
  if (user.role === 'tenant') {
    if (user.tenantId) tenantScope.push({ tenantId: user.tenantId, accountNo: null });
    for (const b of bindings) tenantScope.push({ tenantId: b.tenantId, accountNo: b.accountNo });
  }
  return {
    userId: user.id,
    username: user.username,
    role: user.role,
    districtCode: user.districtCode,
    entityId: user.entityId,
    tenantId: user.tenantId ?? tenantScope[0]?.tenantId ?? null,
    tenantScope,
    displayName: user.displayName,
  };
}

/** What a user sees of itself: the principal without its scope list. */
export function toMe({ tenantScope: _scope, ...me }: Principal): Me {
  return me;
}

/**
 * Logins (password, WeChat, demo), sessions and the principal behind a token. Logs carry user
 * ids and reasons only: never a username typed at login (it may be a phone number or a
 * password typed in the wrong box), a password, a token, an openid or WeChat's session key.
 */
@Injectable()
export class AuthService implements OnModuleInit {
  /** A hash to verify against when the user is unknown, so the answer takes as long. */
  private decoyHash: Promise<string> | null = null;

  constructor(
    private readonly repo: AuthRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
    @Inject(WECHAT_CLIENT) private readonly wechat: WechatClient,
    private readonly logger: JsonLogger,
  ) {}

  onModuleInit() {
    if (this.config.demoLogin && this.config.env === 'production') {
      this.logger.warn(
        { msg: 'DEMO_LOGIN is on in production: demo accounts sign in without a password' },
        'Auth',
      );
    }
  }

  async login(username: string, password: string): Promise<LoginResponse> {
    const user = await this.repo.findUserByUsername(username);
    if (!user?.passwordHash) {
      this.decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
      await verifyPassword(password, await this.decoyHash);
      this.refused(user ? 'no_password' : 'unknown_user', user?.id);
      throw badCredentials();
    }
    const now = this.clock.now();
    if (isLockedOut(user, now)) {
      this.refused('locked_out', user.id);
      throw this.lockedOutError(user, now);
    }
    if (!(await verifyPassword(password, user.passwordHash))) {
      const attempts = await this.recordFailure(user, now);
      this.refused('bad_password', user.id, { failedLogins: attempts.failedLogins });
      if (isLockedOut(attempts, now)) throw this.lockedOutError(attempts, now);
      throw badCredentials();
    }
    if (user.failedLogins !== 0 || user.lockedUntil !== null)
      await this.repo.resetLoginAttempts(user.id);
    return this.startSession(user, 'password');
  }

  async demoLogin(username: string): Promise<LoginResponse> {
    if (!this.config.demoLogin) throw demoLoginOff();
    const user = DEMO_ACCOUNTS.some((a) => a.username === username)
      ? await this.repo.findUserByUsername(username)
      : null;
    if (!user) throw notADemoAccount();
    return this.startSession(user, 'demo');
  }

  async wechatLogin(code: string): Promise<LoginResponse> {
    if (!this.wechat.configured) throw wechatNotConfigured();
    const answer = await this.wechat.codeToSession(code);
    if (!answer.ok) {
      this.logger.warn(
        { msg: 'wechat login refused', refusal: answer.refusal, errcode: answer.errcode },
        'Auth',
      );
      if (answer.refusal === 'bad_code') throw wechatBadCode();
      if (answer.refusal === 'forbidden') throw wechatForbidden();
      throw wechatUnavailable();
    }
    const user =
      (await this.repo.findUserByOpenid(answer.openid)) ??
      (await this.createWechatTenant(answer.openid));
    return this.startSession(user, 'wechat');
  }

  /** The principal a bearer token stands for; AUTH.UNAUTHENTICATED for anything else. */
  async authenticate(token: string | null): Promise<Principal> {
    if (!token || !looksLikeSessionToken(token)) throw unauthenticated();
    const session = await this.repo.findSession(hashSessionToken(token));
    if (!session) throw unauthenticated();
    const state = sessionState(session, this.clock.now());
    if (state === 'expired') throw sessionExpired();
    if (state === 'revoked') throw unauthenticated('已退出登录，请重新登录');
    const user = await this.repo.findUserById(session.userId);
    if (!user) throw unauthenticated();
    return this.principalOf(user);
  }

  /** Ends the session of the token, if it is one; saying so twice is not an error. */
  async logout(token: string | null): Promise<void> {
    if (!token || !looksLikeSessionToken(token)) return;
    const tokenHash = hashSessionToken(token);
    const session = await this.repo.findSession(tokenHash);
    if (!session || session.revokedAt) return;
    await this.repo.revokeSession(tokenHash, wholeSeconds(this.clock.now().getTime()));
    this.logger.log({ msg: 'signed out', userId: session.userId }, 'Auth');
  }

  private async startSession(user: AppUser, method: LoginMethod): Promise<LoginResponse> {
    const now = this.clock.now().getTime();
    const token = newSessionToken();
    const expiresAt = wholeSeconds(now + sessionLifetimeMs(user.role));
    await this.repo.insertSession({
      tokenHash: hashSessionToken(token),
      userId: user.id,
      createdAt: wholeSeconds(now),
      expiresAt,
    });
    this.logger.log({ msg: 'signed in', userId: user.id, role: user.role, method }, 'Auth');
    const principal = await this.principalOf(user);
    return { token, expiresAt: expiresAt.toISOString(), user: toMe(principal) };
  }

  private async principalOf(user: AppUser): Promise<Principal> {
    return toPrincipal(user, user.role === 'tenant' ? await this.repo.bindingsOf(user.id) : []);
  }

  /** Counts a wrong password; retried when a parallel attempt counted one in between. */
  private async recordFailure(user: AppUser, now: Date): Promise<LoginAttempts> {
    let seen: LoginAttempts = { failedLogins: user.failedLogins, lockedUntil: user.lockedUntil };
    for (let round = 0; round < 10; round++) {
      const next = afterFailedLogin(seen, now);
      const stored = {
        ...next,
        lockedUntil: next.lockedUntil && wholeSeconds(next.lockedUntil.getTime()),
      };
      if (await this.repo.updateLoginAttempts(user.id, seen, stored)) return stored;
      const fresh = await this.repo.findUserById(user.id);
      if (!fresh || isLockedOut(fresh, now)) return fresh ?? stored;
      seen = { failedLogins: fresh.failedLogins, lockedUntil: fresh.lockedUntil };
    }
    return seen;
  }

  private lockedOutError(attempts: LoginAttempts, now: Date) {
    const msLeft = (attempts.lockedUntil?.getTime() ?? now.getTime()) - now.getTime();
    return lockedOut(Math.max(1, Math.ceil(msLeft / 60_000)));
  }

  private async createWechatTenant(openid: string): Promise<AppUser> {
    try {
      const user = await this.repo.insertUser({
        username: `wx-${randomBytes(8).toString('hex')}`,
        displayName: '微信用户',
        passwordHash: null,
        role: 'tenant',
        districtCode: null,
        entityId: null,
        tenantId: null,
        wechatOpenid: openid,
        createdAt: wholeSeconds(this.clock.now().getTime()),
      });
      this.logger.log({ msg: 'tenant user created from wechat', userId: user.id }, 'Auth');
      return user;
    } catch (e) {
      // The same new user logging in twice at once: the other request created the row.
      const existing = await this.repo.findUserByOpenid(openid);
      if (existing) return existing;
      throw e;
    }
  }

  private refused(reason: string, userId?: number, extra: Record<string, unknown> = {}) {
    this.logger.warn({ msg: 'login refused', reason, userId, ...extra }, 'Auth');
  }
}
