import { PiiCipher } from '../crypto/pii-cipher';

/** Keys whose values are personal data, whatever the nesting (case and `_`/`-` ignored). */
const PERSONAL_KEYS = new Set(
  [
    'name',
    'fullName',
    'realName',
    'reporterName',
    'contactName',
    'phone',
    'phoneNumber',
    'mobile',
    'tel',
    'telephone',
    'reporterPhone',
    'contactPhone',
    'idCard',
    'idNumber',
    'email',
    'address',
  ].map(normalize),
);

export const REDACTED = '[redacted]';
const MAX_DEPTH = 8;

function normalize(key: string): string {
  return key.replace(/[_-]/g, '').toLowerCase();
}

/**
 * A copy of a log record with personal data replaced: values under personal keys, anything
 * that looks like a PII-cipher envelope, and mainland mobile numbers inside strings. Callers
 * should log ids in the first place; this is the net under them.
 */
export function redactPersonalData(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactString(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (value instanceof Error)
    return redactPersonalData({ ...value, message: value.message }, depth);
  if (Array.isArray(value)) return value.map((v) => redactPersonalData(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] =
      PERSONAL_KEYS.has(normalize(k)) && v !== null && v !== undefined
        ? REDACTED
        : redactPersonalData(v, depth + 1);
  }
  return out;
}

/** 11-digit mainland mobile numbers not part of a longer number. */
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

function redactString(s: string): string {
  if (PiiCipher.looksEncrypted(s)) return REDACTED;
  return s.replace(MOBILE, REDACTED);
}
