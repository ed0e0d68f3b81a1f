/** The time, injected so tests can move it (session expiry, lockouts) instead of waiting. */
export interface Clock {
  now(): Date;
}

export const AUTH_CLOCK = Symbol('AUTH_CLOCK');

export const systemClock = (): Clock => ({ now: () => new Date() });
