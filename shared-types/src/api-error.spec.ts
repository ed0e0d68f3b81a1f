import { describe, expect, it } from 'vitest';
import { ApiError, ClientErrorCode, apiErrorFrom, isErrorBody, networkError } from './api-error';

describe('apiErrorFrom', () => {
  it.each([
    [
      'the server error body',
      409,
      { code: 'CASE.ALREADY_CLOSED', message: '案件已办结', details: [{ path: 'id' }] },
      {
        code: 'CASE.ALREADY_CLOSED',
        message: '案件已办结',
        status: 409,
        details: [{ path: 'id' }],
      },
    ],
    [
      'an HTML page',
      502,
      '<html>Bad gateway</html>',
      { code: ClientErrorCode.UNEXPECTED_RESPONSE, status: 502, details: undefined },
    ],
    [
      'a body whose code is not a string',
      500,
      { code: 5, message: 'x' },
      { code: ClientErrorCode.UNEXPECTED_RESPONSE, status: 500, details: undefined },
    ],
    [
      'no body',
      500,
      undefined,
      { code: ClientErrorCode.UNEXPECTED_RESPONSE, status: 500, details: undefined },
    ],
  ])('reads %s', (_what, status, body, expected) => {
    const error = apiErrorFrom(status, body);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject(expected);
    if (expected.code === ClientErrorCode.UNEXPECTED_RESPONSE)
      expect(error.message).toContain(`HTTP ${status}`);
  });

  it('tells a network failure apart with status 0', () => {
    expect(networkError()).toMatchObject({ code: ClientErrorCode.NETWORK, status: 0 });
  });

  it.each([
    [{ code: 'A', message: 'b' }, true],
    [{ code: 'A' }, false],
    [null, false],
    ['A', false],
  ])('isErrorBody(%j) is %s', (value, expected) => {
    expect(isErrorBody(value)).toBe(expected);
  });
});
