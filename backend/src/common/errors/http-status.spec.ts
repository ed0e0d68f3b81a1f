import { describe, expect, it } from 'vitest';
import { httpStatusOf } from './http-status';

describe('httpStatusOf', () => {
  it.each([
    ['VALIDATION_FAILED', 400],
    ['IMPORT.VALIDATION_FAILED', 400],
    ['CSV.INVALID_USCC', 400],
    ['UNAUTHENTICATED', 401],
    ['PROVIDER.BAD_SIGNATURE', 401],
    ['PROVIDER.STALE_TIMESTAMP', 401],
    ['FORBIDDEN', 403],
    ['CASE.OUT_OF_SCOPE', 403],
    ['NOT_FOUND', 404],
    ['TENANT.NOT_FOUND', 404],
    ['CASE.ALREADY_CLOSED', 409],
    ['REPORT.IDEMPOTENCY_KEY_REUSED', 409],
    ['UPLOAD.TOO_LARGE', 413],
    ['UPLOAD.UNSUPPORTED_TYPE', 415],
    ['WECHAT.UNAVAILABLE', 503],
    ['WECHAT.NOT_CONFIGURED', 503],
    ['PROVIDER.REPLAYED', 409],
    ['INTERNAL', 500],
    ['SOMETHING.UNHEARD_OF', 500],
  ])('%s → %i', (code, status) => {
    expect(httpStatusOf(code)).toBe(status);
  });
});
