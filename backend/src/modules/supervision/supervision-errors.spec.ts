import { SupervisionErrorCode } from '@zgd/shared-types';
import { describe, expect, it } from 'vitest';
import { httpStatusOf } from '../../common/errors/http-status';

/** Every expected failure of supervision answers with the status its meaning calls for. */
const EXPECTED: Record<keyof typeof SupervisionErrorCode, number> = {
  ENTITY_NOT_FOUND: 404,
  OUT_OF_SCOPE: 403,
  INVALID_DISTRICT: 400,
  NO_POPULATION: 400,
  ROSTER_TOO_SMALL: 400,
  INVALID_RATIO: 503,
  DRAW_NOT_FOUND: 404,
  RESULT_ALREADY_RECORDED: 409,
  NOT_AN_INSPECTOR: 403,
  CASE_NOT_FOUND: 404,
  NOT_HEAVY_PENALTY: 400,
  ALREADY_LISTED: 409,
  ENTRY_NOT_FOUND: 404,
  WRONG_STATE: 409,
  SELF_APPROVAL: 403,
  TOO_EARLY: 400,
};

describe('supervision error codes', () => {
  it.each(Object.entries(SupervisionErrorCode))('%s (%s) has its HTTP status', (name, code) => {
    expect(httpStatusOf(code)).toBe(EXPECTED[name as keyof typeof SupervisionErrorCode]);
  });

  it.each([
    ['BLACKLIST.FORBIDDEN_ROLE', 403],
    ['BLACKLIST.CONFLICT', 409],
  ])('the list service own code %s is %i', (code, status) => {
    expect(httpStatusOf(code)).toBe(status);
  });
});
