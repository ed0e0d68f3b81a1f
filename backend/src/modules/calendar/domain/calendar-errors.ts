import { CalendarErrorCode, yearNotCoveredMessage } from '@zgd/shared-types';
import { AppError } from '../../../common/errors/app-error';

/**
 * A date in a year whose holiday arrangement is not loaded. Never guessed as plain weekdays:
 * the State Council publishes each next year's arrangement in November and an administrator
 * loads it. Code `CALENDAR_YEAR.NOT_FOUND` (→ 404): the calendar year is the missing resource.
 */
export class CalendarYearNotCoveredError extends AppError {
  constructor(readonly year: number) {
    super(CalendarErrorCode.YEAR_NOT_COVERED, yearNotCoveredMessage(year));
    this.name = 'CalendarYearNotCoveredError';
  }
}

export function isYearNotCovered(e: unknown): e is CalendarYearNotCoveredError {
  return e instanceof CalendarYearNotCoveredError;
}
