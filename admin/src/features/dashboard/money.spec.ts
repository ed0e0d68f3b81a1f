import { describe, expect, it } from 'vitest';
import { formatYuan, sumYuan } from './money';

describe('amounts of 元', () => {
  it('adds exactly where floats would not', () => {
    expect(sumYuan(['0.10', '0.20'])).toBe('0.30');
    expect(sumYuan(['90071992547409.91', '0.01'])).toBe('90071992547409.92');
    expect(sumYuan([])).toBe('0.00');
    expect(sumYuan(['-1.50', '1.00'])).toBe('-0.50');
  });

  it('groups thousands and keeps both decimals', () => {
    expect(formatYuan('15274.91')).toBe('15,274.91');
    expect(formatYuan('1234567.00')).toBe('1,234,567.00');
    expect(formatYuan('999.05')).toBe('999.05');
  });

  it('refuses what is not an amount of 元', () => {
    expect(() => sumYuan(['12.5'])).toThrow(RangeError);
  });
});
