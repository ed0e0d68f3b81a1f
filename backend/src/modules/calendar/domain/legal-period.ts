import {
  dayNumber,
  fromDayNumber,
  toCalendarDate,
  type CalendarDate,
  type DateLike,
} from './calendar-date';
import type { WorkingCalendar } from './working-calendar';

/**
 * Days that do not count towards a period: for the decision deadline, the time an order to
 * refund overcharges runs; more generally 中止, 听证, 公告, testing and expert time. Both ends
 * are inside the suspension; `to: null` means it is still running, up to and including today.
 */
export interface Suspension {
  from: DateLike;
  to: DateLike | null;
  /** For people: '责令退还多收价款'. */
  reason?: string;
}

/** A legal period in working days (立案决定, 告知) or calendar days (处理决定). */
export type PeriodLimit = { workingDays: number } | { days: number };

/**
 * The last day of a period of `limit` that starts the day after `start`, where suspended days
 * do not count: a 90-day period with a 10-day suspension inside it ends 10 days later.
 * Suspensions may overlap; days of a suspension that starts after the period has ended do not
 * move it. A running suspension (`to: null`) needs `today`: the due date then moves day by day.
 * Working days need the calendar to cover every day walked over; calendar days do not.
 */
export function periodEnd(
  start: DateLike,
  limit: PeriodLimit,
  calendar: WorkingCalendar,
  suspensions: readonly Suspension[] = [],
  today?: DateLike,
): CalendarDate {
  const n = 'workingDays' in limit ? limit.workingDays : limit.days;
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`periodEnd: ${n} is not a whole number ≥ 0`);
  const suspended = suspendedDayTest(suspensions, today);
  const counts =
    'workingDays' in limit
      ? (d: number) => !suspended(d) && calendar.isWorkingDay(fromDayNumber(d))
      : (d: number) => !suspended(d);
  let day = dayNumber(toCalendarDate(start));
  for (let counted = 0; counted < n;) if (counts(++day)) counted++;
  return fromDayNumber(day);
}

/** How many days of `[from, to]` (both inclusive) the suspensions cover, overlaps counted once. */
export function suspendedDaysWithin(
  from: DateLike,
  to: DateLike,
  suspensions: readonly Suspension[],
  today?: DateLike,
): number {
  const suspended = suspendedDayTest(suspensions, today);
  let count = 0;
  for (let d = dayNumber(toCalendarDate(from)); d <= dayNumber(toCalendarDate(to)); d++)
    if (suspended(d)) count++;
  return count;
}

function suspendedDayTest(
  suspensions: readonly Suspension[],
  today: DateLike | undefined,
): (day: number) => boolean {
  const ranges = suspensions.map((s): [number, number] => {
    if (s.to === null && today === undefined)
      throw new RangeError('a running suspension (to: null) needs today');
    const from = dayNumber(toCalendarDate(s.from));
    const to = dayNumber(toCalendarDate(s.to ?? (today as DateLike)));
    if (s.to !== null && to < from)
      throw new RangeError(
        `suspension ends (${String(s.to)}) before it starts (${String(s.from)})`,
      );
    return [from, to];
  });
  return (day) => ranges.some(([a, b]) => day >= a && day <= b);
}
