import Taro from '@tarojs/taro';
import type { ReportAnswer } from '@zgd/shared-types';

/**
 * A report being written, kept in Taro storage after every change so that it survives the
 * app being closed: the text, the choices, the chosen photos and the idempotency key. Once
 * a submit was attempted the content is `sent` and no longer edited, so a retry (even after a
 * restart) sends exactly what the server may already have taken, under the same key.
 */
export interface ReportDraft {
  accountNo: string;
  periods: string[];
  description: string;
  realName: boolean;
  reporterName: string;
  reporterPhone: string;
  /** Local paths of the chosen photos (temp files in WeChat, blob URLs on H5). */
  photos: string[];
  idempotencyKey: string;
  /** A submit was attempted with this content. */
  sent: boolean;
  /** The server's answer, once it took the report. */
  answer: ReportAnswer | null;
  /** Photos already uploaded to the report. */
  uploaded: string[];
}

const PREFIX = 'zgd.report-draft.';
const keyOf = (accountNo: string, period: string) => `${PREFIX}${accountNo}.${period}`;

/** 8–64 characters of [A-Za-z0-9_-], as the server asks; unique enough per user. */
export function newIdempotencyKey(now = Date.now(), random = Math.random): string {
  let tail = '';
  while (tail.length < 20)
    tail += Math.floor(random() * 36 ** 5)
      .toString(36)
      .padStart(5, '0');
  return `r-${now.toString(36)}-${tail.slice(0, 20)}`;
}

export function newDraft(accountNo: string, period: string): ReportDraft {
  return {
    accountNo,
    periods: [period],
    description: '',
    realName: true,
    reporterName: '',
    reporterPhone: '',
    photos: [],
    idempotencyKey: newIdempotencyKey(),
    sent: false,
    answer: null,
    uploaded: [],
  };
}

/** The stored draft of a report started from this month, or null. */
export function loadDraft(accountNo: string, period: string): ReportDraft | null {
  let value: unknown;
  try {
    value = Taro.getStorageSync(keyOf(accountNo, period));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const d = value as Partial<ReportDraft>;
  if (typeof d.idempotencyKey !== 'string' || !Array.isArray(d.periods)) return null;
  return { ...newDraft(accountNo, period), ...d } as ReportDraft;
}

export function saveDraft(period: string, draft: ReportDraft): void {
  Taro.setStorageSync(keyOf(draft.accountNo, period), draft);
}

export function clearDraft(accountNo: string, period: string): void {
  Taro.removeStorageSync(keyOf(accountNo, period));
}
