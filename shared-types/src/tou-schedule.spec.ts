import { describe, expect, it } from 'vitest';
import { touAt, touSchedule } from './tou-schedule';

describe('Shanghai time-of-use hours', () => {
  it.each([1, 2, 7, 9, 12])('two-part month %i covers every hour exactly once', (month) => {
    const counts = new Array(24).fill(0);
    for (const band of touSchedule('two_part', month)) {
      for (const [s, e] of band.hours) for (let h = s; h < e; h++) counts[h]++;
    }
    expect(counts).toEqual(new Array(24).fill(1));
  });

  it.each([
    [7, 13, 'sharp'],
    [8, 14, 'peak'],
    [9, 13, 'peak'],
    [9, 12, 'peak'],
    [12, 20, 'sharp'],
    [1, 10, 'peak'],
    [4, 12, 'flat'],
    [4, 23, 'valley'],
    [4, 3, 'valley'],
    [7, 21, 'flat'],
  ] as const)('two-part, month %i, hour %i is %s', (month, hour, tou) => {
    expect(touAt('two_part', month, hour)).toBe(tou);
  });

  it('single-part users have peak 6–22 and valley 22–6', () => {
    expect(touAt('single', 7, 6)).toBe('peak');
    expect(touAt('single', 7, 21)).toBe('peak');
    expect(touAt('single', 7, 22)).toBe('valley');
    expect(touAt('single', 7, 5)).toBe('valley');
  });

  it('refuses a month outside 1–12', () => {
    expect(() => touSchedule('two_part', 13)).toThrow(RangeError);
  });
});
