import { Initial1764460000000 } from './1764460000000-initial';
import { Jobs1764460100000 } from './1764460100000-jobs';
import { Auth1764460300000 } from './1764460300000-auth';

/** In order. A migration that ran is never edited: add a new one. */
export const MIGRATIONS = [Initial1764460000000, Jobs1764460100000, Auth1764460300000];
