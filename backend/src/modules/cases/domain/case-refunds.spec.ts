import { describe, expect, it } from 'vitest';
import { CaseErrorCode } from './case-errors';
import type { CaseAction, CaseActor, EnforcementCase, RefundOrder } from './case-model';
import { transition } from './case-workflow';
import { ACTORS, caseIn, hoursLater, NOW, settleAll, T1, T2 } from './testing/case-fixtures';

const officer = ACTORS.district_officer;
const tenant = (tenantId: string): CaseActor => ({ ...ACTORS.tenant, tenantId });

/** Runs steps in order; returns the last result. */
function steps(c: EnforcementCase, list: Array<[CaseAction, CaseActor]>) {
  let current = c;
  let last = null as ReturnType<typeof transition> | null;
  list.forEach(([action, actor], i) => {
    last = transition(current, action, actor, hoursLater(i));
    if (last.ok) current = last.case;
  });
  return { last: last!, case: current };
}

const order = (tenantId: string, status: RefundOrder['status'], recordedFen = 0n): RefundOrder => ({
  tenantId,
  orderedFen: 60_000n,
  recordedFen,
  status,
  settledAt: null,
  unconfirmableReason: null,
});

describe('refund supervision', () => {
  it('records a refund in parts and marks it recorded once the order is paid', () => {
    const { case: c } = steps(caseIn('refund_supervision'), [
      [{ type: 'record_refund', tenantId: T2, amountFen: 15_000n }, officer],
    ]);
    expect(c.refunds[1]).toMatchObject({ recordedFen: 15_000n, status: 'outstanding' });
    const done = transition(
      c,
      { type: 'record_refund', tenantId: T2, amountFen: 25_000n },
      officer,
      NOW,
    );
    expect(done).toMatchObject({
      ok: true,
      event: {
        details: { tenantId: T2, amount: '250.00', recordedTotal: '400.00', status: 'recorded' },
      },
    });
  });

  it.each([
    {
      what: 'more than ordered',
      action: { type: 'record_refund', tenantId: T2, amountFen: 40_001n },
      code: CaseErrorCode.REFUND_EXCEEDS_ORDER,
    },
    {
      what: 'nothing',
      action: { type: 'record_refund', tenantId: T2, amountFen: 0n },
      code: CaseErrorCode.INVALID_AMOUNT,
    },
    {
      what: 'for a tenant not ordered',
      action: { type: 'record_refund', tenantId: 'X', amountFen: 1n },
      code: CaseErrorCode.REFUND_NOT_ORDERED,
    },
    {
      what: 'on an order already paid',
      action: { type: 'record_refund', tenantId: T1, amountFen: 1n },
      code: CaseErrorCode.REFUND_ALREADY_SETTLED,
    },
    {
      what: 'unconfirmable before it is paid',
      action: { type: 'mark_refund_unconfirmable', tenantId: T2, reason: 'TENANT_UNREACHABLE' },
      code: CaseErrorCode.REFUND_NOT_RECORDED,
    },
    {
      what: 'unconfirmable without a listed reason',
      action: { type: 'mark_refund_unconfirmable', tenantId: T1, reason: 'BORED' },
      code: CaseErrorCode.INVALID_REASON,
    },
  ])('refuses recording $what', ({ action, code }) => {
    const result = transition(caseIn('refund_supervision'), action as CaseAction, officer, NOW);
    expect(result).toMatchObject({ ok: false, code });
  });

  it('lets the tenant confirm only a refund paid in full, once', () => {
    const c = caseIn('refund_supervision');
    expect(transition(c, { type: 'confirm_refund', tenantId: T2 }, tenant(T2), NOW)).toMatchObject({
      code: CaseErrorCode.REFUND_NOT_RECORDED,
    });
    const confirmed = transition(c, { type: 'confirm_refund', tenantId: T1 }, tenant(T1), NOW);
    expect(confirmed.ok && confirmed.case.refunds[0]).toMatchObject({
      status: 'confirmed',
      settledAt: NOW,
    });
    if (!confirmed.ok) throw new Error(confirmed.message);
    expect(
      transition(confirmed.case, { type: 'confirm_refund', tenantId: T1 }, tenant(T1), NOW),
    ).toMatchObject({
      code: CaseErrorCode.REFUND_ALREADY_SETTLED,
    });
  });
});

describe('办结 only when every ordered refund is settled', () => {
  it.each([
    { refunds: [order(T1, 'outstanding'), order(T2, 'outstanding')], outstanding: 2 },
    {
      refunds: [order(T1, 'outstanding', 59_999n), order(T2, 'confirmed', 60_000n)],
      outstanding: 1,
    },
    { refunds: [order(T1, 'recorded', 60_000n), order(T2, 'confirmed', 60_000n)], outstanding: 1 },
    {
      refunds: [order(T1, 'confirmed', 60_000n), order(T2, 'unconfirmable', 60_000n)],
      outstanding: 0,
    },
    { refunds: [order(T1, 'unconfirmable', 60_000n)], outstanding: 0 },
  ])(
    'with refunds $refunds.0.status/$refunds.1.status → outstanding $outstanding',
    ({ refunds, outstanding }) => {
      const result = transition(
        caseIn('refund_supervision', { refunds }),
        { type: 'close' },
        officer,
        NOW,
      );
      if (outstanding === 0) {
        expect(result).toMatchObject({ ok: true, case: { state: 'closed', closedAt: NOW } });
      } else {
        expect(result).toMatchObject({ ok: false, code: CaseErrorCode.REFUNDS_OUTSTANDING });
        expect((result as { message: string }).message).toContain(`${outstanding} 笔`);
      }
    },
  );

  it('closes a decision without refund orders straight away, but not one with orders', () => {
    const warningOnly = caseIn('decided', { refunds: [] });
    expect(transition(warningOnly, { type: 'close' }, officer, NOW)).toMatchObject({ ok: true });
    expect(transition(caseIn('decided'), { type: 'close' }, officer, NOW)).toMatchObject({
      code: CaseErrorCode.REFUNDS_OUTSTANDING,
    });
    expect(
      transition(warningOnly, { type: 'start_refund_supervision' }, officer, NOW),
    ).toMatchObject({
      code: CaseErrorCode.NO_REFUNDS_ORDERED,
    });
  });

  it('counts how the refunds were settled in the closing event', () => {
    const c = caseIn('refund_supervision', {
      refunds: [
        order(T1, 'unconfirmable', 60_000n),
        ...settleAll(caseIn('decided')).refunds.slice(1),
      ],
    });
    const done = transition(c, { type: 'close' }, officer, NOW);
    expect(done.ok && done.event.details).toEqual({ refundsConfirmed: 1, refundsUnconfirmable: 1 });
  });
});
