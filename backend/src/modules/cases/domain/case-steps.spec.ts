import { describe, expect, it } from 'vitest';
import { CaseErrorCode } from './case-errors';
import type { CaseAction, CaseActor, EnforcementCase } from './case-model';
import { REFUSAL_REASONS } from './case-reasons';
import { transition, type TransitionResult } from './case-workflow';
import {
  ACTORS,
  caseIn,
  daysLater,
  DISTRICT,
  hoursLater,
  NOW,
  OTHER_DISTRICT,
  VALID_ACTIONS,
} from './testing/case-fixtures';

function ok(result: TransitionResult) {
  if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.message}`);
  return result;
}

const run = (c: EnforcementCase, action: CaseAction, actor: CaseActor, now = NOW) =>
  transition(c, action, actor, now);

describe('the entity’s correction window', () => {
  const windowEnd = caseIn('registered').correctionWindowEndsAt;
  const correction = VALID_ACTIONS.record_correction;

  it.each([
    { when: 'at registration', state: 'registered', now: NOW, code: null },
    { when: 'once assigned', state: 'assigned', now: NOW, code: null },
    { when: 'during verification', state: 'verifying', now: NOW, code: null },
    { when: 'at the last moment of the window', state: 'verifying', now: windowEnd, code: null },
    {
      when: 'a second after the window',
      state: 'verifying',
      now: new Date(windowEnd.getTime() + 1000),
      code: CaseErrorCode.CORRECTION_WINDOW_CLOSED,
    },
    {
      when: 'after 立案',
      state: 'investigating',
      now: NOW,
      code: CaseErrorCode.ACTION_NOT_ALLOWED,
    },
    { when: 'after 不予立案', state: 'not_opened', now: NOW, code: CaseErrorCode.ALREADY_CLOSED },
  ] as const)('a correction $when → $code', ({ state, now, code }) => {
    const result = run(caseIn(state), correction, ACTORS.entity_user, now);
    if (code) return expect(result).toMatchObject({ ok: false, code });
    const done = ok(result);
    expect(done.case.state).toBe(state);
    expect(done.case.corrections).toEqual([
      { at: now, refundedFen: 12_345n, recordedByUserId: 4, recordedByRole: 'entity_user' },
    ]);
    expect(done.event).toMatchObject({
      action: 'record_correction',
      actor: { role: 'entity_user', userId: 4 },
      details: { refunded: '123.45', withinCorrectionWindow: true },
    });
  });

  it('refuses a correction of nothing', () => {
    const zero = { type: 'record_correction', refundedFen: 0n } as const;
    expect(run(caseIn('verifying'), zero, ACTORS.entity_user)).toMatchObject({
      code: CaseErrorCode.INVALID_AMOUNT,
    });
  });

  it('keeps every correction, in order', () => {
    const once = ok(run(caseIn('assigned'), correction, ACTORS.entity_user)).case;
    const twice = ok(run(once, correction, ACTORS.district_officer, hoursLater(1))).case;
    expect(twice.corrections.map((c) => c.recordedByRole)).toEqual([
      'entity_user',
      'district_officer',
    ]);
  });
});

describe('不予立案', () => {
  const refuse = (reason: string) => ({ type: 'refuse', reason }) as CaseAction;
  const corrected = caseIn('verifying', {
    corrections: [
      { at: NOW, refundedFen: 100n, recordedByUserId: 4, recordedByRole: 'entity_user' },
    ],
  });

  it.each([
    { reason: 'NO_VIOLATION', c: caseIn('verifying'), code: null },
    { reason: 'NO_SUBJECTIVE_FAULT', c: caseIn('verifying'), code: null },
    { reason: 'BEYOND_LIMITATION', c: caseIn('verifying'), code: null },
    { reason: 'DUPLICATE_HANDLED', c: caseIn('verifying'), code: null },
    { reason: 'MINOR_CORRECTED_NO_HARM', c: corrected, code: null },
    { reason: 'FIRST_OFFENCE_CORRECTED', c: corrected, code: null },
    {
      reason: 'MINOR_CORRECTED_NO_HARM',
      c: caseIn('verifying'),
      code: CaseErrorCode.CORRECTION_REQUIRED,
    },
    {
      reason: 'FIRST_OFFENCE_CORRECTED',
      c: caseIn('verifying'),
      code: CaseErrorCode.CORRECTION_REQUIRED,
    },
    { reason: 'OUTSIDE_JURISDICTION', c: caseIn('verifying'), code: CaseErrorCode.USE_TRANSFER },
    { reason: 'BECAUSE', c: caseIn('verifying'), code: CaseErrorCode.INVALID_REASON },
  ])('on $reason (corrections: $c.corrections.length) → $code', ({ reason, c, code }) => {
    const result = run(c, refuse(reason), ACTORS.district_lead);
    if (code) return expect(result).toMatchObject({ ok: false, code });
    const done = ok(result);
    expect(done.case.state).toBe('not_opened');
    expect(done.case.refusal).toEqual({ at: NOW, reason, approvedByUserId: 2 });
    expect(done.event.details).toEqual({ reason });
  });

  it('lists every ground with a Chinese label and a legal source', () => {
    for (const reason of REFUSAL_REASONS) {
      expect(reason.code).toMatch(/^[A-Z_]+$/);
      expect(reason.label).toMatch(/[\u4e00-\u9fff]/);
      expect(reason.basis).toMatch(/《.+》/);
    }
  });
});

describe('transfer to another district', () => {
  const transfer = VALID_ACTIONS.transfer;

  it('hands the case to the other district, which starts at registration', () => {
    const done = ok(run(caseIn('verifying'), transfer, ACTORS.district_officer));
    expect(done.case).toMatchObject({
      state: 'registered',
      districtCode: OTHER_DISTRICT,
      assigneeUserId: null,
      filingDueAt: transfer.filingDueAt,
      transfers: [
        { at: NOW, fromDistrict: DISTRICT, toDistrict: OTHER_DISTRICT, reason: transfer.reason },
      ],
    });
    expect(done.event.details).toMatchObject({
      fromDistrict: DISTRICT,
      toDistrict: OTHER_DISTRICT,
    });
    // The sending district's officer can no longer touch it; the receiving one can.
    expect(run(done.case, VALID_ACTIONS.assign, ACTORS.district_officer)).toMatchObject({
      code: CaseErrorCode.OUT_OF_DISTRICT,
    });
    const receiving = { ...ACTORS.district_officer, userId: 30, districtCode: OTHER_DISTRICT };
    expect(run(done.case, VALID_ACTIONS.assign, receiving)).toMatchObject({ ok: true });
  });

  it.each([
    {
      what: 'to its own district',
      change: { toDistrict: DISTRICT },
      code: CaseErrorCode.INVALID_DISTRICT,
    },
    {
      what: 'outside Shanghai',
      change: { toDistrict: '110101' },
      code: CaseErrorCode.INVALID_DISTRICT,
    },
    {
      what: 'without a listed reason',
      change: { reason: 'WHY_NOT' },
      code: CaseErrorCode.INVALID_REASON,
    },
    {
      what: 'with a deadline already past',
      change: { filingDueAt: NOW },
      code: CaseErrorCode.INVALID_DEADLINE,
    },
  ])('refuses a transfer $what', ({ change, code }) => {
    const action = { ...transfer, ...change } as CaseAction;
    expect(run(caseIn('assigned'), action, ACTORS.district_officer)).toMatchObject({
      ok: false,
      code,
    });
  });
});

describe('deadline extensions (approved by the lead, once each)', () => {
  it('moves the filing deadline once, forward and by no more than 15 working days can span', () => {
    const c = caseIn('verifying');
    const later = {
      type: 'extend_filing_deadline',
      newDueAt: daysLater(15, c.filingDueAt),
    } as const;
    const done = ok(run(c, later, ACTORS.district_lead));
    expect(done.case).toMatchObject({ filingDueAt: later.newDueAt, filingDeadlineExtended: true });
    expect(run(done.case, later, ACTORS.district_lead)).toMatchObject({
      code: CaseErrorCode.ALREADY_EXTENDED,
    });
    for (const newDueAt of [
      c.filingDueAt,
      daysLater(-1, c.filingDueAt),
      daysLater(32, c.filingDueAt),
    ])
      expect(
        run(c, { type: 'extend_filing_deadline', newDueAt }, ACTORS.district_lead),
      ).toMatchObject({
        code: CaseErrorCode.INVALID_DEADLINE,
      });
  });

  it('gives 90 days from 立案 and 30 more once', () => {
    const opened = ok(run(caseIn('verifying'), VALID_ACTIONS.open_case, ACTORS.district_lead)).case;
    expect(opened).toMatchObject({ openedAt: NOW, decisionDueAt: daysLater(90) });
    const extended = ok(
      run(opened, VALID_ACTIONS.extend_decision_deadline, ACTORS.district_lead),
    ).case;
    expect(extended).toMatchObject({
      decisionDueAt: daysLater(120),
      decisionDeadlineExtended: true,
    });
    expect(
      run(extended, VALID_ACTIONS.extend_decision_deadline, ACTORS.district_lead),
    ).toMatchObject({
      code: CaseErrorCode.ALREADY_EXTENDED,
    });
  });
});

describe('assigning', () => {
  it('moves a registered case to assigned and reassigns later without moving it', () => {
    const assigned = ok(
      run(caseIn('registered'), { type: 'assign', assigneeUserId: 9 }, ACTORS.district_lead),
    );
    expect(assigned.case).toMatchObject({ state: 'assigned', assigneeUserId: 9 });
    const again = ok(
      run(caseIn('investigating'), { type: 'assign', assigneeUserId: 9 }, ACTORS.district_lead),
    );
    expect(again.event).toMatchObject({ from: 'investigating', to: 'investigating' });
    expect(again.event.details).toEqual({ assigneeUserId: 9, previousAssigneeUserId: 3 });
    expect(
      run(caseIn('registered'), { type: 'assign', assigneeUserId: 0 }, ACTORS.district_lead),
    ).toMatchObject({
      code: CaseErrorCode.INVALID_ASSIGNEE,
    });
  });
});

describe('telling a real-name reporter the filing decision (告知)', () => {
  const told = (reportId = 'R-0001', method = 'PHONE') =>
    ({ type: 'record_reporter_notice', reportId, method }) as CaseAction;

  it.each([
    { when: 'after 立案', state: 'investigating' },
    { when: 'after 不予立案', state: 'not_opened' },
    { when: 'after the decision', state: 'decided' },
    { when: 'after 办结', state: 'closed' },
  ] as const)('is recorded $when with who, when and how, keeping the state', ({ state }) => {
    const done = ok(run(caseIn(state), told('R-0001', 'LETTER'), ACTORS.district_officer));
    expect(done.case.state).toBe(state);
    expect(done.case.reporterNotices).toEqual([
      { reportId: 'R-0001', at: NOW, method: 'LETTER', byUserId: 3, byRole: 'district_officer' },
    ]);
    expect(done.event.details).toEqual({
      reportId: 'R-0001',
      method: 'LETTER',
      filingDecision: state === 'not_opened' ? 'not_opened' : 'opened',
    });
  });

  const anonymous = caseIn('investigating', {
    reportIds: ['R-0001', 'R-0002'],
    realNameReportIds: ['R-0001'],
  });
  it.each([
    {
      what: 'before the decision on 立案',
      c: caseIn('verifying'),
      action: told(),
      code: CaseErrorCode.ACTION_NOT_ALLOWED,
    },
    {
      what: 'for an anonymous report',
      c: anonymous,
      action: told('R-0002'),
      code: CaseErrorCode.NOTICE_NOT_REQUIRED,
    },
    {
      what: 'for a report of another case',
      c: anonymous,
      action: told('R-9999'),
      code: CaseErrorCode.INVALID_REPORT,
    },
    {
      what: 'by an unknown method',
      c: anonymous,
      action: told('R-0001', 'PIGEON'),
      code: CaseErrorCode.INVALID_NOTICE_METHOD,
    },
    {
      what: 'twice for one report',
      c: caseIn('investigating', {
        reporterNotices: [
          { reportId: 'R-0001', at: NOW, method: 'SMS', byUserId: 3, byRole: 'district_officer' },
        ],
      }),
      action: told(),
      code: CaseErrorCode.ALREADY_NOTIFIED,
    },
  ])('is refused $what → $code', ({ c, action, code }) => {
    expect(run(c, action, ACTORS.district_officer)).toMatchObject({ ok: false, code });
  });

  it('has no step at all in a case of anonymous reports only', () => {
    const c = caseIn('not_opened', { realNameReportIds: [] });
    expect(run(c, told(), ACTORS.district_lead)).toMatchObject({
      ok: false,
      code: CaseErrorCode.NOTICE_NOT_REQUIRED,
    });
  });

  it.each([
    { realName: true, expected: ['R-0001', 'R-0002'] },
    { realName: false, expected: ['R-0001'] },
    { realName: undefined, expected: ['R-0001'] },
  ])(
    'a merged report with realName $realName joins the reporters to tell: $expected',
    ({ realName, expected }) => {
      const merge = { ...VALID_ACTIONS.merge, realName };
      const done = ok(run(caseIn('verifying'), merge, ACTORS.system));
      expect(done.case.realNameReportIds).toEqual(expected);
      expect(done.event.details.anonymous).toBe(!realName);
    },
  );
});

describe('an order to refund (责令退还) stops the decision clock', () => {
  const suspend = { type: 'suspend_for_refund_order' } as const;
  const resume = (decisionDueAt: Date) =>
    ({ type: 'resume_after_refund_order', decisionDueAt }) as const;
  const investigating = caseIn('investigating'); // decision due daysLater(60)
  const running = (from = daysLater(-5)) =>
    caseIn('investigating', { refundOrderPeriods: [{ from, to: null, orderedByUserId: 2 }] });

  it('starts with the lead’s order and ends with the new due date the caller counted', () => {
    const started = ok(run(investigating, suspend, ACTORS.district_lead));
    expect(started.case.refundOrderPeriods).toEqual([{ from: NOW, to: null, orderedByUserId: 2 }]);
    expect(started.case.state).toBe('investigating');
    const ended = ok(
      run(started.case, resume(daysLater(70)), ACTORS.district_officer, daysLater(10)),
    );
    expect(ended.case.refundOrderPeriods).toEqual([
      { from: NOW, to: daysLater(10), orderedByUserId: 2 },
    ]);
    expect(ended.case.decisionDueAt).toEqual(daysLater(70));
    expect(ended.event.details).toMatchObject({
      previousDueAt: daysLater(60).toISOString(),
      decisionDueAt: daysLater(70).toISOString(),
    });
  });

  it.each([
    {
      what: 'a second order while one runs',
      c: running(),
      action: suspend,
      who: 'district_lead',
      code: CaseErrorCode.REFUND_ORDER_ALREADY_RUNNING,
    },
    {
      what: 'an end with none running',
      c: investigating,
      action: resume(daysLater(70)),
      who: 'district_officer',
      code: CaseErrorCode.REFUND_ORDER_NOT_RUNNING,
    },
    {
      what: 'an end that brings the deadline forward',
      c: running(),
      action: resume(daysLater(59)),
      who: 'district_officer',
      code: CaseErrorCode.INVALID_DEADLINE,
    },
    {
      what: 'an order by an officer (the lead approves it)',
      c: investigating,
      action: suspend,
      who: 'district_officer',
      code: CaseErrorCode.FORBIDDEN_ROLE,
    },
    {
      what: 'an order before 立案',
      c: caseIn('verifying'),
      action: suspend,
      who: 'district_lead',
      code: CaseErrorCode.ACTION_NOT_ALLOWED,
    },
    {
      what: 'an order after the decision',
      c: caseIn('decided'),
      action: suspend,
      who: 'district_lead',
      code: CaseErrorCode.ACTION_NOT_ALLOWED,
    },
  ] as const)('refuses $what → $code', ({ c, action, who, code }) => {
    expect(run(c, action, ACTORS[who])).toMatchObject({ ok: false, code });
  });

  it('keeps earlier periods and allows a new order once the last one ended', () => {
    const ended = caseIn('investigating', {
      refundOrderPeriods: [{ from: daysLater(-20), to: daysLater(-10), orderedByUserId: 2 }],
    });
    const again = ok(run(ended, suspend, ACTORS.city_admin));
    expect(again.case.refundOrderPeriods.map((p) => p.to)).toEqual([daysLater(-10), null]);
  });

  it('ends an order still running when the decision is made', () => {
    const decided = ok(
      run(running(), VALID_ACTIONS.record_decision, ACTORS.district_lead, daysLater(3)),
    );
    expect(decided.case.refundOrderPeriods).toEqual([
      { from: daysLater(-5), to: daysLater(3), orderedByUserId: 2 },
    ]);
  });
});
