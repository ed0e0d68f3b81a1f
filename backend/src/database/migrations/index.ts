import { Initial1764460000000 } from './1764460000000-initial';

/** In order. A migration that ran is never edited: add a new one. */
export const MIGRATIONS = [Initial1764460000000];
