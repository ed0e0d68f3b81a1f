/** The time of declarations, injected so tests can declare on a chosen day. */
export interface DeclarationsClock {
  now(): Date;
}

export const DECLARATIONS_CLOCK = Symbol('DECLARATIONS_CLOCK');

export const systemDeclarationsClock = (): DeclarationsClock => ({ now: () => new Date() });
