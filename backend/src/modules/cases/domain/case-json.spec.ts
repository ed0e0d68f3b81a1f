import { describe, expect, it } from 'vitest';
import { caseFromJson, caseToJson } from './case-json';
import type { EnforcementCase } from './case-model';

const at = new Date('2026-02-10T02:03:04.005Z');
const c: EnforcementCase = {
  id: 'c1',
  state: 'decided',
  districtCode: '310112',
  entityId: '91310112YUYU122BX0',
  periods: ['2025-03'],
  reportIds: ['r1'],
  realNameReportIds: ['r1'],
  reporterNotices: [
    { reportId: 'r1', at, method: 'PHONE', byUserId: 7, byRole: 'district_officer' },
  ],
  assigneeUserId: 7,
  registeredAt: at,
  filingDueAt: at,
  filingDeadlineExtended: false,
  correctionWindowEndsAt: at,
  corrections: [{ at, refundedFen: 12n, recordedByUserId: null, recordedByRole: 'entity_user' }],
  openedAt: at,
  decisionDueAt: null,
  decisionDeadlineExtended: false,
  refundOrderPeriods: [{ from: at, to: null, orderedByUserId: 2 }],
  refusal: null,
  decision: {
    at,
    approvedByUserId: 3,
    illegalGainFen: 9007199254740993n,
    refundOrderFen: 5n,
    warning: true,
    fineFen: 0n,
    confiscationFen: 1n,
    serious: false,
  },
  refunds: [],
  transfers: [],
  closedAt: null,
  version: 4,
};

describe('case JSON', () => {
  it('gives back the same case, amounts exact beyond 2^53 and instants as Dates', () => {
    const back = caseFromJson(caseToJson(c));
    expect(back).toEqual(c);
    expect(back.decision?.illegalGainFen).toBe(9007199254740993n);
    expect(back.corrections[0].at).toBeInstanceOf(Date);
  });

  it('reads a case stored before notices and refund orders as one without them', () => {
    const { realNameReportIds, reporterNotices, refundOrderPeriods, ...older } = c;
    expect([realNameReportIds, reporterNotices, refundOrderPeriods].map((x) => x.length)).toEqual([
      1, 1, 1,
    ]);
    const back = caseFromJson(caseToJson(older as EnforcementCase));
    expect(back).toEqual({
      ...c,
      realNameReportIds: [],
      reporterNotices: [],
      refundOrderPeriods: [],
    });
  });
});
