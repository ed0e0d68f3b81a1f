import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../calendar';
import { SHIPPED_YEARS } from '../calendar/shipped-calendar';
import {
  decisionDueDayAfterRefundOrder,
  deadlinesOf,
  endOfShanghaiDay,
  filingDueDayIfCovered,
  provisionalFilingDueAt,
  refundOrderFacts,
  reporterNoticeDueDay,
} from './case-deadline-facts';
import { registerCase, SYSTEM_ACTOR, type EnforcementCase } from './domain';

const calendar = new WorkingCalendar(
  SHIPPED_YEARS.map((y) => ({
    year: y.year,
    holidays: [...y.holidays],
    makeupWorkdays: [...y.makeupWorkdays],
  })),
);

function caseReceivedAt(at: Date): EnforcementCase {
  const due = provisionalFilingDueAt(at);
  const r = registerCase(
    {
      id: 'c1',
      reportId: 'r1',
      districtCode: '310112',
      entityId: '91310112YUYU122BX0',
      periods: ['2025-03'],
      filingDueAt: due,
      correctionWindowEndsAt: due,
    },
    SYSTEM_ACTOR,
    at,
  );
  if (!r.ok) throw new Error(r.message);
  return r.case;
}

describe('case deadlines at intake and in lists', () => {
  it('counts the filing period across the Spring Festival with its make-up working days', () => {
    expect(filingDueDayIfCovered(new Date('2026-02-13T16:00:00+08:00'), calendar)).toBe(
      '2026-03-12',
    );
  });

  it('takes a report whose filing period runs into a year not loaded, due early rather than late', () => {
    const at = new Date('2026-12-21T10:00:00+08:00');
    expect(filingDueDayIfCovered(at, calendar)).toBeNull();
    expect(provisionalFilingDueAt(at)).toEqual(endOfShanghaiDay('2027-01-05'));
  });

  it('reports a missing year for that case only, instead of failing the list', () => {
    const late = caseReceivedAt(new Date('2026-12-21T10:00:00+08:00'));
    const early = caseReceivedAt(new Date('2026-06-01T10:00:00+08:00'));
    const now = new Date('2026-12-22T10:00:00+08:00');
    const gap = deadlinesOf(late, false, calendar, now);
    expect(gap.deadlines).toBeNull();
    expect(gap.calendarGap).toMatch(/2027/);
    const fine = deadlinesOf(early, false, calendar, now);
    expect(fine.urgent).toMatchObject({ kind: 'filing_decision', state: 'overdue' });
  });
});

describe('the reporter notice (告知) among a case’s deadlines', () => {
  // 立案 on Monday 2026-09-28: the National Day holiday (10-01..10-07) lies inside the 5 working
  // days and Saturday 10-10 is a make-up working day, so the notice is due on 2026-10-10 (plain
  // weekdays would give 10-05).
  const openedAt = new Date('2026-09-28T10:00:00+08:00');
  const opened = (changes: Partial<EnforcementCase>): EnforcementCase => ({
    ...caseReceivedAt(new Date('2026-09-14T10:00:00+08:00')),
    state: 'investigating',
    openedAt,
    ...changes,
  });
  const notice = (reportId: string, day: string) => ({
    reportId,
    at: new Date(`${day}T15:00:00+08:00`),
    method: 'PHONE' as const,
    byUserId: 3,
    byRole: 'district_officer' as const,
  });
  const notifiedOn = (day: string) =>
    opened({ realNameReportIds: ['r1'], reporterNotices: [notice('r1', day)] });

  it.each([
    {
      what: 'not yet told, two days on',
      c: opened({ realNameReportIds: ['r1'] }),
      now: '2026-09-30',
      state: 'due_soon',
      completed: null,
    },
    {
      what: 'not yet told after the due day',
      c: opened({ realNameReportIds: ['r1'] }),
      now: '2026-10-11',
      state: 'overdue',
      completed: null,
    },
    {
      what: 'told on the due day',
      c: notifiedOn('2026-10-10'),
      now: '2026-10-20',
      state: 'met',
      completed: '2026-10-10',
    },
    {
      what: 'told late',
      c: notifiedOn('2026-10-12'),
      now: '2026-10-20',
      state: 'met',
      completed: '2026-10-12',
    },
    {
      what: 'one of two real-name reporters told',
      c: opened({
        reportIds: ['r1', 'r2'],
        realNameReportIds: ['r1', 'r2'],
        reporterNotices: [notice('r1', '2026-09-29')],
      }),
      now: '2026-10-12',
      state: 'overdue',
      completed: null,
    },
    {
      what: 'both told, the later day counts',
      c: opened({
        reportIds: ['r1', 'r2'],
        realNameReportIds: ['r1', 'r2'],
        reporterNotices: [notice('r2', '2026-09-30'), notice('r1', '2026-09-29')],
      }),
      now: '2026-10-12',
      state: 'met',
      completed: '2026-09-30',
    },
  ])('$what → $state', ({ c, now, state, completed }) => {
    const { deadlines } = deadlinesOf(c, true, calendar, new Date(`${now}T12:00:00+08:00`));
    expect(deadlines?.reporterNotice).toMatchObject({
      kind: 'reporter_notice',
      dueDate: '2026-10-10',
      state,
      completedAt: completed,
      late: completed !== null && completed > '2026-10-10',
    });
  });

  it('has no notice deadline for an anonymous case, nor before the filing decision', () => {
    const now = new Date('2026-10-12T12:00:00+08:00');
    expect(deadlinesOf(opened({}), false, calendar, now).deadlines?.reporterNotice).toBeNull();
    const undecided = caseReceivedAt(new Date('2026-09-14T10:00:00+08:00'));
    expect(deadlinesOf(undecided, true, calendar, now).deadlines?.reporterNotice).toBeNull();
  });

  it('counts from 不予立案 too', () => {
    const refused = opened({
      state: 'not_opened',
      openedAt: null,
      realNameReportIds: ['r1'],
      refusal: { at: openedAt, reason: 'NO_VIOLATION', approvedByUserId: 2 },
    });
    const { deadlines, urgent } = deadlinesOf(
      refused,
      true,
      calendar,
      new Date('2026-10-11T12:00:00+08:00'),
    );
    expect(deadlines?.reporterNotice).toMatchObject({ dueDate: '2026-10-10', state: 'overdue' });
    expect(urgent?.kind).toBe('reporter_notice');
  });
});

describe('reporterNoticeDueDay: the notice deadline the queue orders by', () => {
  const decided = new Date('2026-09-28T10:00:00+08:00');
  const base = caseReceivedAt(new Date('2026-09-14T10:00:00+08:00'));
  const told = (reportId: string) => ({
    reportId,
    at: new Date('2026-09-29T10:00:00+08:00'),
    method: 'PHONE' as const,
    byUserId: 3,
    byRole: 'district_officer' as const,
  });
  const refusal = { at: decided, reason: 'NO_VIOLATION' as const, approvedByUserId: 2 };
  it.each<{ what: string; c: EnforcementCase; due: string | null }>([
    { what: 'undecided', c: { ...base, realNameReportIds: ['r1'] }, due: null },
    {
      what: 'opened, untold (across National Day)',
      c: { ...base, state: 'investigating', openedAt: decided, realNameReportIds: ['r1'] },
      due: '2026-10-10',
    },
    {
      what: 'refused, untold',
      c: { ...base, state: 'not_opened', refusal, realNameReportIds: ['r1'] },
      due: '2026-10-10',
    },
    {
      what: 'closed, one of two told',
      c: {
        ...base,
        state: 'closed',
        openedAt: decided,
        reportIds: ['r1', 'r2'],
        realNameReportIds: ['r1', 'r2'],
        reporterNotices: [told('r2')],
      },
      due: '2026-10-10',
    },
    {
      what: 'refused, told',
      c: {
        ...base,
        state: 'not_opened',
        refusal,
        realNameReportIds: ['r1'],
        reporterNotices: [told('r1')],
      },
      due: null,
    },
    { what: 'refused, anonymous', c: { ...base, state: 'not_opened', refusal }, due: null },
    {
      what: 'decided in a year the calendar lacks: 5 calendar days, early rather than late',
      c: {
        ...base,
        state: 'not_opened',
        refusal: { ...refusal, at: new Date('2099-03-02T10:00:00+08:00') },
        realNameReportIds: ['r1'],
      },
      due: '2099-03-07',
    },
  ])('$what → $due', ({ c, due }) => {
    expect(reporterNoticeDueDay(c, calendar)).toBe(due);
    // The same day as the case's own deadline view, wherever the calendar covers it.
    if (due && !due.startsWith('2099'))
      expect(
        deadlinesOf(c, true, calendar, new Date('2026-10-01T12:00:00+08:00')).deadlines
          ?.reporterNotice?.dueDate,
      ).toBe(due);
  });
});

describe('refundOrderFacts: what the order-to-refund forms show', () => {
  const opened: EnforcementCase = {
    ...caseReceivedAt(new Date('2026-02-16T10:00:00+08:00')),
    state: 'investigating',
    openedAt: new Date('2026-03-02T10:00:00+08:00'),
    decisionDueAt: endOfShanghaiDay('2026-05-31'),
  };
  const now = new Date('2026-04-10T16:00:00+08:00');
  it('has no running order before one starts', () => {
    expect(refundOrderFacts(opened, calendar, now)).toEqual({
      decisionDue: '2026-05-31',
      runningSince: null,
      ifEndedToday: null,
    });
  });
  it('counts the running order to today, both ends, and the due day ending it leaves', () => {
    const running = {
      ...opened,
      refundOrderPeriods: [
        { from: new Date('2026-04-01T09:00:00+08:00'), to: null, orderedByUserId: 2 },
      ],
    };
    expect(refundOrderFacts(running, calendar, now)).toEqual({
      decisionDue: '2026-05-31',
      runningSince: '2026-04-01',
      ifEndedToday: { days: 10, decisionDue: '2026-06-10' },
    });
  });
});

describe('the decision deadline without the days of an order to refund', () => {
  // 立案 on 2026-03-02: 90 days end on 2026-05-31, 120 days on 2026-06-30.
  const openedAt = new Date('2026-03-02T10:00:00+08:00');
  const at = (day: string) => new Date(`${day}T10:00:00+08:00`);
  const opened = (changes: Partial<EnforcementCase> = {}): EnforcementCase => ({
    ...caseReceivedAt(new Date('2026-02-16T10:00:00+08:00')),
    state: 'investigating',
    openedAt,
    ...changes,
  });
  const order = (from: string, to: string | null) => ({
    from: at(from),
    to: to === null ? null : at(to),
    orderedByUserId: 2,
  });

  it.each([
    {
      what: 'no order',
      periods: [],
      extended: false,
      now: '2026-04-01',
      due: '2026-05-31',
      off: 0,
    },
    {
      what: 'a 10-day order',
      periods: [order('2026-04-01', '2026-04-10')],
      extended: false,
      now: '2026-04-20',
      due: '2026-06-10',
      off: 10,
    },
    {
      what: 'a 10-day order, extended',
      periods: [order('2026-04-01', '2026-04-10')],
      extended: true,
      now: '2026-04-20',
      due: '2026-07-10',
      off: 10,
    },
    {
      what: 'two orders',
      periods: [order('2026-03-10', '2026-03-14'), order('2026-04-01', '2026-04-03')],
      extended: false,
      now: '2026-04-20',
      due: '2026-06-08',
      off: 8,
    },
    {
      what: 'an order running for 5 days so far',
      periods: [order('2026-04-01', null)],
      extended: false,
      now: '2026-04-05',
      due: '2026-06-05',
      off: 5,
    },
    {
      what: 'the same order a day later',
      periods: [order('2026-04-01', null)],
      extended: false,
      now: '2026-04-06',
      due: '2026-06-06',
      off: 6,
    },
  ])('$what → due $due', ({ periods, extended, now, due, off }) => {
    const c = opened({ refundOrderPeriods: periods, decisionDeadlineExtended: extended });
    const { deadlines } = deadlinesOf(c, false, calendar, at(now));
    expect(deadlines?.caseDecision?.dueDate).toBe(due);
    if (off)
      expect(deadlines?.caseDecision?.basis).toContain(`责令退还多收价款等期间不计入（${off}日）`);
    else expect(deadlines?.caseDecision?.basis).toBe('立案之日起90日');
  });

  it('counts the due date stored at the end of an order the same way', () => {
    const c = opened({ refundOrderPeriods: [order('2026-04-01', null)] });
    expect(decisionDueDayAfterRefundOrder(c, at('2026-04-10'), calendar)).toBe('2026-06-10');
    const extended = { ...c, decisionDeadlineExtended: true };
    expect(decisionDueDayAfterRefundOrder(extended, at('2026-04-10'), calendar)).toBe('2026-07-10');
  });
});
