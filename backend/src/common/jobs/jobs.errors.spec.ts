import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { toJobError } from './jobs.errors';

describe('toJobError', () => {
  it('keeps the code and message of an AppError', () => {
    expect(toJobError(new AppError('IMPORT.INVALID_USCC', '统一社会信用代码校验位错误'))).toEqual({
      code: 'IMPORT.INVALID_USCC',
      message: '统一社会信用代码校验位错误',
    });
  });

  it.each([
    new TypeError("Cannot read properties of undefined (reading 'x')"),
    'a string',
    undefined,
  ])('turns %s into INTERNAL without leaking its text', (thrown) => {
    const error = toJobError(thrown);
    expect(error.code).toBe('INTERNAL');
    expect(error.message).not.toContain('undefined');
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
