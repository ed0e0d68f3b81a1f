/*
 * The draw's random numbers: mulberry32 (Tommy Ettinger, public domain), a 32-bit generator of
 * four lines whose whole state is the seed. It is not for secrets; it is for a draw anyone can
 * repeat from the published seed with this file alone. Its output passes the usual statistical
 * batteries (gjrand, PractRand to 2^32 outputs) well enough for a sample of a few thousand.
 * Integers only: no float ever decides who is drawn.
 */

export const PRNG_NAME = 'mulberry32';

/** A generator of uint32 values from a uint32 seed. */
export type Uint32Source = () => number;

export function mulberry32(seed: number): Uint32Source {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

const TWO_32 = 0x1_0000_0000;

/** A uniform integer in [0, n), by rejection: no modulo bias. */
export function uniformBelow(next: Uint32Source, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > TWO_32) throw new RangeError(`bad bound ${n}`);
  const limit = TWO_32 - (TWO_32 % n);
  for (;;) {
    const x = next();
    if (x < limit) return x % n;
  }
}

/** True with probability bp / 10 000 (basis points), exactly up to 2^-32. */
export function bernoulliBp(next: Uint32Source, bp: number): boolean {
  if (!Number.isInteger(bp) || bp < 0 || bp > 10_000) throw new RangeError(`bad ratio ${bp}`);
  return next() < Math.floor((bp * TWO_32) / 10_000);
}
