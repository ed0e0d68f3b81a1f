import { describe, expect, it } from 'vitest';
import { caseIn } from '../../cases/domain/testing/case-fixtures';
import { caseFacts } from './credit-score';
import { entityMonthRecords } from './warning-level';

const HEAVY = 10_000_000n;

describe('caseFacts', () => {
  it.each([
    [
      'registered',
      { open: true, opened: false, refused: false, decided: false, orders: 0, settled: 0 },
    ],
    [
      'investigating',
      { open: true, opened: true, refused: false, decided: false, orders: 0, settled: 0 },
    ],
    ['decided', { open: true, opened: true, refused: false, decided: true, orders: 2, settled: 0 }],
    [
      'refund_supervision',
      { open: true, opened: true, refused: false, decided: true, orders: 2, settled: 1 },
    ],
    ['closed', { open: false, opened: true, refused: false, decided: true, orders: 2, settled: 2 }],
    [
      'not_opened',
      { open: false, opened: false, refused: true, decided: false, orders: 0, settled: 0 },
    ],
  ] as const)('reads a %s case', (state, expected) => {
    const f = caseFacts(caseIn(state), HEAVY);
    expect({
      open: f.open,
      opened: f.opened,
      refused: f.refused,
      decided: f.decidedAt !== null,
      orders: f.refundOrders,
      settled: f.refundOrdersSettled,
    }).toEqual(expected);
  });

  it('tells a heavy penalty by the fine threshold, or by a confiscation', () => {
    // The fixture's decision: a ¥500.00 fine, no confiscation, not marked serious.
    const c = caseIn('decided');
    expect(caseFacts(c, 50_000n)).toMatchObject({ penalised: true, heavy: true });
    expect(caseFacts(c, 50_001n)).toMatchObject({ penalised: true, heavy: false });
    const confiscated = caseIn('decided', { decision: { ...c.decision!, confiscationFen: 1n } });
    expect(caseFacts(confiscated, 50_001n).heavy).toBe(true);
  });
});

describe('entityMonthRecords', () => {
  const E = '91310112YUYU122BX0';
  it('adds an entity month up over its accounts, counting each tenant once', () => {
    const records = entityMonthRecords([
      {
        entityId: E,
        period: '2025-03',
        refunds: [
          { tenantId: 'T1', amountFen: 100n },
          { tenantId: 'T2', amountFen: 250n },
        ],
        findings: [
          { type: 'PRICE_ABOVE_GRID', tenantId: 'T1' },
          { type: 'OVER_COLLECTION', tenantId: null },
        ],
      },
      {
        entityId: E,
        period: '2025-03',
        refunds: [{ tenantId: 'T1', amountFen: 1n }],
        findings: [{ type: 'PROHIBITED_FEE', tenantId: 'T3' }],
      },
      { entityId: E, period: '2025-04', refunds: [], findings: [] },
    ]);
    expect(records.get(`${E}|2025-03`)).toEqual({
      entityId: E,
      period: '2025-03',
      refundFen: 351n,
      tenantsAffected: 3,
      findingTypes: ['OVER_COLLECTION', 'PRICE_ABOVE_GRID', 'PROHIBITED_FEE'],
    });
    expect(records.get(`${E}|2025-04`)).toMatchObject({ refundFen: 0n, tenantsAffected: 0 });
  });
});
