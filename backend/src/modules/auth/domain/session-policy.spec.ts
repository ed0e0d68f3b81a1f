import { describe, expect, it } from 'vitest';
import { sessionLifetimeMs, sessionState } from './session-policy';

const H = 3_600_000;
const now = new Date('2025-07-01T02:00:00Z');
const plus = (ms: number) => new Date(now.getTime() + ms);

describe('session policy', () => {
  it.each([
    ['city_admin', 12 * H],
    ['district_officer', 12 * H],
    ['district_lead', 12 * H],
    ['entity_user', 12 * H],
    ['tenant', 30 * 24 * H],
  ] as const)('a %s session lasts %i ms', (role, ms) => {
    expect(sessionLifetimeMs(role)).toBe(ms);
  });

  it.each([
    ['active until its end', { expiresAt: plus(1), revokedAt: null }, 'active'],
    ['expired at its end', { expiresAt: plus(0), revokedAt: null }, 'expired'],
    ['expired after it', { expiresAt: plus(-H), revokedAt: null }, 'expired'],
    ['revoked before its end', { expiresAt: plus(H), revokedAt: plus(-1) }, 'revoked'],
  ])('%s', (_, times, state) => {
    expect(sessionState(times, now)).toBe(state);
  });
});
