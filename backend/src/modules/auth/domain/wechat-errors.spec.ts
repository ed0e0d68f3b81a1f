import { describe, expect, it } from 'vitest';
import { classifyWechatError } from './wechat-errors';

describe('classifyWechatError', () => {
  it.each([
    [40029, 'bad_code'],
    [40163, 'bad_code'],
    [40226, 'forbidden'],
    [45011, 'unavailable'],
    [-1, 'unavailable'],
    [40125, 'unavailable'], // invalid appsecret: our configuration, not the user's code
    [99999, 'unavailable'],
  ])('errcode %i → %s', (errcode, refusal) => {
    expect(classifyWechatError(errcode)).toBe(refusal);
  });
});
