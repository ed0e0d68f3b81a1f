import { describe, expect, it } from 'vitest';
import { parseScaledOrThrow } from '../../reconciliation/domain/exact';
import { checkDecision, checkFine } from './case-decision';
import { CaseErrorCode } from './case-errors';
import { transition } from './case-workflow';
import { ACTORS, caseIn, NOW, T1, T2, VALID_ACTIONS } from './testing/case-fixtures';

const fen = (yuan: string) => parseScaledOrThrow(yuan, 2);
const FINE = CaseErrorCode.FINE_OUT_OF_BOUNDS;

describe('the fine’s legal bounds (价格违法行为行政处罚规定 §9)', () => {
  it.each([
    // Shanghai cases from domain §3.
    { gain: '32075.71', fine: '32075.71', serious: false, code: null },
    { gain: '47111.67', fine: '18844.67', serious: false, code: null },
    { gain: '459156.00', fine: '229578.00', serious: false, code: null },
    { gain: '1000.00', fine: '5000.00', serious: false, code: null },
    { gain: '1000.00', fine: '5000.01', serious: false, code: FINE },
    { gain: '0.01', fine: '0.05', serious: false, code: null },
    { gain: '0.01', fine: '0.06', serious: false, code: FINE },
    { gain: '1000.00', fine: '0.00', serious: false, code: null },
    // No illegal gain: ¥50k–500k, serious ¥500k–2m.
    { gain: '0.00', fine: '0.00', serious: false, code: null },
    { gain: '0.00', fine: '49999.99', serious: false, code: FINE },
    { gain: '0.00', fine: '50000.00', serious: false, code: null },
    { gain: '0.00', fine: '500000.00', serious: false, code: null },
    { gain: '0.00', fine: '500000.01', serious: false, code: FINE },
    { gain: '0.00', fine: '500000.01', serious: true, code: null },
    { gain: '0.00', fine: '499999.99', serious: true, code: FINE },
    { gain: '0.00', fine: '2000000.00', serious: true, code: null },
    { gain: '0.00', fine: '2000000.01', serious: true, code: FINE },
  ])('gain ¥$gain, fine ¥$fine, serious $serious → $code', ({ gain, fine, serious, code }) => {
    const result = checkFine(fen(fine), fen(gain), serious);
    if (code === null) expect(result).toBeNull();
    else expect(result).toMatchObject({ code, message: expect.stringMatching(/罚款/) });
  });
});

describe('a decision’s amounts', () => {
  const base = VALID_ACTIONS.record_decision;

  it.each([
    { what: 'the valid fixture', change: {}, code: null },
    {
      what: 'refunds and confiscation exactly the gain',
      change: { confiscationFen: 0n, illegalGainFen: 100_000n },
      code: null,
    },
    {
      what: 'what cannot be refunded confiscated',
      change: { illegalGainFen: 150_000n, confiscationFen: 50_000n },
      code: null,
    },
    {
      what: 'refunds and confiscation above the gain',
      change: { illegalGainFen: 100_000n, confiscationFen: 1n },
      code: CaseErrorCode.AMOUNTS_EXCEED_GAIN,
    },
    {
      what: 'a fine above 5× the gain',
      change: { fineFen: 500_001n },
      code: CaseErrorCode.FINE_OUT_OF_BOUNDS,
    },
    { what: 'a negative fine', change: { fineFen: -1n }, code: CaseErrorCode.INVALID_AMOUNT },
    {
      what: 'a negative gain',
      change: { illegalGainFen: -1n },
      code: CaseErrorCode.INVALID_AMOUNT,
    },
    {
      what: 'a tenant ordered twice',
      change: {
        refundOrders: [
          { tenantId: T1, amountFen: 1n },
          { tenantId: T1, amountFen: 2n },
        ],
      },
      code: CaseErrorCode.INVALID_AMOUNT,
    },
    {
      what: 'an order of nothing',
      change: { refundOrders: [{ tenantId: T1, amountFen: 0n }] },
      code: CaseErrorCode.INVALID_AMOUNT,
    },
    {
      what: 'an order without a tenant',
      change: { refundOrders: [{ tenantId: ' ', amountFen: 5n }] },
      code: CaseErrorCode.INVALID_AMOUNT,
    },
    {
      what: 'a warning alone',
      change: { refundOrders: [], fineFen: 0n, confiscationFen: 0n, warning: true },
      code: null,
    },
    {
      what: 'nothing at all',
      change: { refundOrders: [], fineFen: 0n, confiscationFen: 0n, warning: false },
      code: CaseErrorCode.EMPTY_DECISION,
    },
  ])('$what → $code', ({ change, code }) => {
    const result = checkDecision({ ...base, ...change });
    if (code === null) expect(result).toBeNull();
    else expect(result).toMatchObject({ ok: false, code });
  });

  it('turns the refund orders into outstanding refunds to supervise', () => {
    const done = transition(caseIn('investigating'), base, ACTORS.district_lead, NOW);
    expect(done.ok && done.case.decision).toMatchObject({
      refundOrderFen: 100_000n,
      fineFen: 50_000n,
    });
    expect(done.ok && done.case.refunds).toEqual([
      {
        tenantId: T1,
        orderedFen: 60_000n,
        recordedFen: 0n,
        status: 'outstanding',
        settledAt: null,
        unconfirmableReason: null,
      },
      {
        tenantId: T2,
        orderedFen: 40_000n,
        recordedFen: 0n,
        status: 'outstanding',
        settledAt: null,
        unconfirmableReason: null,
      },
    ]);
  });

  it('refuses an unlawful decision through the workflow and leaves the case as it was', () => {
    const c = caseIn('investigating');
    const result = transition(c, { ...base, fineFen: 10_000_000n }, ACTORS.district_lead, NOW);
    expect(result).toMatchObject({ ok: false, code: CaseErrorCode.FINE_OUT_OF_BOUNDS });
    expect(c.state).toBe('investigating');
  });
});
