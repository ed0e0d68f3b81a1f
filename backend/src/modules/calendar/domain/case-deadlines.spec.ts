import { describe, expect, it } from 'vitest';
import { SHIPPED_YEARS } from '../shipped-calendar';
import { CalendarYearNotCoveredError } from './calendar-errors';
import { caseDeadlines, urgentDeadline, type CaseDeadlineFacts } from './case-deadlines';
import { WorkingCalendar } from './working-calendar';

const calendar = new WorkingCalendar(SHIPPED_YEARS);
/** 10:00 in Shanghai on that day. */
const at = (day: string) => new Date(`${day}T10:00:00+08:00`);

const report = (over: Partial<CaseDeadlineFacts> = {}): CaseDeadlineFacts => ({
  receivedAt: '2025-01-24',
  filingExtended: false,
  filingDecidedAt: null,
  realName: true,
  openedAt: null,
  decisionExtended: false,
  suspensions: [],
  ...over,
});

describe('filing decision: 15 working days from receipt, 30 with approval', () => {
  it.each([
    ['2025-01-24', false, '2025-02-20', 'Spring Festival 2025 and its make-up weekend days'],
    ['2025-01-24', true, '2025-03-13', 'extended, across Spring Festival 2025'],
    ['2025-09-26', false, '2025-10-23', 'National Day 2025 and its make-up weekend days'],
    ['2026-02-13', false, '2026-03-12', 'Spring Festival 2026 and its make-up Saturdays'],
    ['2025-12-24', false, '2026-01-15', 'the 2025/2026 year boundary'],
  ])('received %s, extended %s → due %s (%s)', (receivedAt, filingExtended, due) => {
    const d = caseDeadlines(report({ receivedAt, filingExtended }), calendar, at(receivedAt));
    expect(d.filingDecision.dueDate).toBe(due);
    expect(d.filingDecision.basis).toContain(filingExtended ? '30个工作日' : '15个工作日');
  });

  it.each([
    ['2025-02-14', 'ok', 6, 4],
    ['2025-02-17', 'due_soon', 3, 3],
    ['2025-02-20', 'due_soon', 0, 0],
    ['2025-02-21', 'overdue', -1, -1],
    ['2025-02-24', 'overdue', -4, -2],
  ])('as of %s it is %s (%i days, %i working days left)', (today, state, days, working) => {
    const d = caseDeadlines(report(), calendar, at(today)).filingDecision;
    expect(d).toMatchObject({ state, daysLeft: days, workingDaysLeft: working });
  });

  it('takes the due-soon threshold as a parameter', () => {
    const d = caseDeadlines(report(), calendar, at('2025-02-14'), { dueSoonWorkingDays: 4 });
    expect(d.filingDecision.state).toBe('due_soon');
  });

  it('reads a timestamp as its Shanghai day', () => {
    // 2025-01-26T16:30Z is 00:30 on Monday 2025-01-27 in Shanghai: counting starts 2025-02-05.
    const d = caseDeadlines(
      report({ receivedAt: new Date('2025-01-26T16:30:00Z') }),
      calendar,
      at('2025-01-27'),
    );
    expect(d.filingDecision.dueDate).toBe('2025-02-24');
    expect(d.asOf).toBe('2025-01-27');
  });

  it('is met when decided, late only after the due date', () => {
    const inTime = caseDeadlines(
      report({ filingDecidedAt: '2025-02-20' }),
      calendar,
      at('2025-03-10'),
    );
    expect(inTime.filingDecision).toMatchObject({
      state: 'met',
      late: false,
      completedAt: '2025-02-20',
      daysLeft: 0,
    });
    const late = caseDeadlines(
      report({ filingDecidedAt: '2025-02-21' }),
      calendar,
      at('2025-03-10'),
    );
    expect(late.filingDecision).toMatchObject({ state: 'met', late: true });
  });

  it('is an error, never a weekday guess, when the period reaches an unloaded year', () => {
    const f = () => caseDeadlines(report({ receivedAt: '2026-12-20' }), calendar, at('2026-12-21'));
    expect(f).toThrow(CalendarYearNotCoveredError);
    expect(f).toThrow('2027 年的法定节假日安排尚未载入');
  });
});

describe('reporter notice: 5 working days after the filing decision, real names only', () => {
  it('counts the make-up Sunday before National Day 2025', () => {
    // 9-24, 9-25, 9-26, Sunday 9-28 (worked), 9-29: plain weekdays would say 9-30.
    const d = caseDeadlines(
      report({ receivedAt: '2025-09-15', filingDecidedAt: '2025-09-23' }),
      calendar,
      at('2025-09-25'),
    );
    expect(d.reporterNotice).toMatchObject({ dueDate: '2025-09-29', state: 'due_soon' });
  });

  it('crosses National Day 2025 and its make-up Saturday', () => {
    const d = caseDeadlines(
      report({
        receivedAt: '2025-09-26',
        filingDecidedAt: '2025-09-30',
        reporterNotifiedAt: '2025-10-15',
      }),
      calendar,
      at('2025-10-20'),
    );
    expect(d.reporterNotice).toMatchObject({ dueDate: '2025-10-14', state: 'met', late: true });
  });

  it('does not apply to an anonymous reporter or before the decision', () => {
    const anonymous = report({ realName: false, filingDecidedAt: '2025-02-10' });
    expect(caseDeadlines(anonymous, calendar, at('2025-02-10')).reporterNotice).toBeNull();
    expect(caseDeadlines(report(), calendar, at('2025-02-10')).reporterNotice).toBeNull();
  });
});

describe('case decision: 90 days from 立案, 120 with approval, refund orders not counted', () => {
  const opened = report({
    receivedAt: '2025-11-20',
    filingDecidedAt: '2025-12-01',
    openedAt: '2025-12-01',
  });
  const refund = { from: '2026-01-10', to: '2026-01-19', reason: '责令退还多收价款' };

  it.each([
    [false, [], '2026-03-01', '立案之日起90日'],
    [false, [refund], '2026-03-11', '不计入（10日）'],
    [true, [], '2026-03-31', '经批准延长30日'],
    [true, [refund], '2026-04-10', '不计入（10日）'],
  ])('extended %s, suspensions %j → %s', (decisionExtended, suspensions, due, basis) => {
    const d = caseDeadlines(
      { ...opened, decisionExtended, suspensions },
      calendar,
      at('2026-01-05'),
    );
    expect(d.caseDecision?.dueDate).toBe(due);
    expect(d.caseDecision?.basis).toContain(basis);
  });

  it('moves day by day while a refund order runs, keeping the days left', () => {
    const running = { ...opened, suspensions: [{ from: '2026-01-10', to: null }] };
    const a = caseDeadlines(running, calendar, at('2026-01-20')).caseDecision;
    const b = caseDeadlines(running, calendar, at('2026-01-21')).caseDecision;
    expect(a?.dueDate).toBe('2026-03-12');
    expect(b?.dueDate).toBe('2026-03-13');
    expect(a?.daysLeft).toBe(b?.daysLeft);
  });

  it('is absent until a case is opened', () => {
    expect(caseDeadlines(report(), calendar, at('2025-01-27')).caseDecision).toBeNull();
  });

  it('keeps an exact due date and state when it lies in an unloaded year', () => {
    const late2026 = report({
      receivedAt: '2026-11-10',
      filingDecidedAt: '2026-11-20',
      openedAt: '2026-11-20',
    });
    const d = caseDeadlines(late2026, calendar, at('2026-11-30')).caseDecision;
    expect(d).toMatchObject({
      dueDate: '2027-02-18',
      daysLeft: 80,
      workingDaysLeft: null,
      state: 'ok',
    });
  });

  it('refuses to guess whether it is due soon when the next working days are unloaded', () => {
    const d = report({
      receivedAt: '2026-09-20',
      filingDecidedAt: '2026-10-04',
      openedAt: '2026-10-04',
    });
    expect(() => caseDeadlines(d, calendar, at('2026-12-29'))).toThrow(CalendarYearNotCoveredError);
  });
});

describe('urgentDeadline', () => {
  it('puts overdue before due soon, and ignores met deadlines', () => {
    const d = caseDeadlines(
      report({ filingDecidedAt: '2025-02-10', reporterNotifiedAt: null, openedAt: '2025-02-10' }),
      calendar,
      at('2025-02-18'),
    );
    expect(d.filingDecision.state).toBe('met');
    expect(d.reporterNotice?.state).toBe('overdue');
    expect(urgentDeadline(d)?.kind).toBe('reporter_notice');
  });

  it('is null when every deadline is met', () => {
    const d = caseDeadlines(
      report({ realName: false, filingDecidedAt: '2025-02-10' }),
      calendar,
      at('2025-03-01'),
    );
    expect(urgentDeadline(d)).toBeNull();
  });
});
