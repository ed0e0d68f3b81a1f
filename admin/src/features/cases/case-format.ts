import type { DeadlineView } from '@zgd/shared-types';
import type { QueueFilters } from './cases-api';

/** The hex SHA-256 of some bytes, computed by the browser (Web Crypto). */
export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(bytes));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** 元 as the API sends them ("1234.5"), with thousands separators: ¥1,234.50. */
export function yuan(amount: string): string {
  const [int, frac = ''] = amount.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  return `${sign}¥${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${(frac + '00').slice(0, 2)}`;
}

/** An instant as a Shanghai date and time: 2026-06-01 10:00. */
export function shanghaiTime(iso: string): string {
  const t = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}

export const shanghaiDay = (iso: string) => shanghaiTime(iso).slice(0, 10);

/** "剩 3 天", "今日到期", "超期 2 天". */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft > 0) return `剩 ${daysLeft} 天`;
  if (daysLeft === 0) return '今日到期';
  return `超期 ${-daysLeft} 天`;
}

/** How much time a deadline has left, in working days where the calendar counts them. */
export function deadlineLeftText(d: DeadlineView): string {
  if (d.state === 'met')
    return d.late ? `已于 ${d.completedAt} 完成（逾期）` : `已于 ${d.completedAt} 完成`;
  const days = daysLeftText(d.daysLeft);
  if (d.workingDaysLeft === null) return days;
  return d.workingDaysLeft >= 0
    ? `${days}（${d.workingDaysLeft} 个工作日）`
    : `${days}（${-d.workingDaysLeft} 个工作日）`;
}

const DUE_VALUES = ['overdue', 'soon', 'all'] as const;

/** The queue's filters from the URL. */
export function filtersFrom(params: URLSearchParams): QueueFilters {
  const get = (key: string) => params.get(key) || undefined;
  const due = get('due');
  return {
    status: get('status'),
    due: DUE_VALUES.find((d) => d === due) ?? 'all',
    entityId: get('entityId'),
    amountMin: get('amountMin'),
    amountMax: get('amountMax'),
    district: get('district'),
  };
}

/** The URL's query for the filters, without empty ones. */
export function paramsFrom(filters: QueueFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters))
    if (value && !(key === 'due' && value === 'all')) params.set(key, value);
  return params;
}
