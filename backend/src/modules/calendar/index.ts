/** What other modules use from the calendar: the service, and the pure deadline core. */
export { CalendarModule } from './calendar.module';
export { CalendarService } from './calendar.service';
export {
  addCalendarDays,
  calendarDaysBetween,
  shanghaiDate,
  toCalendarDate,
  type CalendarDate,
  type DateLike,
} from './domain/calendar-date';
export { CalendarYearNotCoveredError, isYearNotCovered } from './domain/calendar-errors';
export {
  caseDeadlines,
  DEADLINE_LIMITS,
  DEFAULT_DUE_SOON_WORKING_DAYS,
  urgentDeadline,
  type CaseDeadlineFacts,
  type DeadlineOptions,
} from './domain/case-deadlines';
export {
  periodEnd,
  suspendedDaysWithin,
  type PeriodLimit,
  type Suspension,
} from './domain/legal-period';
export { WorkingCalendar, type CalendarYearData } from './domain/working-calendar';
