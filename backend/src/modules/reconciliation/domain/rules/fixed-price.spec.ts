import { describe, expect, it } from 'vitest';
import {
  findingsOf,
  gridCsv,
  reconcileFiles,
  TENANT_A,
  TENANT_B,
  tenantCsv,
} from '../testing/csv-batch-builder';

/** One untimed grid line of 1000 kWh per month, so avg = amount / 1000. */
function grid(amounts: Record<string, string>): string {
  return gridCsv(
    ...Object.entries(amounts).map(
      ([period, amount]): [string, string, string, string, string, string] => [
        period,
        'energy',
        'none',
        '1000',
        '0.7',
        amount,
      ],
    ),
  );
}

/** Tenant A's untimed price per month; an array gives several lines in that month. */
function tenant(
  prices: Record<string, string | string[]>,
  tenantId = TENANT_A,
): [string, string, string, string, string, string, string][] {
  return Object.entries(prices).flatMap(([period, price]) =>
    (Array.isArray(price) ? price : [price]).map(
      (p): [string, string, string, string, string, string, string] => [
        tenantId,
        period,
        'energy',
        'none',
        '10',
        p,
        '0.00',
      ],
    ),
  );
}

function fixedPrice(gridAmounts: Record<string, string>, lines: ReturnType<typeof tenant>) {
  return findingsOf({
    'grid_bills.csv': grid(gridAmounts),
    'tenant_charges.csv': tenantCsv(...lines),
  }).filter(([type]) => type === 'FIXED_PRICE');
}

// avg rounded to 4 places: 700.00 → 0.7000, 720.00 → 0.7200, 740.00 → 0.7400, …
const MOVING = {
  '2025-01': '700.00',
  '2025-02': '720.00',
  '2025-03': '740.00',
  '2025-04': '760.00',
  '2025-05': '780.00',
  '2025-06': '800.00',
};
const SIX_MONTHS = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'];
const same = (price: string, months = SIX_MONTHS) =>
  Object.fromEntries(months.map((m) => [m, price]));

describe('FIXED_PRICE', () => {
  it('finds one maximal run of six months, dated at its first month', () => {
    expect(fixedPrice(MOVING, tenant(same('1.2')))).toEqual([
      ['FIXED_PRICE', '2025-01', TENANT_A, null],
    ]);
  });

  it('needs three months: two are not enough', () => {
    expect(fixedPrice(MOVING, tenant(same('1.2', ['2025-01', '2025-02'])))).toEqual([]);
  });

  it('ends a run at a calendar gap', () => {
    const months = ['2025-01', '2025-02', '2025-04', '2025-05', '2025-06'];
    expect(fixedPrice(MOVING, tenant(same('1.2', months)))).toEqual([
      ['FIXED_PRICE', '2025-04', TENANT_A, null],
    ]);
  });

  it('ends a run at a month with two different untimed prices', () => {
    const prices = { ...same('1.2'), '2025-03': ['1.2', '1.3'] };
    expect(fixedPrice(MOVING, tenant(prices))).toEqual([
      ['FIXED_PRICE', '2025-04', TENANT_A, null],
    ]);
  });

  it('keeps a month with several lines at the one price eligible', () => {
    const prices = {
      ...same('1.2', ['2025-01', '2025-02', '2025-03']),
      '2025-02': ['1.2', '1.20000'],
    };
    expect(fixedPrice(MOVING, tenant(prices))).toEqual([
      ['FIXED_PRICE', '2025-01', TENANT_A, null],
    ]);
  });

  it('ends a run at a month without grid lines', () => {
    const { '2025-03': _dropped, ...gridWithGap } = MOVING;
    expect(
      fixedPrice(
        gridWithGap,
        tenant(same('1.2', ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05'])),
      ),
    ).toEqual([]);
  });

  it('starts a new run when the price changes', () => {
    const prices = {
      ...same('1.2', ['2025-01', '2025-02', '2025-03']),
      ...same('1.1', ['2025-04', '2025-05', '2025-06']),
    };
    expect(fixedPrice(MOVING, tenant(prices))).toEqual([
      ['FIXED_PRICE', '2025-01', TENANT_A, null],
      ['FIXED_PRICE', '2025-04', TENANT_A, null],
    ]);
  });

  it('finds nothing while avg rounded to 4 places stays the same', () => {
    // 734.96, 735.04, 734.97 / 1000 kWh all round to 0.7350.
    const steady = { '2025-01': '734.96', '2025-02': '735.04', '2025-03': '734.97' };
    expect(fixedPrice(steady, tenant(same('0.735', Object.keys(steady))))).toEqual([]);
  });

  it('tests the average once over the whole maximal run', () => {
    // The first three months have the same rounded avg, the fourth differs: one finding.
    const grid4 = {
      '2025-01': '734.96',
      '2025-02': '735.04',
      '2025-03': '734.97',
      '2025-04': '760.00',
    };
    expect(fixedPrice(grid4, tenant(same('0.735', Object.keys(grid4))))).toEqual([
      ['FIXED_PRICE', '2025-01', TENANT_A, null],
    ]);
  });

  it('looks at each tenant on its own', () => {
    const lines = [
      ...tenant(same('1.2')),
      ...tenant(same('1.2', ['2025-01', '2025-02']), TENANT_B),
    ];
    expect(fixedPrice(MOVING, lines)).toEqual([['FIXED_PRICE', '2025-01', TENANT_A, null]]);
  });

  it('records the price and the months behind the finding', () => {
    const result = reconcileFiles({
      'grid_bills.csv': grid(MOVING),
      'tenant_charges.csv': tenantCsv(...tenant(same('1.2', ['2025-01', '2025-02', '2025-03']))),
    });
    const finding = result.findings.find((f) => f.type === 'FIXED_PRICE');
    expect(finding?.basis).toEqual({
      unitPrice: '1.20000',
      months: [
        { period: '2025-01', avgRounded4: '0.7000' },
        { period: '2025-02', avgRounded4: '0.7200' },
        { period: '2025-03', avgRounded4: '0.7400' },
      ],
    });
  });
});
