import type { Role } from './principal';

const HOUR_MS = 3_600_000;

/**
 * How long a session lasts from login, whatever happens in between. Staff sign in on a desk
 * every working day, so a session ends with it; tenants use the mini-program now and then,
 * and a month spares them logging in again for each bill.
 */
export function sessionLifetimeMs(role: Role): number {
  return role === 'tenant' ? 30 * 24 * HOUR_MS : 12 * HOUR_MS;
}

export interface SessionTimes {
  expiresAt: Date;
  revokedAt: Date | null;
}

export type SessionState = 'active' | 'expired' | 'revoked';

export function sessionState(s: SessionTimes, now: Date): SessionState {
  if (s.revokedAt !== null) return 'revoked';
  return s.expiresAt.getTime() > now.getTime() ? 'active' : 'expired';
}
