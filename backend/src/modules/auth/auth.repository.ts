import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { AppSession } from './app-session.entity';
import { TenantBinding } from '../bindings/binding.entity';
import { AppUser } from './app-user.entity';
import type { LoginAttempts } from './domain/lockout';

export type NewUser = Omit<AppUser, 'id' | 'failedLogins' | 'lockedUntil'>;

/** A firm a tenant user bound to premises (the bindings module owns the table). */
export type BoundFirm = Pick<TenantBinding, 'tenantId' | 'accountNo'>;

/** Users and sessions: the only code that touches their tables. */
@Injectable()
export class AuthRepository {
  constructor(private readonly ds: DataSource) {}

  private get users() {
    return this.ds.getRepository(AppUser);
  }

  private get sessions() {
    return this.ds.getRepository(AppSession);
  }

  findUserById(id: number) {
    return this.users.findOneBy({ id });
  }

  findUserByUsername(username: string) {
    return this.users.findOneBy({ username });
  }

  findUserByOpenid(wechatOpenid: string) {
    return this.users.findOneBy({ wechatOpenid });
  }

  /** The user's bindings, oldest first: its data scope as a tenant. */
  bindingsOf(userId: number): Promise<BoundFirm[]> {
    return this.ds.getRepository(TenantBinding).find({
      where: { userId },
      select: { tenantId: true, accountNo: true },
      order: { id: 'ASC' },
    });
  }

  async insertUser(user: NewUser): Promise<AppUser> {
    const row = this.users.create({ ...user, failedLogins: 0, lockedUntil: null });
    return this.users.save(row);
  }

  /**
   * Stores the new failure count only if no concurrent attempt changed it since `seen` was
   * read, so parallel guesses cannot slip past the limit. False: re-read and decide again.
   */
  async updateLoginAttempts(
    userId: number,
    seen: LoginAttempts,
    next: LoginAttempts,
  ): Promise<boolean> {
    const result = await this.users.update(
      { id: userId, failedLogins: seen.failedLogins },
      { failedLogins: next.failedLogins, lockedUntil: next.lockedUntil },
    );
    return (result.affected ?? 0) > 0;
  }

  async resetLoginAttempts(userId: number): Promise<void> {
    await this.users.update({ id: userId }, { failedLogins: 0, lockedUntil: null });
  }

  async insertSession(session: Omit<AppSession, 'id' | 'revokedAt'>): Promise<void> {
    await this.sessions.insert({ ...session, revokedAt: null });
  }

  findSession(tokenHash: string) {
    return this.sessions.findOneBy({ tokenHash });
  }

  async revokeSession(tokenHash: string, now: Date): Promise<void> {
    await this.sessions.update({ tokenHash, revokedAt: IsNull() }, { revokedAt: now });
  }
}
