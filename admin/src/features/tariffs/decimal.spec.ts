import { describe, expect, it } from 'vitest';
import { compareDecimal, percentChange, signed, subtractDecimal } from './decimal';

describe('subtractDecimal', () => {
  it.each([
    ['1.20778', '1.16370', '0.04408'],
    ['1.16370', '1.20778', '-0.04408'],
    ['0.30000', '0.10000', '0.20000'],
    ['0.3', '0.1', '0.2'],
    ['1.1', '0.00001', '1.09999'],
    ['0.68110', '0.68110', '0.00000'],
    ['0.00001', '0.00002', '-0.00001'],
    ['12', '0.5', '11.5'],
    ['-0.5', '-0.25', '-0.25'],
    ['9007199254740993.00001', '0.00001', '9007199254740993.00000'],
  ])('%s − %s = %s exactly', (a, b, expected) => {
    expect(subtractDecimal(a, b)).toBe(expected);
  });

  it('refuses text that is not a decimal number', () => {
    expect(() => subtractDecimal('1,2', '1')).toThrow(RangeError);
    expect(() => subtractDecimal('1e3', '1')).toThrow(RangeError);
  });
});

describe('compareDecimal', () => {
  it('orders by value, not by text', () => {
    expect(compareDecimal('1.2', '1.16370')).toBe(1);
    expect(compareDecimal('0.50', '0.5')).toBe(0);
    expect(compareDecimal('-0.1', '0')).toBe(-1);
  });
});

describe('percentChange', () => {
  it('rounds half away from zero to two decimals', () => {
    // 0.04408 / 1.16370 = 3.78791...%
    expect(percentChange('1.16370', '1.20778')).toBe('3.79');
    expect(percentChange('1.20778', '1.16370')).toBe('-3.65');
    expect(percentChange('0.8', '0.81')).toBe('1.25');
    expect(percentChange('2', '2.0001', 3)).toBe('0.005');
    expect(percentChange('2', '1.9999', 3)).toBe('-0.005');
  });

  it('has no percentage from zero', () => {
    expect(percentChange('0.00000', '1.00000')).toBeNull();
  });
});

describe('signed', () => {
  it('marks rises with a plus and leaves falls and zero alone', () => {
    expect(signed('0.04408')).toBe('+0.04408');
    expect(signed('-0.04408')).toBe('-0.04408');
    expect(signed('0.00000')).toBe('0.00000');
  });
});
