import { describe, expect, it } from 'vitest';
import { splitByLargestRemainder } from './refunds';
import {
  contractOutputOf,
  JULY_GRID,
  JULY_TARIFFS,
  reconcileFiles,
  TENANT_A,
  TENANT_B,
  TENANT_C,
  TENANT_D,
  tenantCsv,
} from './testing/csv-batch-builder';

describe('splitByLargestRemainder', () => {
  it.each([
    // 10 / 3 = 3 r 1 each: the one fen left goes to the smallest tenant_id.
    [
      'ties go to the smaller tenant_id',
      10n,
      [
        [TENANT_C, 1n],
        [TENANT_A, 1n],
        [TENANT_B, 1n],
      ],
      { [TENANT_A]: 4n, [TENANT_B]: 3n, [TENANT_C]: 3n },
    ],
    // 100 × 1/3 = 33 r 1, 100 × 2/3 = 66 r 2: the fen goes to the larger remainder.
    [
      'the largest remainder wins',
      100n,
      [
        [TENANT_A, 1n],
        [TENANT_B, 2n],
      ],
      { [TENANT_A]: 33n, [TENANT_B]: 67n },
    ],
    [
      'a zero weight gets nothing',
      7n,
      [
        [TENANT_A, 0n],
        [TENANT_B, 5n],
      ],
      { [TENANT_A]: 0n, [TENANT_B]: 7n },
    ],
    [
      'one fen between equals',
      1n,
      [
        [TENANT_D, 5n],
        [TENANT_A, 5n],
      ],
      { [TENANT_A]: 1n, [TENANT_D]: 0n },
    ],
  ] as [string, bigint, [string, bigint][], Record<string, bigint>][])(
    '%s',
    (_name, total, weights, expected) => {
      const shares = splitByLargestRemainder(total, new Map(weights));
      expect(Object.fromEntries(shares)).toEqual(expected);
      expect([...shares.values()].reduce((a, b) => a + b, 0n)).toBe(total);
    },
  );

  it('splits nothing when all weights are zero', () => {
    expect(splitByLargestRemainder(5n, new Map([[TENANT_A, 0n]])).size).toBe(0);
  });
});

type Line = [string, string, string, string, string, string, string];
const energy = (tenant: string, kwh: string, amount: string): Line => [
  tenant,
  '2025-07',
  'energy',
  'none',
  kwh,
  '0.7349',
  amount,
];
const fee = (tenant: string, item: string, amount: string): Line => [
  tenant,
  '2025-07',
  item,
  '',
  '',
  '',
  amount,
];
const refundsOf = (...lines: Line[]) =>
  contractOutputOf({
    'grid_bills.csv': JULY_GRID,
    'tariffs.csv': JULY_TARIFFS,
    'tenant_charges.csv': tenantCsv(...lines),
  }).refunds.map((r) => [r.tenant_id, r.amount]);

// G = T = 1102.45 (no own use). Tenants are billed 0.7349 per kWh, below avg: no line findings.
describe('refunds of the residual R = E − findings − loss shares', () => {
  it('splits R by energy kWh, exact to the fen', () => {
    // 440.94 + 220.47 + 146.98 + 400.00 = 1208.39, E = R = 105.94 = 10594 fen over 600:300:200:
    // 5778 r600, 2889 r300, 1926 r200 → 10593, the last fen to A.
    expect(
      refundsOf(
        energy(TENANT_A, '600', '440.94'),
        energy(TENANT_B, '300', '220.47'),
        energy(TENANT_C, '200', '146.98'),
        fee(TENANT_C, 'shared_area', '400.00'),
      ),
    ).toEqual([
      [TENANT_A, '57.79'],
      [TENANT_B, '28.89'],
      [TENANT_C, '19.26'],
    ]);
  });

  it('gives no residual to a tenant without energy kWh', () => {
    // D only pays 10.00 shared area: E = 115.94 → 6324, 3162, 2108 fen, no remainders.
    expect(
      refundsOf(
        energy(TENANT_A, '600', '440.94'),
        energy(TENANT_B, '300', '220.47'),
        energy(TENANT_C, '200', '146.98'),
        fee(TENANT_C, 'shared_area', '400.00'),
        fee(TENANT_D, 'shared_area', '10.00'),
      ),
    ).toEqual([
      [TENANT_A, '63.24'],
      [TENANT_B, '31.62'],
      [TENANT_C, '21.08'],
    ]);
  });

  it('falls back to gross totals when every energy kWh is zero', () => {
    // Collected 1200.00, E = R = 97.55 by 700:500 → 5690 r500, 4064 r700 → the fen to B.
    const result = reconcileFiles({
      'grid_bills.csv': JULY_GRID,
      'tenant_charges.csv': tenantCsv(
        energy(TENANT_A, '0', '0.00'),
        fee(TENANT_A, 'shared_area', '700.00'),
        fee(TENANT_B, 'shared_area', '500.00'),
      ),
    });
    expect(result.refunds.map((r) => [r.tenantId, r.amount])).toEqual([
      [TENANT_A, '56.90'],
      [TENANT_B, '40.65'],
    ]);
    expect(result.supplyMonths[0].residual).toEqual({ R: '97.55', splitBy: 'gross_total' });
  });

  it('omits refund rows below 0.01', () => {
    // 551.18 + 551.18 + 0.10 = 1102.46: R = 0.01 by 750:750 → a tie, A gets the fen, B nothing.
    expect(
      refundsOf(
        energy(TENANT_A, '750', '551.18'),
        energy(TENANT_B, '750', '551.18'),
        fee(TENANT_B, 'shared_area', '0.10'),
      ),
    ).toEqual([[TENANT_A, '0.01']]);
  });

  it('splits no residual when findings already cover E', () => {
    // A pays 80.00 for 100 kWh (6.50 too much) but the month is under-collected: E < 0.
    expect(refundsOf([TENANT_A, '2025-07', 'energy', 'none', '100', '0.8', '80.00'])).toEqual([
      [TENANT_A, '6.50'],
    ]);
  });
});

describe('refunds of loss above the cap', () => {
  it('splits the excess by loss amounts, then the residual by kWh (fixture 03)', () => {
    const result = reconcileFiles({
      'grid_bills.csv': JULY_GRID,
      'tariffs.csv': JULY_TARIFFS,
      // L = 130.00 > 110.25: 19.75 split 1:1 → 987 r1 each, the fen to A. Collected 1232.45 →
      // E = 130.00, R = 130.00 − 19.75 = 110.25 split 1:1 → 5512 r1 each, the fen to A.
      'tenant_charges.csv': tenantCsv(
        energy(TENANT_B, '750', '551.23'),
        energy(TENANT_A, '750', '551.22'),
        fee(TENANT_A, 'loss', '65.00'),
        fee(TENANT_B, 'loss', '65.00'),
      ),
    });
    expect(result.refunds.map((r) => [r.tenantId, r.lossShare, r.residualShare, r.amount])).toEqual(
      [
        [TENANT_A, '9.88', '55.13', '65.01'],
        [TENANT_B, '9.87', '55.12', '64.99'],
      ],
    );
    expect(result.totalRefund).toBe('130.00');
  });
});
