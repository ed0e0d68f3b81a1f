import { describe, expect, it } from 'vitest';
import { CaseErrorCode } from './case-errors';
import {
  CASE_STATES,
  SYSTEM_ACTOR,
  type CaseAction,
  type CaseActionType,
  type CaseState,
  type EnforcementCase,
} from './case-model';
import { registerCase, transition, type TransitionResult } from './case-workflow';
import {
  ACTION_TYPES,
  ACTOR_FOR,
  ACTORS,
  caseIn,
  daysLater,
  DISTRICT,
  ENTITY,
  NOW,
  prepareFor,
  T1,
  T2,
  VALID_ACTIONS,
} from './testing/case-fixtures';

/*
 * Every action in every state. A cell is the state the step leads to, or why it is refused:
 *   ×   CASE.ACTION_NOT_ALLOWED   (the action does not apply in this state)
 *   fin CASE.ALREADY_CLOSED       (closed or not opened: nothing applies)
 *   own CASE.NOT_OWN_REFUND       (a tenant asks about a case that ordered it no refund)
 * Columns: registered, assigned, verifying, investigating, decided, refund_supervision, closed,
 * not_opened. Written out by hand, not derived from the workflow's own table.
 */
type Cell = CaseState | '×' | 'fin' | 'own';
const MATRIX: Record<CaseActionType, Cell[]> = {
  // prettier-ignore
  assign:                    ['assigned', 'assigned', 'verifying', 'investigating', '×', '×', 'fin', 'fin'],
  // prettier-ignore
  start_verification:        ['×', 'verifying', '×', '×', '×', '×', 'fin', 'fin'],
  // prettier-ignore
  record_correction:         ['registered', 'assigned', 'verifying', '×', '×', '×', 'fin', 'fin'],
  // prettier-ignore
  extend_filing_deadline:    ['registered', 'assigned', 'verifying', '×', '×', '×', 'fin', 'fin'],
  // prettier-ignore
  open_case:                 ['×', '×', 'investigating', '×', '×', '×', 'fin', 'fin'],
  // prettier-ignore
  refuse:                    ['×', '×', 'not_opened', '×', '×', '×', 'fin', 'fin'],
  // prettier-ignore
  transfer:                  ['registered', 'registered', 'registered', '×', '×', '×', 'fin', 'fin'],
  // prettier-ignore
  extend_decision_deadline:  ['×', '×', '×', 'investigating', '×', '×', 'fin', 'fin'],
  // prettier-ignore
  suspend_for_refund_order:  ['×', '×', '×', 'investigating', '×', '×', 'fin', 'fin'],
  // prettier-ignore
  resume_after_refund_order: ['×', '×', '×', 'investigating', '×', '×', 'fin', 'fin'],
  // prettier-ignore
  record_decision:           ['×', '×', '×', 'decided', '×', '×', 'fin', 'fin'],
  // prettier-ignore
  start_refund_supervision:  ['×', '×', '×', '×', 'refund_supervision', '×', 'fin', 'fin'],
  // prettier-ignore
  record_refund:             ['×', '×', '×', '×', '×', 'refund_supervision', 'fin', 'fin'],
  // prettier-ignore
  confirm_refund:            ['own', 'own', 'own', 'own', '×', 'refund_supervision', 'fin', 'own'],
  // prettier-ignore
  mark_refund_unconfirmable: ['×', '×', '×', '×', '×', 'refund_supervision', 'fin', 'fin'],
  // prettier-ignore
  close:                     ['×', '×', '×', '×', 'closed', 'closed', 'fin', 'fin'],
  // prettier-ignore
  merge:                     ['registered', 'assigned', 'verifying', 'investigating', 'decided', 'refund_supervision', 'fin', 'fin'],
  // Telling the reporter follows the decision on 立案, so it is recorded after 不予立案 and 办结 too.
  // prettier-ignore
  record_reporter_notice:    ['×', '×', '×', 'investigating', 'decided', 'refund_supervision', 'closed', 'not_opened'],
};

const CODES = {
  '×': CaseErrorCode.ACTION_NOT_ALLOWED,
  fin: CaseErrorCode.ALREADY_CLOSED,
  own: CaseErrorCode.NOT_OWN_REFUND,
} as const;

const cells = ACTION_TYPES.flatMap((action) =>
  CASE_STATES.map((state, i) => ({ action, state, cell: MATRIX[action][i] })),
);

function expectOk(result: TransitionResult): Extract<TransitionResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.message}`);
  return result;
}

describe('the workflow, every action in every state', () => {
  it('has a row for every action and a column for every state', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...ACTION_TYPES].sort());
    for (const row of Object.values(MATRIX)) expect(row).toHaveLength(CASE_STATES.length);
  });

  it.each(cells)('$action in $state → $cell', ({ action, state, cell }) => {
    const before = prepareFor(action, caseIn(state));
    const result = transition(before, VALID_ACTIONS[action], ACTOR_FOR(action), NOW);
    if (cell in CODES) {
      expect(result).toMatchObject({ ok: false, code: CODES[cell as keyof typeof CODES] });
      expect((result as { message: string }).message).toMatch(/[\u4e00-\u9fff]/);
      return;
    }
    const { case: next, event } = expectOk(result);
    expect(next.state).toBe(cell);
    expect(next.version).toBe(before.version + 1);
    expect(event).toMatchObject({
      caseId: before.id,
      action,
      at: NOW,
      from: state,
      to: cell,
      actor: { userId: ACTOR_FOR(action).userId, role: ACTOR_FOR(action).role },
    });
  });
});

describe('transition results', () => {
  it('leaves the case it was given untouched', () => {
    const before = caseIn('investigating');
    const copy = structuredClone(before);
    expectOk(transition(before, VALID_ACTIONS.record_decision, ACTORS.district_lead, NOW));
    expect(before).toEqual(copy);
  });

  it('puts only ids, codes and amounts into event details, all JSON-serialisable', () => {
    const done = expectOk(
      transition(caseIn('investigating'), VALID_ACTIONS.record_decision, ACTORS.district_lead, NOW),
    );
    expect(JSON.parse(JSON.stringify(done.event.details))).toEqual({
      illegalGain: '1000.00',
      refundOrdered: '1000.00',
      refundTenants: 2,
      warning: true,
      fine: '500.00',
      confiscation: '0.00',
      serious: false,
    });
  });

  it('runs a report from registration to 办结 and records every step', () => {
    const steps: Array<[CaseAction, keyof typeof ACTORS | 'tenant2']> = [
      [{ type: 'assign', assigneeUserId: 3 }, 'district_officer'],
      [{ type: 'start_verification' }, 'district_officer'],
      [{ type: 'open_case' }, 'district_lead'],
      [VALID_ACTIONS.record_decision, 'district_lead'],
      [{ type: 'start_refund_supervision' }, 'district_officer'],
      [{ type: 'record_refund', tenantId: T1, amountFen: 20_000n }, 'district_officer'],
      [{ type: 'record_refund', tenantId: T1, amountFen: 40_000n }, 'district_officer'],
      [{ type: 'record_refund', tenantId: T2, amountFen: 40_000n }, 'district_officer'],
      [{ type: 'confirm_refund', tenantId: T1 }, 'tenant'],
      [{ type: 'confirm_refund', tenantId: T2 }, 'tenant2'],
      [{ type: 'close' }, 'district_officer'],
    ];
    const registered = expectOk(
      registerCase(
        {
          id: 'C-9',
          reportId: 'R-9',
          districtCode: DISTRICT,
          entityId: ENTITY,
          periods: ['2025-04', '2025-03', '2025-04'],
          filingDueAt: daysLater(21),
          correctionWindowEndsAt: daysLater(21),
        },
        SYSTEM_ACTOR,
        NOW,
      ),
    );
    expect(registered.case.periods).toEqual(['2025-03', '2025-04']);
    let c: EnforcementCase = registered.case;
    const trail = [`${registered.event.from}→${registered.event.to}`];
    steps.forEach(([action, who], i) => {
      const actor = who === 'tenant2' ? { ...ACTORS.tenant, tenantId: T2 } : ACTORS[who];
      const done = expectOk(transition(c, action, actor, daysLater(i + 1)));
      trail.push(`${done.event.from}→${done.event.to}`);
      c = done.case;
    });
    expect(trail).toEqual([
      'null→registered',
      'registered→assigned',
      'assigned→verifying',
      'verifying→investigating',
      'investigating→decided',
      'decided→refund_supervision',
      ...Array(5).fill('refund_supervision→refund_supervision'),
      'refund_supervision→closed',
    ]);
    expect(c.version).toBe(1 + steps.length);
    expect(c.closedAt).toEqual(daysLater(steps.length));
    expect(c.refunds.map((r) => r.status)).toEqual(['confirmed', 'confirmed']);
  });
});

describe('registering a case', () => {
  const input = {
    id: 'C-1',
    reportId: 'R-1',
    districtCode: DISTRICT,
    entityId: ENTITY,
    periods: ['2025-03'],
    filingDueAt: daysLater(21),
    correctionWindowEndsAt: daysLater(21),
  };

  it.each([
    { who: 'the system', actor: SYSTEM_ACTOR, code: null },
    { who: 'an officer of the district', actor: ACTORS.district_officer, code: null },
    { who: 'the city', actor: ACTORS.city_admin, code: null },
    { who: 'a tenant', actor: ACTORS.tenant, code: CaseErrorCode.FORBIDDEN_ROLE },
    { who: 'an entity user', actor: ACTORS.entity_user, code: CaseErrorCode.FORBIDDEN_ROLE },
    {
      who: 'an officer of another district',
      actor: { ...ACTORS.district_officer, districtCode: '310104' },
      code: CaseErrorCode.OUT_OF_DISTRICT,
    },
  ])('by $who → $code', ({ actor, code }) => {
    const result = registerCase(input, actor, NOW);
    if (code === null) expect(expectOk(result).case.state).toBe('registered');
    else expect(result).toMatchObject({ ok: false, code });
  });

  it.each([
    {
      what: 'a district outside Shanghai',
      change: { districtCode: '110101' },
      code: 'CASE.INVALID_DISTRICT',
    },
    { what: 'no months', change: { periods: [] }, code: 'CASE.INVALID_PERIOD' },
    { what: 'a malformed month', change: { periods: ['2025-13'] }, code: 'CASE.INVALID_PERIOD' },
  ])('refuses $what', ({ change, code }) => {
    expect(registerCase({ ...input, ...change }, SYSTEM_ACTOR, NOW)).toMatchObject({
      ok: false,
      code,
    });
  });
});
