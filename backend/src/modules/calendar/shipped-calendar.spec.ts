import { describe, expect, it } from 'vitest';
import { addCalendarDays, yearOf } from './domain/calendar-date';
import { WorkingCalendar } from './domain/working-calendar';
import { SHIPPED_YEARS } from './shipped-calendar';

describe('the shipped holiday calendar', () => {
  it('holds 2024, 2025 and 2026 and nothing it could not verify', () => {
    expect(SHIPPED_YEARS.map((y) => y.year)).toEqual([2024, 2025, 2026]);
  });

  it.each([
    [2024, '国办发明电〔2023〕7号'],
    [2025, '国办发明电〔2024〕12号'],
    [2026, '国办发明电〔2025〕7号'],
  ])('names the notice of %i (%s)', (year, notice) => {
    const y = SHIPPED_YEARS.find((s) => s.year === year);
    expect(y?.source).toContain(notice);
    expect(y?.source).toContain(`关于${year}年部分节假日安排的通知`);
  });

  it('obeys the calendar rules and gives each year its checked number of working days', () => {
    const calendar = new WorkingCalendar(SHIPPED_YEARS);
    for (const y of SHIPPED_YEARS) {
      let working = 0;
      for (let day = `${y.year}-01-01`; yearOf(day) === y.year; day = addCalendarDays(day, 1))
        if (calendar.isWorkingDay(day)) working++;
      expect(working, String(y.year)).toBe(y.workingDayCount);
    }
    expect(SHIPPED_YEARS.map((y) => y.workingDayCount)).toEqual([251, 248, 248]);
  });
});
