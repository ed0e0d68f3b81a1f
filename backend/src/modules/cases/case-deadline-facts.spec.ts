import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../calendar';
import { SHIPPED_YEARS } from '../calendar/shipped-calendar';
import {
  deadlinesOf,
  endOfShanghaiDay,
  filingDueDayIfCovered,
  provisionalFilingDueAt,
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
