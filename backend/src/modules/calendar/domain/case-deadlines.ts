import type {
  CaseDeadlinesView,
  DeadlineKind,
  DeadlineState,
  DeadlineView,
} from '@zgd/shared-types';
import {
  addCalendarDays,
  calendarDaysBetween,
  shanghaiDate,
  toCalendarDate,
  type CalendarDate,
  type DateLike,
} from './calendar-date';
import { isYearNotCovered } from './calendar-errors';
import { periodEnd, suspendedDaysWithin, type Suspension } from './legal-period';
import type { WorkingCalendar } from './working-calendar';

/**
 * The limits of domain brief §5. Filing decision and notice: 市场监督管理投诉举报处理办法
 * (总局令第121号); case decision: 市场监督管理行政处罚程序规定 (90 days from 立案, +30 with
 * the bureau head's approval; 中止, 听证, 公告, testing and expert time and the period of an
 * order to refund are not counted).
 */
export const DEADLINE_LIMITS = {
  filingDecision: { workingDays: 15, extendedWorkingDays: 30 },
  reporterNotice: { workingDays: 5 },
  caseDecision: { days: 90, extendedDays: 120 },
} as const;

export const DEFAULT_DUE_SOON_WORKING_DAYS = 3;

/** What the case workflow knows about a case. Instants become Shanghai days. */
export interface CaseDeadlineFacts {
  /** When the report was received (登记). */
  receivedAt: DateLike;
  /** The filing period was extended by 15 working days with a recorded approval. */
  filingExtended: boolean;
  /** Testing, inspection, quarantine and expert time before the filing decision (not counted). */
  filingSuspensions?: readonly Suspension[];
  /** When it was decided whether to open a case (立案 or 不予立案); null while undecided. */
  filingDecidedAt: DateLike | null;
  /** The reporter gave a real name: they must be told the filing decision. */
  realName: boolean;
  reporterNotifiedAt?: DateLike | null;
  /** 立案; null when no case was opened (yet). */
  openedAt: DateLike | null;
  /** The decision period was extended by 30 days with a recorded approval. */
  decisionExtended: boolean;
  /** Periods not counted towards the decision deadline (an order to refund, 中止, 听证…). */
  suspensions: readonly Suspension[];
  /** When the case decision was made. */
  decidedAt?: DateLike | null;
}

export interface DeadlineOptions {
  /** An open deadline with at most this many working days left is due soon (default 3). */
  dueSoonWorkingDays?: number;
}

/**
 * The legal deadlines of a case as of `now` (its Shanghai day). Throws
 * CalendarYearNotCoveredError when a working-day due date, or whether one is due soon, needs a
 * year the calendar does not cover; a list of cases catches it per case. The decision deadline,
 * counted in calendar days, always has its due date; only its `workingDaysLeft` may be null.
 */
export function caseDeadlines(
  facts: CaseDeadlineFacts,
  calendar: WorkingCalendar,
  now: Date,
  options: DeadlineOptions = {},
): CaseDeadlinesView {
  const today = shanghaiDate(now);
  const track = tracker(
    calendar,
    today,
    options.dueSoonWorkingDays ?? DEFAULT_DUE_SOON_WORKING_DAYS,
  );
  const day = (d: DateLike | null | undefined) => (d == null ? null : toCalendarDate(d));

  const filing = filingDecisionDue(facts, calendar, today);
  const decidedAt = day(facts.filingDecidedAt);
  const notice =
    facts.realName && decidedAt
      ? periodEnd(decidedAt, { workingDays: DEADLINE_LIMITS.reporterNotice.workingDays }, calendar)
      : null;
  const openedAt = day(facts.openedAt);
  const decision = openedAt ? caseDecisionDue(facts, openedAt, calendar, today) : null;

  return {
    asOf: today,
    filingDecision: track('filing_decision', filing.due, filing.basis, decidedAt),
    reporterNotice: notice
      ? track(
          'reporter_notice',
          notice,
          '作出是否立案决定之日起5个工作日',
          day(facts.reporterNotifiedAt),
        )
      : null,
    caseDecision: decision
      ? track('case_decision', decision.due, decision.basis, day(facts.decidedAt))
      : null,
  };
}

function filingDecisionDue(
  facts: CaseDeadlineFacts,
  calendar: WorkingCalendar,
  today: CalendarDate,
) {
  const { workingDays, extendedWorkingDays } = DEADLINE_LIMITS.filingDecision;
  const limit = facts.filingExtended ? extendedWorkingDays : workingDays;
  const suspensions = facts.filingSuspensions ?? [];
  // A suspension still running when the filing decision was made ends with it.
  const asOf = facts.filingDecidedAt ? toCalendarDate(facts.filingDecidedAt) : today;
  const due = periodEnd(facts.receivedAt, { workingDays: limit }, calendar, suspensions, asOf);
  let basis = facts.filingExtended
    ? `收到举报之日起${limit}个工作日（经批准延长${limit - workingDays}个工作日）`
    : `收到举报之日起${limit}个工作日`;
  const off = suspendedDaysWithin(addCalendarDays(facts.receivedAt, 1), due, suspensions, asOf);
  if (off) basis += `，检测、检验、检疫、鉴定等期间不计入（${off}日）`;
  return { due, basis };
}

function caseDecisionDue(
  facts: CaseDeadlineFacts,
  openedAt: CalendarDate,
  calendar: WorkingCalendar,
  today: CalendarDate,
) {
  const { days, extendedDays } = DEADLINE_LIMITS.caseDecision;
  const limit = facts.decisionExtended ? extendedDays : days;
  const decided = facts.decidedAt ? toCalendarDate(facts.decidedAt) : null;
  // A suspension still running when the decision was made ends with it.
  const asOf = decided ?? today;
  const due = periodEnd(openedAt, { days: limit }, calendar, facts.suspensions, asOf);
  let basis = facts.decisionExtended
    ? `立案之日起${limit}日（经批准延长${limit - days}日）`
    : `立案之日起${limit}日`;
  const off = suspendedDaysWithin(addCalendarDays(openedAt, 1), due, facts.suspensions, asOf);
  if (off) basis += `，责令退还多收价款等期间不计入（${off}日）`;
  return { due, basis };
}

type Track = (
  kind: DeadlineKind,
  due: CalendarDate,
  basis: string,
  completedAt: CalendarDate | null,
) => DeadlineView;

/**
 * A due date's standing. An open deadline is overdue after its due date and due soon with at
 * most `threshold` working days after today up to it. A met one keeps the margin it was met
 * with (days left as of its completion) and whether it was late.
 */
function tracker(calendar: WorkingCalendar, today: CalendarDate, threshold: number): Track {
  return (kind, due, basis, completedAt) => {
    const asOf = completedAt ?? today;
    const daysLeft = calendarDaysBetween(asOf, due);
    const workingDaysLeft = orNullIfUncovered(() => calendar.workingDaysBetween(asOf, due));
    let state: DeadlineState;
    if (completedAt) state = 'met';
    else if (daysLeft < 0) state = 'overdue';
    else
      state = withinWorkingDays(calendar, today, due, threshold, workingDaysLeft)
        ? 'due_soon'
        : 'ok';
    return {
      kind,
      dueDate: due,
      basis,
      daysLeft,
      workingDaysLeft,
      state,
      completedAt,
      late: completedAt !== null && completedAt > due,
    };
  };
}

/** Whether `due` is at most `n` working days after `today`, looking no further than needed. */
function withinWorkingDays(
  calendar: WorkingCalendar,
  today: CalendarDate,
  due: CalendarDate,
  n: number,
  known: number | null,
): boolean {
  if (known !== null) return known <= n;
  // The span reaches an uncovered year: walk only the first n + 1 working days (this throws if
  // even those are not covered).
  return calendar.addWorkingDays(today, n + 1) > due;
}

function orNullIfUncovered(f: () => number): number | null {
  try {
    return f();
  } catch (e) {
    if (isYearNotCovered(e)) return null;
    throw e;
  }
}

const SEVERITY: Record<DeadlineState, number> = { overdue: 3, due_soon: 2, ok: 1, met: 0 };

/**
 * The open deadline that matters most for a list of cases: overdue before due soon before ok,
 * then the earliest due date. Null when every deadline is met or none applies.
 */
export function urgentDeadline(view: CaseDeadlinesView): DeadlineView | null {
  const open = [view.filingDecision, view.reporterNotice, view.caseDecision].filter(
    (d): d is DeadlineView => d !== null && d.state !== 'met',
  );
  open.sort((a, b) => SEVERITY[b.state] - SEVERITY[a.state] || a.dueDate.localeCompare(b.dueDate));
  return open[0] ?? null;
}
