import { describe, expect, it } from 'vitest';
import { bernoulliBp, mulberry32, uniformBelow } from './prng';

describe('mulberry32', () => {
  it('gives the same numbers for the same seed, forever (draws are replayed from their seed)', () => {
    const a = mulberry32(20260601);
    const b = mulberry32(20260601);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    // Pinned: a change to the generator would silently change every published draw.
    expect(Array.from({ length: 3 }, mulberry32(1))).toEqual(PINNED_SEED_1);
  });

  it('gives other numbers for another seed, all uint32', () => {
    const xs = Array.from({ length: 1000 }, mulberry32(7));
    const ys = Array.from({ length: 1000 }, mulberry32(8));
    expect(xs).not.toEqual(ys);
    expect(xs.every((x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32)).toBe(true);
  });
});

describe('uniformBelow', () => {
  it('stays in range and reaches every value', () => {
    const next = mulberry32(3);
    const seen = new Set(Array.from({ length: 2000 }, () => uniformBelow(next, 7)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('rejects the values that would bias the modulo', () => {
    const values = [0xffff_ffff, 5];
    const next = () => values.shift()!;
    // 2^32 mod 3 = 1, so 0xffffffff is above the last whole multiple of 3 and is drawn again.
    expect(uniformBelow(next, 3)).toBe(2);
  });

  it.each([0, -1, 1.5])('refuses the bound %s', (n) => {
    expect(() => uniformBelow(mulberry32(1), n)).toThrow(RangeError);
  });
});

describe('bernoulliBp', () => {
  it.each([
    [0, 0, false],
    [10_000, 0xffff_ffff, true],
    [9_999, 0xffff_ffff, false],
    // 5 % of 2^32 is 214 748 364.8: draws below 214 748 364 are in.
    [500, 214_748_363, true],
    [500, 214_748_364, false],
  ])('ratio %i bp with draw %i → %s', (bp, x, expected) => {
    expect(bernoulliBp(() => x, bp)).toBe(expected);
  });

  it.each([-1, 10_001, 0.5])('refuses the ratio %s', (bp) => {
    expect(() => bernoulliBp(mulberry32(1), bp)).toThrow(RangeError);
  });
});

// The reference implementation's first output for seed 1 is 0.6270739405881613 × 2^32.
const PINNED_SEED_1 = [2693262067, 11749833, 2265367787];
