import type { CaseDeadlinesView, DeadlineView } from '@zgd/shared-types';
import {
  caseDeadlines,
  DEADLINE_LIMITS,
  isYearNotCovered,
  periodEnd,
  urgentDeadline,
  type CalendarDate,
  type CaseDeadlineFacts,
  type WorkingCalendar,
} from '../calendar';
import type { EnforcementCase } from './domain';

/** The last instant of a Shanghai day: a due date is met by anything done on that day. */
export const endOfShanghaiDay = (day: CalendarDate): Date => new Date(`${day}T23:59:59.999+08:00`);

/** When the filing period started: receipt, or the receiving bureau's receipt of a transfer. */
export function receivedAt(c: EnforcementCase): Date {
  return c.transfers.length ? c.transfers[c.transfers.length - 1].at : c.registeredAt;
}

/** 15 working days from receipt (30 once extended with approval), on the holiday calendar. */
export function filingDueDay(
  received: Date,
  calendar: WorkingCalendar,
  extended = false,
): CalendarDate {
  const { workingDays, extendedWorkingDays } = DEADLINE_LIMITS.filingDecision;
  return periodEnd(
    received,
    { workingDays: extended ? extendedWorkingDays : workingDays },
    calendar,
  );
}

export function deadlineFacts(c: EnforcementCase, realName: boolean): CaseDeadlineFacts {
  return {
    receivedAt: receivedAt(c),
    filingExtended: c.filingDeadlineExtended,
    filingDecidedAt: c.openedAt ?? c.refusal?.at ?? null,
    realName,
    openedAt: c.openedAt,
    decisionExtended: c.decisionDeadlineExtended,
    suspensions: [],
    decidedAt: c.decision?.at ?? null,
  };
}

export interface DeadlinesOrGap {
  deadlines: CaseDeadlinesView | null;
  urgent: DeadlineView | null;
  /** Set when the holiday calendar does not cover a year the deadlines need. */
  calendarGap: string | null;
}

/** A case's deadlines; a year missing from the calendar is reported for this case only. */
export function deadlinesOf(
  c: EnforcementCase,
  realName: boolean,
  calendar: WorkingCalendar,
  now: Date,
): DeadlinesOrGap {
  try {
    const deadlines = caseDeadlines(deadlineFacts(c, realName), calendar, now);
    return { deadlines, urgent: urgentDeadline(deadlines), calendarGap: null };
  } catch (e) {
    if (isYearNotCovered(e)) return { deadlines: null, urgent: null, calendarGap: e.message };
    throw e;
  }
}
