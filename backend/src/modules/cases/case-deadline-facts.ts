import type { CaseDeadlinesView, CaseRefundOrderFacts, DeadlineView } from '@zgd/shared-types';
import {
  addCalendarDays,
  calendarDaysBetween,
  caseDeadlines,
  DEADLINE_LIMITS,
  isYearNotCovered,
  periodEnd,
  shanghaiDate,
  toCalendarDate,
  urgentDeadline,
  type CalendarDate,
  type CaseDeadlineFacts,
  type Suspension,
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

/**
 * The filing due day, or null when the holiday calendar does not cover the days it needs (a
 * report in late December before next year's arrangement is loaded). The report is still
 * taken: the case's views show the gap until an administrator loads the year.
 */
export function filingDueDayIfCovered(
  received: Date,
  calendar: WorkingCalendar,
): CalendarDate | null {
  try {
    return filingDueDay(received, calendar);
  } catch (e) {
    if (isYearNotCovered(e)) return null;
    throw e;
  }
}

/**
 * A due instant that is never later than the legal one, for a case whose working days cannot be
 * counted yet: 15 working days always span at least 15 calendar days, so officers see it due
 * early rather than late.
 */
export function provisionalFilingDueAt(received: Date): Date {
  return endOfShanghaiDay(addCalendarDays(received, DEADLINE_LIMITS.filingDecision.workingDays));
}

/** The days of the case's orders to refund, which the decision deadline does not count. */
export function refundOrderSuspensions(c: EnforcementCase): Suspension[] {
  return c.refundOrderPeriods.map((p) => ({
    from: p.from,
    to: p.to,
    reason: REFUND_ORDER_REASON,
  }));
}

const REFUND_ORDER_REASON = '责令退还多收价款';

/**
 * The decision due day once the order to refund running now ends at `endsAt`: 90 days from 立案
 * (120 once extended), not counting any order's days.
 */
export function decisionDueDayAfterRefundOrder(
  c: EnforcementCase,
  endsAt: Date,
  calendar: WorkingCalendar,
): CalendarDate {
  if (!c.openedAt) throw new Error(`case ${c.id} was not opened`);
  const { days, extendedDays } = DEADLINE_LIMITS.caseDecision;
  const suspensions = refundOrderSuspensions(c).map((s) => ({ ...s, to: s.to ?? endsAt }));
  return periodEnd(
    c.openedAt,
    { days: c.decisionDeadlineExtended ? extendedDays : days },
    calendar,
    suspensions,
  );
}

/**
 * What the forms that start and end an order to refund show: the decision due day now, and
 * were the running order ended at `now`, its days (both ends included) and the due day it
 * leaves (what `resume_after_refund_order` will store).
 */
export function refundOrderFacts(
  c: EnforcementCase,
  calendar: WorkingCalendar,
  now: Date,
): CaseRefundOrderFacts {
  const running = c.refundOrderPeriods.find((p) => p.to === null) ?? null;
  const since = running ? shanghaiDate(running.from) : null;
  let ifEndedToday: CaseRefundOrderFacts['ifEndedToday'] = null;
  if (since && c.openedAt) {
    try {
      ifEndedToday = {
        days: calendarDaysBetween(since, shanghaiDate(now)) + 1,
        decisionDue: decisionDueDayAfterRefundOrder(c, now, calendar),
      };
    } catch (e) {
      if (!isYearNotCovered(e)) throw e;
    }
  }
  return {
    decisionDue: c.decisionDueAt ? shanghaiDate(c.decisionDueAt) : null,
    runningSince: since,
    ifEndedToday,
  };
}

/**
 * When the last real-name reporter was told the filing decision; null while one is still to be
 * told (or none was).
 */
export function reportersNotifiedAt(c: EnforcementCase): Date | null {
  const told = c.realNameReportIds.map(
    (id) => c.reporterNotices.find((n) => n.reportId === id)?.at,
  );
  if (told.length === 0 || told.some((at) => at === undefined)) return null;
  return new Date(Math.max(...told.map((at) => at!.getTime())));
}

/**
 * The day the case's real-name reporters must be told the decision on 立案 by (5 working days
 * after it, as caseDeadlines counts it), while one of them is still to be told; null when no
 * decision was made yet, the case has no real-name report, or every reporter was told. Across a
 * year the calendar lacks: 5 calendar days after the decision, never later than the real day.
 */
export function reporterNoticeDueDay(
  c: EnforcementCase,
  calendar: WorkingCalendar,
): CalendarDate | null {
  const decidedAt = c.openedAt ?? c.refusal?.at ?? null;
  if (!decidedAt || c.realNameReportIds.length === 0 || reportersNotifiedAt(c)) return null;
  const day = toCalendarDate(decidedAt);
  const { workingDays } = DEADLINE_LIMITS.reporterNotice;
  try {
    return periodEnd(day, { workingDays }, calendar);
  } catch (e) {
    if (!isYearNotCovered(e)) throw e;
    return addCalendarDays(day, workingDays);
  }
}

/**
 * `realName`: whether the reader is shown the notice deadline at all (the reported entity never
 * is); it applies to cases with a real-name report.
 */
export function deadlineFacts(c: EnforcementCase, realName: boolean): CaseDeadlineFacts {
  return {
    receivedAt: receivedAt(c),
    filingExtended: c.filingDeadlineExtended,
    filingDecidedAt: c.openedAt ?? c.refusal?.at ?? null,
    realName,
    reporterNotifiedAt: reportersNotifiedAt(c),
    openedAt: c.openedAt,
    decisionExtended: c.decisionDeadlineExtended,
    suspensions: refundOrderSuspensions(c),
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
