import { describe, expect, it } from 'vitest';
import { parseScaledOrThrow } from '../../reconciliation/domain/exact';
import type {
  GridBillLine,
  ReconciliationInput,
  TenantChargeLine,
} from '../../reconciliation/domain/reconciliation-input';
import type { DeclaredLine } from './declaration-checks';
import { judgeDeclarations } from './declared-judgement';

const ENTITY = '91310112YUYU122BX0';
const ACCOUNT = '3100000002';
const A = '91310109PRMU98K65L';
const B = '91310104JM5DLCRP3K';
const n = (text: string, scale: number) => parseScaledOrThrow(text, scale);

// One month: 1000 kWh for 800.00 → avg 0.80.
const grid: GridBillLine = {
  accountNo: ACCOUNT,
  entityId: ENTITY,
  period: '2025-04',
  userClass: 'general_commercial',
  voltage: 'lt_1kv',
  pricing: 'single',
  line: 'energy',
  tou: 'none',
  kwhMilli: n('1000', 3),
  unitPriceE5: n('0.8', 5),
  amountFen: n('800', 2),
};
const reported = (
  tenantId: string,
  kwh: string,
  price: string,
  amount: string,
): TenantChargeLine => ({
  entityId: ENTITY,
  accountNo: ACCOUNT,
  tenantId,
  tenantName: tenantId === A ? '租户A' : '租户B',
  period: '2025-04',
  item: 'energy',
  tou: 'none',
  kwhMilli: n(kwh, 3),
  unitPriceE5: n(price, 5),
  amountFen: n(amount, 2),
});
const declared = (kwh: string, price: string, amount: string): DeclaredLine => ({
  item: 'energy',
  tou: 'none',
  kwhMilli: n(kwh, 3),
  unitPriceE5: n(price, 5),
  amountFen: n(amount, 2),
});
const input = (tenantCharges: TenantChargeLine[], gridBills = [grid]): ReconciliationInput => ({
  entities: [],
  tariffs: [
    {
      userClass: 'general_commercial',
      voltage: 'lt_1kv',
      pricing: 'single',
      tou: 'none',
      unitPriceE5: n('0.8', 5),
      effectiveFrom: '2025-01-01',
      effectiveTo: null,
    },
  ],
  gridBills,
  tenantCharges,
  ownUse: [],
});
const judge = (i: ReconciliationInput, lines: DeclaredLine[], period = '2025-04') =>
  judgeDeclarations({
    input: i,
    accountNo: ACCOUNT,
    tenantId: A,
    declarations: [{ id: 'd1', period, lines }],
    lossCap: '0.10',
    verdict: { redRefundFen: 1000n },
  }).get('d1')!;

describe('a declaration judged as if the entity had reported it', () => {
  it('waits while the account has no grid bill for the month', () => {
    expect(judge(input([]), [declared('100', '1', '100.00')], '2025-05')).toEqual({
      status: 'waiting',
    });
  });

  it('is judged against avg with no entity report, and no mismatch', () => {
    const j = judge(input([]), [declared('100', '1', '100.00')]);
    if (j.status !== 'judged') throw new Error('not judged');
    expect(j.declared.findings.map((f) => [f.type, f.tenantId, f.amount])).toEqual([
      ['PRICE_ABOVE_GRID', A, '20.00'],
    ]);
    expect(j.declared.verdict).toMatchObject({ level: 'red', refund: '20.00' });
    expect(j.mismatch).toBeNull();
  });

  it("replaces the tenant's reported lines, keeps the other tenants', and compares", () => {
    // The entity says A paid 0.80 (compliant); A says 1.00. B's lines stay in the month.
    const i = input([reported(A, '100', '0.8', '80.00'), reported(B, '900', '0.8', '720.00')]);
    const j = judge(i, [declared('100', '1', '100.00')]);
    if (j.status !== 'judged') throw new Error('not judged');
    expect(j.declared.lines).toHaveLength(1);
    expect(j.declared.lines[0]).toMatchObject({ amount: '100.00', allowedAmount: '80.00' });
    // Collected 100 + 720 = 820 against T = 800: the month's over-collection of 20.00.
    const types = j.declared.findings.map((f) => [f.type, f.tenantId, f.amount]);
    expect(types).toEqual([
      ['OVER_COLLECTION', null, '20.00'],
      ['PRICE_ABOVE_GRID', A, '20.00'],
    ]);
    expect(j.mismatch?.basis.fields.map((f) => f.field)).toEqual([
      'energy.none.unitPrice',
      'energy.none.amount',
      'total',
    ]);
    expect(j.mismatch?.amount).toBe('20.00');
  });
});
