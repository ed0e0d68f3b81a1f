import { describe, expect, it } from 'vitest';
import { mask, maskPhone } from './pii-mask';

describe('mask', () => {
  it.each([
    ['张', '*'],
    ['张三', '张*'],
    ['张小明', '张*明'],
    ['欧阳小明', '欧**明'],
    [' 李四 ', '李*'],
    ['', ''],
    ['𠮷野家', '𠮷*家'],
  ])('masks %j as %j', (name, masked) => {
    expect(mask(name)).toBe(masked);
  });
});

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['138 1234 5678', '138****5678'],
    ['021-62345678', '021****5678'],
    ['0512-62345678', '051*****5678'],
    ['12345', '*****'],
  ])('masks %j as %j', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});
