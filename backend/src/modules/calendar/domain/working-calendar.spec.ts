import { CalendarErrorCode } from '@zgd/shared-types';
import { describe, expect, it } from 'vitest';
import { SHIPPED_YEARS } from '../shipped-calendar';
import { CalendarYearNotCoveredError } from './calendar-errors';
import { WorkingCalendar } from './working-calendar';

const calendar = new WorkingCalendar(SHIPPED_YEARS);

function notCovered(f: () => unknown): CalendarYearNotCoveredError {
  try {
    f();
  } catch (e) {
    if (e instanceof CalendarYearNotCoveredError) return e;
    throw e;
  }
  throw new Error('expected CalendarYearNotCoveredError, got an answer');
}

describe('isWorkingDay', () => {
  it.each([
    ['2025-01-26', true, 'Sunday worked for Spring Festival 2025 (调休上班)'],
    ['2025-01-28', false, 'Tuesday, 除夕 2025'],
    ['2025-02-04', false, 'Tuesday, last day of Spring Festival 2025'],
    ['2025-02-08', true, 'Saturday worked for Spring Festival 2025'],
    ['2025-02-09', false, 'an ordinary Sunday'],
    ['2025-09-28', true, 'Sunday worked for National Day 2025'],
    ['2025-10-08', false, 'Wednesday, last day of National Day 2025'],
    ['2025-10-11', true, 'Saturday worked for National Day 2025'],
    ['2026-01-04', true, 'Sunday worked for New Year 2026'],
    ['2026-02-14', true, 'Saturday worked for Spring Festival 2026'],
    ['2026-02-23', false, 'Monday, 正月初七 2026'],
    ['2026-02-28', true, 'Saturday worked for Spring Festival 2026'],
    ['2024-02-18', true, 'Sunday worked for Spring Festival 2024'],
    ['2025-03-03', true, 'an ordinary Monday'],
    ['2025-03-01', false, 'an ordinary Saturday'],
  ])('%s → %s (%s)', (day, working) => {
    expect(calendar.isWorkingDay(day)).toBe(working);
  });
});

describe('addWorkingDays (counting starts the day after)', () => {
  it.each([
    // Spring Festival 2025: 1-28..2-4 off, Sunday 1-26 and Saturday 2-8 worked.
    ['2025-01-24', 15, '2025-02-20', 'plain weekdays would say 2025-02-14'],
    ['2025-01-24', 1, '2025-01-26', 'the make-up Sunday is the first working day'],
    ['2025-01-27', 1, '2025-02-05', 'the whole holiday is skipped'],
    ['2025-02-07', 1, '2025-02-08', 'the make-up Saturday counts'],
    // National Day 2025: 10-1..10-8 off, Sunday 9-28 and Saturday 10-11 worked.
    ['2025-09-26', 1, '2025-09-28', 'the make-up Sunday counts'],
    ['2025-09-30', 1, '2025-10-09', 'eight days off are skipped'],
    ['2025-09-26', 15, '2025-10-23', 'plain weekdays would say 2025-10-17'],
    ['2025-10-10', 1, '2025-10-11', 'the make-up Saturday counts'],
    // Spring Festival 2026: 2-15..2-23 off, Saturdays 2-14 and 2-28 worked.
    ['2026-02-13', 1, '2026-02-14', 'the make-up Saturday counts'],
    ['2026-02-14', 1, '2026-02-24', 'nine days off are skipped'],
    ['2026-02-13', 15, '2026-03-12', 'plain weekdays would say 2026-03-06'],
    // Year boundaries.
    ['2025-12-31', 1, '2026-01-04', 'New Year 2026 is off and Sunday 1-4 is worked'],
    ['2025-12-24', 15, '2026-01-15', 'across the year boundary'],
    ['2024-12-31', 1, '2025-01-02', 'New Year 2025 is off'],
    // A start on a day off.
    ['2025-03-01', 1, '2025-03-03', 'a report received on a Saturday'],
    ['2025-01-28', 0, '2025-01-28', 'zero days is the start day'],
  ])('%s + %i working days = %s (%s)', (from, n, to) => {
    expect(calendar.addWorkingDays(from, n)).toBe(to);
  });

  it('refuses a negative or fractional count', () => {
    expect(() => calendar.addWorkingDays('2025-01-24', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2025-01-24', 1.5)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2025-01-24', '2025-02-20', 15],
    ['2025-02-20', '2025-01-24', -15],
    ['2025-01-24', '2025-01-24', 0],
    ['2025-01-27', '2025-02-04', 0],
    ['2025-12-31', '2026-01-04', 1],
    ['2026-02-13', '2026-03-12', 15],
  ])('from %s to %s: %i', (from, to, n) => {
    expect(calendar.workingDaysBetween(from, to)).toBe(n);
  });

  it.each(['2024-12-27', '2025-01-24', '2025-09-26', '2026-02-11', '2026-09-18'])(
    'undoes addWorkingDays from %s',
    (from) => {
      for (const n of [0, 1, 5, 15, 30])
        expect(calendar.workingDaysBetween(from, calendar.addWorkingDays(from, n))).toBe(n);
    },
  );
});

describe('a year the calendar does not cover', () => {
  it('is an error with its code and Chinese message, never a weekday guess', () => {
    const e = notCovered(() => calendar.isWorkingDay('2028-03-01'));
    expect(e.year).toBe(2028);
    expect(e.code).toBe(CalendarErrorCode.YEAR_NOT_COVERED);
    expect(e.message).toBe(
      '2028 年的法定节假日安排尚未载入，请管理员载入国务院办公厅公布的当年安排',
    );
  });

  it('stops a count that walks into it', () => {
    expect(calendar.addWorkingDays('2026-12-24', 5)).toBe('2026-12-31');
    expect(notCovered(() => calendar.addWorkingDays('2026-12-24', 6)).year).toBe(2027);
    expect(notCovered(() => calendar.workingDaysBetween('2026-12-30', '2027-01-05')).year).toBe(
      2027,
    );
  });

  it('is an error even for a zero-day count starting in it', () => {
    expect(notCovered(() => calendar.addWorkingDays('2028-01-03', 0)).year).toBe(2028);
  });

  it('answers once its year is loaded', () => {
    const with2027 = new WorkingCalendar([
      ...SHIPPED_YEARS,
      // Test data, not the official 2027 arrangement.
      { year: 2027, holidays: ['2027-01-01'], makeupWorkdays: [] },
    ]);
    expect(with2027.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    expect(with2027.years).toEqual([2024, 2025, 2026, 2027]);
  });
});

describe('building a calendar', () => {
  it.each([
    [
      'a make-up day on a weekday',
      { year: 2027, holidays: ['2027-01-01'], makeupWorkdays: ['2027-01-04'] },
    ],
    ['a date outside its year', { year: 2027, holidays: ['2026-12-31'], makeupWorkdays: [] }],
    [
      'a date both off and worked',
      { year: 2027, holidays: ['2027-01-02'], makeupWorkdays: ['2027-01-02'] },
    ],
    ['a day that does not exist', { year: 2027, holidays: ['2027-02-29'], makeupWorkdays: [] }],
  ])('refuses %s', (_, year) => {
    expect(() => new WorkingCalendar([year])).toThrow(RangeError);
  });

  it('refuses a year given twice', () => {
    expect(() => new WorkingCalendar([...SHIPPED_YEARS, SHIPPED_YEARS[0]])).toThrow(/2024 年重复/);
  });
});
