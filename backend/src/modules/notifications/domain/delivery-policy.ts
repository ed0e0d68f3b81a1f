/** Pure rules of delivery: what a send's outcome does to a row. No I/O, no clock. */

export type NotificationStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';
export const NOTIFICATION_TEMPLATES = ['case_status'] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];

/** What a case-status message shows. Only these: no names, no phone numbers, no amounts. */
export interface CaseStatusData {
  caseNumber: string;
  /** The new state in Chinese, as the reporter reads it (WeChat `phrase`: at most 5 characters). */
  stateLabel: string;
  /** YYYY-MM-DD, Shanghai date of the change. */
  date: string;
}

/** What one send attempt came to, as the WeChat client reports it. */
export type SendOutcome =
  | { kind: 'sent' }
  /** The user refused or used up their subscription (43101): never retried. */
  | { kind: 'refused'; errcode: number }
  /** A request WeChat will never accept (bad template, page or data): failed at once. */
  | { kind: 'rejected'; errcode: number; message: string }
  /** Network failures, timeouts, 5xx, busy and unknown errors: tried again later. */
  | { kind: 'transient'; message: string };

/** A send, or why none was made (no openid, WeChat not configured). */
export type DeliveryOutcome = SendOutcome | { kind: 'skipped'; reason: string };

export const DELIVERY_DEFAULTS = {
  baseDelayMs: 60_000,
  maxDelayMs: 3_600_000,
  maxAttempts: 8,
};

export type DeliveryPolicy = typeof DELIVERY_DEFAULTS;

export type NextStep =
  | { status: 'sent' }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; reason: string }
  | { status: 'pending'; reason: string; delayMs: number };

/**
 * `attempts` counts this one. Delays double from the base (1, 2, 4 … minutes) up to the cap;
 * after `maxAttempts` the row is failed and stays for an officer to see.
 */
export function nextStep(
  outcome: DeliveryOutcome,
  attempts: number,
  policy: DeliveryPolicy = DELIVERY_DEFAULTS,
): NextStep {
  switch (outcome.kind) {
    case 'sent':
      return { status: 'sent' };
    case 'skipped':
      return { status: 'skipped', reason: outcome.reason };
    case 'refused':
      return { status: 'skipped', reason: `user_refused (errcode ${outcome.errcode})` };
    case 'rejected':
      return { status: 'failed', reason: `rejected: ${outcome.message}` };
    case 'transient':
      if (attempts >= policy.maxAttempts)
        return {
          status: 'failed',
          reason: `gave up after ${attempts} attempts: ${outcome.message}`,
        };
      return { status: 'pending', reason: outcome.message, delayMs: backoffMs(attempts, policy) };
  }
}

export function backoffMs(attempts: number, policy: DeliveryPolicy = DELIVERY_DEFAULTS): number {
  const exp = Math.max(0, attempts - 1);
  return Math.min(policy.baseDelayMs * 2 ** Math.min(exp, 30), policy.maxDelayMs);
}

/** WeChat subscribe-message fields of each template, as chosen in the WeChat console. */
export const CASE_STATUS_FIELDS = {
  caseNumber: 'character_string1',
  stateLabel: 'phrase2',
  date: 'date3',
} as const satisfies Record<keyof CaseStatusData, string>;

/** The `data` object WeChat expects: `{ key: { value } }`, WeChat's length limits applied. */
export function caseStatusMessageData(d: CaseStatusData): Record<string, { value: string }> {
  return {
    [CASE_STATUS_FIELDS.caseNumber]: { value: [...d.caseNumber].slice(0, 32).join('') },
    [CASE_STATUS_FIELDS.stateLabel]: { value: [...d.stateLabel].slice(0, 5).join('') },
    [CASE_STATUS_FIELDS.date]: { value: d.date },
  };
}
