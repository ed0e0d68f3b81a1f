import shipped from './data/cn-holidays.json';
import type { CalendarYearData } from './domain/working-calendar';

/** A year shipped with the release: the notice's dates, where they come from, a self-check. */
export interface ShippedYear extends CalendarYearData {
  source: string;
  /** Working days in the year by these dates, checked against an independent source. */
  workingDayCount: number;
}

/**
 * The years in data/cn-holidays.json (each with its State Council notice). Inserted at start
 * when absent; a year an administrator loaded is never overwritten.
 */
export const SHIPPED_YEARS: readonly ShippedYear[] = Object.entries(shipped.years).map(
  ([year, y]) => ({
    year: Number(year),
    holidays: y.holidays,
    makeupWorkdays: y.makeupWorkdays,
    source: y.source,
    workingDayCount: y.workingDayCount,
  }),
);
