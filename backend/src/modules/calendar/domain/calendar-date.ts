import { isCalendarDate } from '@zgd/shared-types';

/**
 * A day in Shanghai, written YYYY-MM-DD. Deadlines are counted in whole days, so the core never
 * holds a JS `Date` for a day: `new Date('2025-01-28')` is midnight UTC, which is 08:00 in
 * Shanghai, and `getDate()` answers in the server's zone. Day arithmetic here runs on day
 * numbers (days since 1970-01-01) computed with `Date.UTC`, where no time zone is involved.
 * Strings of this form also compare correctly as text (`'2025-02-04' < '2025-02-10'`).
 */
export type CalendarDate = string;

/** A day, or an instant (a `Date` from a timestamp column) that {@link shanghaiDate} turns into one. */
export type DateLike = CalendarDate | Date;

const DAY_MS = 86_400_000;
/** Asia/Shanghai is UTC+8 all year: China has had no daylight saving time since 1991. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/**
 * The Shanghai calendar day of an instant: shift by +8 h and read the UTC date. A report
 * received at 2025-01-27T17:30:00Z (01:30 on the 28th in Shanghai) was received on 2025-01-28.
 */
export function shanghaiDate(instant: Date): CalendarDate {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('shanghaiDate: invalid Date');
  return fromDayNumber(Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS));
}

/** A day as given, checked; an instant as its Shanghai day. */
export function toCalendarDate(value: DateLike): CalendarDate {
  if (value instanceof Date) return shanghaiDate(value);
  if (!isCalendarDate(value)) throw new RangeError(`not a YYYY-MM-DD day: ${value}`);
  return value;
}

/** Days since 1970-01-01 (negative before). */
export function dayNumber(date: CalendarDate): number {
  const d = toCalendarDate(date);
  return (
    Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / DAY_MS
  );
}

export function fromDayNumber(n: number): CalendarDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekday(date: CalendarDate): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

export function addCalendarDays(date: DateLike, n: number): CalendarDate {
  if (!Number.isInteger(n)) throw new RangeError(`addCalendarDays: ${n} is not a whole number`);
  return fromDayNumber(dayNumber(toCalendarDate(date)) + n);
}

/** `to` minus `from` in days: 1 from one day to the next, negative when `to` is earlier. */
export function calendarDaysBetween(from: DateLike, to: DateLike): number {
  return dayNumber(toCalendarDate(to)) - dayNumber(toCalendarDate(from));
}
