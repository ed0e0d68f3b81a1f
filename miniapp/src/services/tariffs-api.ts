import type { TariffView, TouBand } from '@zgd/shared-types';
import { apiGet } from './http-client';

/**
 * Every stored price row of a class, each with the end it has once a newer row takes over.
 * The month is chosen on the client (tariffsInForce): the API's `month` filter answers 500 at
 * the moment (the backend passes it on to its database query as a column).
 */
export const fetchTariffs = (userClass: string) =>
  apiGet<TariffView[]>(`/tariffs?userClass=${encodeURIComponent(userClass)}`);

/** Shanghai's time-of-use hours for a pricing and calendar month (1–12). */
export const fetchTouHours = (pricing: 'single' | 'two_part', month: number) =>
  apiGet<TouBand[]>(`/tariffs/tou-hours?pricing=${pricing}&month=${month}`);

/**
 * The rows in force on the first day of `month` (YYYY-MM); when none are (no table for that
 * month yet), those of the newest month that has one. `month` in the answer says which.
 */
export function tariffsInForce(
  rows: readonly TariffView[],
  month: string,
): { month: string; rows: TariffView[] } | null {
  const inForce = rowsOn(rows, `${month}-01`);
  if (inForce.length > 0) return { month, rows: inForce };
  const latestStart = rows.reduce<string | null>(
    (latest, r) => (latest === null || r.effectiveFrom > latest ? r.effectiveFrom : latest),
    null,
  );
  if (latestStart === null) return null;
  return { month: latestStart.slice(0, 7), rows: rowsOn(rows, latestStart) };
}

function rowsOn(rows: readonly TariffView[], day: string): TariffView[] {
  return rows.filter(
    (r) => r.effectiveFrom <= day && (r.effectiveTo === null || day < r.effectiveTo),
  );
}

/** "2026-11" for a date (local time). */
export function monthOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}
