/**
 * Password guessing is slowed by locking an account after consecutive failures. A lock is not
 * extended by attempts made while it holds (so an attacker cannot keep a user out forever by
 * guessing on), and once it has passed the count starts again from zero.
 */
export interface LockoutPolicy {
  maxFailures: number;
  lockMs: number;
}

/**
 * 5 wrong passwords in a row lock the account for 15 minutes. Our choice: 等保 2.0
 * (GB/T 22239-2019) requires login-failure handling but names no numbers.
 */
export const LOCKOUT_POLICY: LockoutPolicy = { maxFailures: 5, lockMs: 15 * 60_000 };

export interface LoginAttempts {
  failedLogins: number;
  lockedUntil: Date | null;
}

export function isLockedOut(a: LoginAttempts, now: Date): boolean {
  return a.lockedUntil !== null && a.lockedUntil.getTime() > now.getTime();
}

/** The state after one more wrong password (not called while the account is locked). */
export function afterFailedLogin(
  a: LoginAttempts,
  now: Date,
  policy = LOCKOUT_POLICY,
): LoginAttempts {
  const lockPassed = a.lockedUntil !== null && a.lockedUntil.getTime() <= now.getTime();
  const failedLogins = (lockPassed ? 0 : a.failedLogins) + 1;
  const lockedUntil =
    failedLogins >= policy.maxFailures
      ? new Date(now.getTime() + policy.lockMs)
      : lockPassed
        ? null
        : a.lockedUntil;
  return { failedLogins, lockedUntil };
}

export const AFTER_SUCCESSFUL_LOGIN: Readonly<LoginAttempts> = {
  failedLogins: 0,
  lockedUntil: null,
};
