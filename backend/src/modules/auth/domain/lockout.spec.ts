import { describe, expect, it } from 'vitest';
import { afterFailedLogin, isLockedOut, LOCKOUT_POLICY, type LoginAttempts } from './lockout';

const t0 = new Date('2025-07-01T02:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const fresh: LoginAttempts = { failedLogins: 0, lockedUntil: null };

/** Wrong passwords at the given minutes after t0, skipping those made while locked, as the service does. */
function failAt(minutes: number[], start = fresh): LoginAttempts {
  return minutes.reduce((s, m) => (isLockedOut(s, at(m)) ? s : afterFailedLogin(s, at(m))), start);
}

describe('lockout after consecutive wrong passwords', () => {
  it('locks for 15 minutes after 5 failures', () => {
    expect(LOCKOUT_POLICY).toEqual({ maxFailures: 5, lockMs: 15 * 60_000 });
  });

  it.each([
    { case: 'no failures', failures: [], askAt: 0, locked: false },
    { case: 'four failures', failures: [0, 1, 2, 3], askAt: 4, locked: false },
    {
      case: 'five failures, just after the fifth',
      failures: [0, 1, 2, 3, 4],
      askAt: 4,
      locked: true,
    },
    {
      case: 'five failures, 14:59 later',
      failures: [0, 1, 2, 3, 4],
      askAt: 4 + 14.99,
      locked: true,
    },
    {
      case: 'five failures, exactly 15 minutes later',
      failures: [0, 1, 2, 3, 4],
      askAt: 19,
      locked: false,
    },
    { case: 'five failures, an hour later', failures: [0, 1, 2, 3, 4], askAt: 64, locked: false },
  ])('$case → locked: $locked', ({ failures, askAt, locked }) => {
    expect(isLockedOut(failAt(failures), at(askAt))).toBe(locked);
  });

  it('counts failures spread over time as consecutive until a success resets them', () => {
    expect(failAt([0, 60, 120, 180]).failedLogins).toBe(4);
    expect(isLockedOut(failAt([0, 60, 120, 180, 240]), at(241))).toBe(true);
  });

  it('does not extend a lock by attempts made while it holds', () => {
    const locked = failAt([0, 1, 2, 3, 4, 5, 10, 18]);
    expect(locked.lockedUntil).toEqual(at(19));
  });

  it('gives a fresh count of five once a lock has passed', () => {
    const afterLock = failAt([0, 1, 2, 3, 4, 20]);
    expect(afterLock).toEqual({ failedLogins: 1, lockedUntil: null });
    expect(isLockedOut(failAt([21, 22, 23], afterLock), at(23))).toBe(false);
    expect(isLockedOut(failAt([21, 22, 23, 24], afterLock), at(24))).toBe(true);
  });

  it('follows another policy when given one', () => {
    const s = afterFailedLogin({ failedLogins: 2, lockedUntil: null }, t0, {
      maxFailures: 3,
      lockMs: 1000,
    });
    expect(s).toEqual({ failedLogins: 3, lockedUntil: new Date(t0.getTime() + 1000) });
  });
});
