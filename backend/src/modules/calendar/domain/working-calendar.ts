import { calendarYearProblems, isCalendarDate } from '@zgd/shared-types';
import {
  calendarDaysBetween,
  fromDayNumber,
  dayNumber,
  toCalendarDate,
  weekday,
  yearOf,
  type CalendarDate,
  type DateLike,
} from './calendar-date';
import { CalendarYearNotCoveredError } from './calendar-errors';

/** One year of the State Council's arrangement, as its notice lists it. */
export interface CalendarYearData {
  year: number;
  /** Days off (放假), weekends inside a holiday range included or not: either works. */
  holidays: readonly CalendarDate[];
  /** Weekend days worked in exchange (调休上班). */
  makeupWorkdays: readonly CalendarDate[];
}

interface YearDays {
  holidays: ReadonlySet<CalendarDate>;
  makeupWorkdays: ReadonlySet<CalendarDate>;
}

/**
 * Working days by the official PRC holiday calendar: a day is a working day iff it is a Monday
 * to Friday that is not a public holiday, or a make-up working day. Only the years it was built
 * with are known; any other year throws {@link CalendarYearNotCoveredError}, never plain
 * weekdays.
 *
 * Counting starts on the day after the start day. Our reading of the period rule of
 * 市场监督管理行政处罚程序规定 ("期间开始的日不计算在内", the same rule as in the procedure
 * laws): a report received on a Friday has its first working day on the next working day.
 */
export class WorkingCalendar {
  private readonly byYear: ReadonlyMap<number, YearDays>;

  /** Throws if the data breaks the calendar's rules (a date outside its year, a weekday make-up). */
  constructor(years: readonly CalendarYearData[]) {
    const byYear = new Map<number, YearDays>();
    for (const y of years) {
      const bad = [...y.holidays, ...y.makeupWorkdays].filter((d) => !isCalendarDate(d));
      const problems = [...bad.map((d) => `${d} 不是有效的日期`)].concat(
        calendarYearProblems(y.year, y).map((p) => p.message),
      );
      if (byYear.has(y.year)) problems.push(`${y.year} 年重复`);
      if (problems.length) throw new RangeError(`节假日安排有误：${problems.join('；')}`);
      byYear.set(y.year, {
        holidays: new Set(y.holidays),
        makeupWorkdays: new Set(y.makeupWorkdays),
      });
    }
    this.byYear = byYear;
  }

  /** The years it knows, ascending. */
  get years(): number[] {
    return [...this.byYear.keys()].sort((a, b) => a - b);
  }

  covers(year: number): boolean {
    return this.byYear.has(year);
  }

  isWorkingDay(date: DateLike): boolean {
    const day = toCalendarDate(date);
    const year = this.byYear.get(yearOf(day));
    if (!year) throw new CalendarYearNotCoveredError(yearOf(day));
    if (year.makeupWorkdays.has(day)) return true;
    const w = weekday(day);
    return w !== 0 && w !== 6 && !year.holidays.has(day);
  }

  /**
   * The `n`th working day after `date` (`n` ≥ 0; 0 is `date` itself). The start day's year must
   * be covered too, and every day walked over.
   */
  addWorkingDays(date: DateLike, n: number): CalendarDate {
    if (!Number.isInteger(n) || n < 0)
      throw new RangeError(`addWorkingDays: ${n} is not a whole number ≥ 0`);
    const start = toCalendarDate(date);
    this.assertCovered(start);
    let day = dayNumber(start);
    for (let counted = 0; counted < n;) if (this.isWorkingDay(fromDayNumber(++day))) counted++;
    return fromDayNumber(day);
  }

  /**
   * Working days after `from` up to and including `to`, so that
   * `workingDaysBetween(d, addWorkingDays(d, n)) === n`. When `to` is earlier, minus the working
   * days after `to` up to and including `from`. Both ends' years must be covered.
   */
  workingDaysBetween(from: DateLike, to: DateLike): number {
    const [a, b] = [toCalendarDate(from), toCalendarDate(to)];
    this.assertCovered(a);
    this.assertCovered(b);
    const span = calendarDaysBetween(a, b);
    const [low, sign] = span >= 0 ? [dayNumber(a), 1] : [dayNumber(b), -1];
    let count = 0;
    for (let i = 1; i <= Math.abs(span); i++)
      if (this.isWorkingDay(fromDayNumber(low + i))) count++;
    return sign * count;
  }

  private assertCovered(day: CalendarDate): void {
    if (!this.byYear.has(yearOf(day))) throw new CalendarYearNotCoveredError(yearOf(day));
  }
}
