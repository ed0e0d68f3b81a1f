import { describe, expect, it } from 'vitest';
import { portalFindings, type StoredFinding } from './portal-findings';

const f = (type: string, tenantId: string | null, fen: bigint | null, period = '2025-03') =>
  ({ accountNo: '3100000002', period, type, tenantId, fen }) satisfies StoredFinding;

const rows = [
  f('OVER_COLLECTION', null, 167403n),
  f('PRICE_ABOVE_GRID', 'T1', 153258n),
  f('PRICE_ABOVE_GRID', 'T2', 123959n),
  f('FIXED_PRICE', 'T1', null),
  f('PRICE_ABOVE_GRID', 'T1', 1n, '2025-04'),
];

describe('portalFindings', () => {
  it('shows every finding with its tenant and amount when the entity has enough tenants', () => {
    expect(portalFindings(rows, true)).toEqual([
      {
        accountNo: '3100000002',
        period: '2025-03',
        type: 'OVER_COLLECTION',
        tenantId: null,
        amount: '1674.03',
      },
      {
        accountNo: '3100000002',
        period: '2025-03',
        type: 'PRICE_ABOVE_GRID',
        tenantId: 'T1',
        amount: '1532.58',
      },
      {
        accountNo: '3100000002',
        period: '2025-03',
        type: 'PRICE_ABOVE_GRID',
        tenantId: 'T2',
        amount: '1239.59',
      },
      {
        accountNo: '3100000002',
        period: '2025-03',
        type: 'FIXED_PRICE',
        tenantId: 'T1',
        amount: null,
      },
      {
        accountNo: '3100000002',
        period: '2025-04',
        type: 'PRICE_ABOVE_GRID',
        tenantId: 'T1',
        amount: '0.01',
      },
    ]);
  });

  it('with few tenants keeps month-wide findings and one line per month and kind, no tenant', () => {
    const shown = portalFindings(rows, false);
    expect(shown).toEqual([
      {
        accountNo: '3100000002',
        period: '2025-03',
        type: 'OVER_COLLECTION',
        tenantId: null,
        amount: '1674.03',
      },
      {
        accountNo: '3100000002',
        period: '2025-03',
        type: 'PRICE_ABOVE_GRID',
        tenantId: null,
        amount: null,
      },
      {
        accountNo: '3100000002',
        period: '2025-03',
        type: 'FIXED_PRICE',
        tenantId: null,
        amount: null,
      },
      {
        accountNo: '3100000002',
        period: '2025-04',
        type: 'PRICE_ABOVE_GRID',
        tenantId: null,
        amount: null,
      },
    ]);
    expect(JSON.stringify(shown)).not.toMatch(/T1|T2|1532|1239/);
  });
});
