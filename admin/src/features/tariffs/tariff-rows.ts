import type { TariffView, TouPeriod } from '@zgd/shared-types';
import { percentChange, subtractDecimal } from './decimal';

/** Display order of the periods: dearest first. */
const TOU_ORDER: readonly string[] = ['sharp', 'peak', 'flat', 'valley', 'deep_valley', 'none'];

const byTou = (a: { tou: string }, b: { tou: string }) =>
  TOU_ORDER.indexOf(a.tou) - TOU_ORDER.indexOf(b.tou);

/** The rows in force on the first day of `month` (YYYY-MM); `effectiveTo` is exclusive. */
export function inForce(rows: readonly TariffView[], month: string): TariffView[] {
  const day = `${month}-01`;
  return rows
    .filter((r) => r.effectiveFrom <= day && (r.effectiveTo === null || day < r.effectiveTo))
    .sort(byTou);
}

/** The month (YYYY-MM) of the newest price table, or null without rows. */
export function latestMonth(rows: readonly TariffView[]): string | null {
  let latest: string | null = null;
  for (const row of rows) {
    const month = firstWholeMonth(row.effectiveFrom);
    if (latest === null || month > latest) latest = month;
  }
  return latest;
}

export interface ComparedRow {
  key: string;
  tou: TouPeriod;
  base?: TariffView;
  other?: TariffView;
  /** other − base, exact; null when either month lacks the period. */
  difference: string | null;
  percent: string | null;
}

/** The prices of two months side by side, by period, with the exact difference. */
export function compareMonths(
  rows: readonly TariffView[],
  baseMonth: string,
  otherMonth: string,
): ComparedRow[] {
  const key = (r: TariffView) => `${r.userClass}|${r.voltage}|${r.pricing}|${r.tou}`;
  const base = new Map(inForce(rows, baseMonth).map((r) => [key(r), r]));
  const other = new Map(inForce(rows, otherMonth).map((r) => [key(r), r]));
  const keys = [...new Set([...base.keys(), ...other.keys()])];
  return keys
    .map((k) => {
      const a = base.get(k);
      const b = other.get(k);
      return {
        key: k,
        tou: (a ?? b)!.tou as TouPeriod,
        base: a,
        other: b,
        difference: a && b ? subtractDecimal(b.unitPrice, a.unitPrice) : null,
        percent: a && b ? percentChange(a.unitPrice, b.unitPrice) : null,
      };
    })
    .sort(byTou);
}

/** A row starting mid-month is first in force on the next first of a month. */
function firstWholeMonth(date: string): string {
  const month = date.slice(0, 7);
  return date.endsWith('-01') ? month : nextMonth(month);
}

export function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}
