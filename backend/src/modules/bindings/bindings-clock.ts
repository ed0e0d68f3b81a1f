/** The time, injected so tests can move to another day (the daily limit of failed proofs). */
export interface BindingsClock {
  now(): Date;
}

export const BINDINGS_CLOCK = Symbol('BINDINGS_CLOCK');

export const systemBindingsClock = (): BindingsClock => ({ now: () => new Date() });
