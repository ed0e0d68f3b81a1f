import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  calendarDaysBetween,
  shanghaiDate,
  toCalendarDate,
  weekday,
} from './calendar-date';

describe('shanghaiDate', () => {
  it.each([
    ['2025-01-27T15:59:59.999Z', '2025-01-27'],
    // 00:00 in Shanghai is 16:00 UTC the day before.
    ['2025-01-27T16:00:00.000Z', '2025-01-28'],
    ['2025-12-31T16:30:00.000Z', '2026-01-01'],
    ['2025-01-28T00:00:00+08:00', '2025-01-28'],
  ])('reads %s as the Shanghai day %s', (instant, day) => {
    expect(shanghaiDate(new Date(instant))).toBe(day);
  });

  it('refuses an invalid Date', () => {
    expect(() => shanghaiDate(new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('calendar-day arithmetic', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2025-01-10', 90, '2025-04-10'],
    ['2025-03-01', -1, '2025-02-28'],
  ])('%s + %i days = %s', (from, n, to) => {
    expect(addCalendarDays(from, n)).toBe(to);
    expect(calendarDaysBetween(from, to)).toBe(n);
  });

  it.each([
    ['2025-01-26', 0],
    ['2026-02-28', 6],
    ['2025-10-08', 3],
    ['1969-12-31', 3],
  ])('%s is weekday %i (0 = Sunday)', (day, w) => {
    expect(weekday(day)).toBe(w);
  });

  it.each(['2025-02-30', '2025-1-5', '20250105', ''])('refuses %j as a day', (bad) => {
    expect(() => toCalendarDate(bad)).toThrow(RangeError);
  });
});
