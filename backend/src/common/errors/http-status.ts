/**
 * The one place that turns error codes into HTTP statuses. A code is `AREA.REASON`; the
 * reason decides the status, so new areas need no new entries. First match wins, so the
 * specific reasons (BAD_SIGNATURE → 401) stand before the general ones (BAD_* → 400).
 */
const BY_REASON: Array<[RegExp, number]> = [
  [/(^|\.)(UNAUTHENTICATED|BAD_SIGNATURE|STALE_TIMESTAMP|BAD_CREDENTIALS|LOCKED_OUT)$/, 401],
  [/(^|\.)(FORBIDDEN|OUT_OF_SCOPE)$/, 403],
  [/(^|\.)NOT_FOUND$/, 404],
  [/(^|\.)(CONFLICT|ALREADY_[A-Z_]+|IDEMPOTENCY_KEY_REUSED|REPLAYED)$/, 409],
  [/(^|\.)TOO_LARGE$/, 413],
  [/(^|\.)UNSUPPORTED_[A-Z_]+$/, 415],
  [/(^|\.)(UNAVAILABLE|NOT_CONFIGURED)$/, 503],
  [/(^|\.)(VALIDATION_FAILED|INVALID(_[A-Z_]+)?|BAD_[A-Z_]+)$/, 400],
];

export function httpStatusOf(code: string): number {
  return BY_REASON.find(([pattern]) => pattern.test(code))?.[1] ?? 500;
}
