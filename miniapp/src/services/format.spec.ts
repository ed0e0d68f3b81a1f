import { describe, expect, it } from 'vitest';
import { isNegative, isPositive, monthLabel, periodLabel, trimZeros, yuan } from './format';

describe('format', () => {
  it('writes yuan with the sign in front of ¥', () => {
    expect(yuan('2012.58')).toBe('¥2012.58');
    expect(yuan('-3.00')).toBe('-¥3.00');
  });

  it.each([
    ['0.01', true, false],
    ['1532.58', true, false],
    ['0.00', false, false],
    ['-0.00', false, false],
    ['-3.10', false, true],
  ])('%s is positive %s and negative %s', (value, positive, negative) => {
    expect(isPositive(value)).toBe(positive);
    expect(isNegative(value)).toBe(negative);
  });

  it('trims trailing zeros of kWh without rounding', () => {
    expect(trimZeros('9400.000')).toBe('9400');
    expect(trimZeros('3761.500')).toBe('3761.5');
    expect(trimZeros('0.001')).toBe('0.001');
    expect(trimZeros('120')).toBe('120');
  });

  it('names periods in Chinese', () => {
    expect(periodLabel('2025-03')).toBe('2025年3月');
    expect(monthLabel('2025-11')).toBe('11月');
  });
});
