import { describe, expect, it } from 'vitest';
import {
  averageRoundedTo4,
  formatFen,
  formatFraction,
  formatTrimmed,
  fractionOf,
  kwhTimesAverage,
  kwhTimesPrice,
  parseFraction,
  parseScaled,
  priceAboveAverage,
  reduceFraction,
  round2,
  roundHalfAwayFromZero,
} from './exact';

describe('parseScaled', () => {
  it.each([
    ['3761', 3, 3_761_000n],
    ['1.2', 5, 120_000n],
    ['0.60000', 5, 60_000n],
    ['-12.34', 2, -1234n],
    ['007.5', 2, 750n],
    ['0', 2, 0n],
    // 20 digits: beyond what a double holds exactly.
    ['12345678901234567.89', 2, 1_234_567_890_123_456_789n],
  ])('reads %j at scale %i as %s', (text, scale, expected) => {
    expect(parseScaled(text, scale)).toBe(expected);
  });

  it.each(['', '-', '.5', '5.', '1,000', '1e3', ' 1', '+1', '1.2.3', '０'])(
    'rejects %j as not a decimal',
    (text) => {
      expect(parseScaled(text, 3)).toBe('syntax');
    },
  );

  it('refuses more places than the scale allows', () => {
    expect(parseScaled('1.2345', 3)).toBe('places');
    expect(parseScaled('0.123456', 5)).toBe('places');
  });
});

describe('round2 (half away from zero, one rule for every rounding)', () => {
  it.each([
    [5n, 10n, 1n], // 0.5 fen → 1 fen
    [-5n, 10n, -1n], // −0.005 元 → −0.01 元
    [4n, 10n, 0n],
    [-4n, 10n, 0n],
    [15n, 10n, 2n],
    [-15n, 10n, -2n],
    [1n, 3n, 0n],
    [2n, 3n, 1n],
  ])('round(%s / %s) = %s', (numerator, denominator, expected) => {
    expect(roundHalfAwayFromZero(numerator, denominator)).toBe(expected);
    expect(round2(numerator, denominator)).toBe(expected);
  });

  it('rounds −0.005 元 to −0.01 and prints it that way', () => {
    // −0.005 元 = −1/2 fen.
    expect(formatFen(round2(-1n, 2n))).toBe('-0.01');
  });

  it('refuses a non-positive denominator', () => {
    expect(() => roundHalfAwayFromZero(1n, 0n)).toThrow(RangeError);
  });
});

describe('products and comparisons with avg = G / K', () => {
  it('lands exactly on a half fen where a 20-digit decimal rounds down', () => {
    // G = 23456.77 元, K = 30000 kWh: avg = 0.781892333… (repeating 3).
    // 15000 kWh × avg = 11728.385 exactly → 11728.39. With avg cut to 20 significant digits
    // (0.78189233333333333333) the product is 11728.38499999999999995 → 11728.38.
    expect(kwhTimesAverage(15_000_000n, 2_345_677n, 30_000_000n)).toBe(1_172_839n);
  });

  it('multiplies kWh by a price and rounds once', () => {
    // 400 kWh × 0.32914 = 131.656 → 131.66 (fixture 03).
    expect(kwhTimesPrice(400_000n, 32_914n)).toBe(13_166n);
    // 0.001 kWh × 0.00001 = 0.00000001 → 0.00.
    expect(kwhTimesPrice(1n, 1n)).toBe(0n);
  });

  it('compares unit_price with avg as unit_price × K > G', () => {
    // avg = 25937.49 / 26400 = 0.98248068… (fixture 01).
    expect(priceAboveAverage(98_248n, 2_593_749n, 26_400_000n)).toBe(false);
    expect(priceAboveAverage(98_249n, 2_593_749n, 26_400_000n)).toBe(true);
    // Equal is not above: G = 1.00 元, K = 1 kWh, price 1.00000.
    expect(priceAboveAverage(100_000n, 100n, 1_000n)).toBe(false);
  });

  it('rounds the average to 4 places half away from zero', () => {
    // 0.98245 exactly (G = 9.8245 元 is not whole fen, so use G = 982.45 元, K = 1000 kWh).
    expect(averageRoundedTo4(98_245n, 1_000_000n)).toBe(9_825n);
    // 7449.57 / 9400 = 0.7925074… → 0.7925 (fixture 02, March).
    expect(averageRoundedTo4(744_957n, 9_400_000n)).toBe(7_925n);
  });

  it('takes an exact fraction of an amount', () => {
    const cap = parseFraction('0.10')!;
    // 10 % of 18832.34 = 1883.234 → 1883.23 (fixture 03).
    expect(fractionOf(cap, 1_883_234n)).toBe(188_323n);
    expect(parseFraction('-0.1')).toBeNull();
    expect(parseFraction('ten')).toBeNull();
  });
});

describe('formatting', () => {
  it.each([
    [0n, '0.00'],
    [-1n, '-0.01'],
    [1n, '0.01'],
    [123_783n, '1237.83'],
    [-100n, '-1.00'],
    [123_456_789_012_345_678_901n, '1234567890123456789.01'],
    [-123_456_789_012_345_678_901n, '-1234567890123456789.01'],
  ])('formats %s fen as %j, never -0.00', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('trims trailing zeros for display of quantities', () => {
    expect(formatTrimmed(5_000_000n, 3)).toBe('5000');
    expect(formatTrimmed(12_500n, 3)).toBe('12.5');
    expect(formatTrimmed(0n, 3)).toBe('0');
  });

  it('reduces and shows a fraction', () => {
    // avg of fixture 03: 10 × 1883234 / 20000000 = 0.941617.
    expect(reduceFraction(18_832_340n, 20_000_000n)).toEqual([941_617n, 1_000_000n]);
    expect(reduceFraction(0n, 7n)).toEqual([0n, 1n]);
    expect(formatFraction(1n, 3n, 6)).toBe('0.333333');
    expect(formatFraction(2n, 3n, 6)).toBe('0.666667');
  });
});
