/** The time of case work, injected so tests can receive a report on a chosen day. */
export interface CaseClock {
  now(): Date;
}

export const CASES_CLOCK = Symbol('CASES_CLOCK');

export const systemCaseClock = (): CaseClock => ({ now: () => new Date() });
