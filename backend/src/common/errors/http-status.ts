/**
 * The one place that turns error codes into HTTP statuses. A code is `AREA.REASON`; the
 * reason decides the status, so new areas need no new entries. First match wins, so the
 * specific reasons (BAD_SIGNATURE → 401) stand before the general ones (BAD_* → 400).
 */
const BY_REASON: Array<[RegExp, number]> = [
  [/(^|\.)(UNAUTHENTICATED|BAD_SIGNATURE|STALE_TIMESTAMP|BAD_CREDENTIALS|LOCKED_OUT)$/, 401],
  [/(^|\.)(FORBIDDEN(_[A-Z_]+)?|OUT_OF_(SCOPE|DISTRICT)|NOT_OWN_[A-Z_]+)$/, 403],
  [/(^|\.)NOT_FOUND$/, 404],
  [/(^|\.)(CONFLICT|([A-Z_]+_)?ALREADY_[A-Z_]+|IDEMPOTENCY_KEY_REUSED|REPLAYED)$/, 409],
  // A step the case's state does not allow yet, or any more.
  [
    /(^|\.)(ACTION_NOT_ALLOWED|[A-Z_]+_CLOSED|[A-Z_]+_REQUIRED|USE_[A-Z_]+|NO_[A-Z_]+_ORDERED|[A-Z_]+_NOT_(ORDERED|RECORDED)|[A-Z_]+_OUTSTANDING|MERGE_MISMATCH)$/,
    409,
  ],
  // An order to refund ended that is not running (cases).
  [/(^|\.)[A-Z_]+_NOT_RUNNING$/, 409],
  [/(^|\.)TOO_LARGE$/, 413],
  [/(^|\.)TOO_MANY_[A-Z_]+$/, 429],
  [/(^|\.)UNSUPPORTED_[A-Z_]+$/, 415],
  [/(^|\.)(UNAVAILABLE|NOT_CONFIGURED)$/, 503],
  [
    /(^|\.)(VALIDATION_FAILED|INVALID(_[A-Z_]+)?|BAD_[A-Z_]+|[A-Z_]+_OUT_OF_BOUNDS|[A-Z_]+_EXCEEDS?_[A-Z_]+|EMPTY_[A-Z_]+)$/,
    400,
  ],
];

export function httpStatusOf(code: string): number {
  return BY_REASON.find(([pattern]) => pattern.test(code))?.[1] ?? 500;
}
