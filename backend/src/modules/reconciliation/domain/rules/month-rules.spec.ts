import { describe, expect, it } from 'vitest';
import {
  findingsOf,
  gridCsv,
  JULY_GRID,
  JULY_TARIFFS,
  ownUseCsv,
  reconcileFiles,
  TENANT_A,
  TENANT_B,
  tariffCsv,
  tenantCsv,
} from '../testing/csv-batch-builder';

type Line = [string, string, string, string, string, string, string];
const fee = (tenant: string, item: string, amount: string, period = '2025-07'): Line => [
  tenant,
  period,
  item,
  '',
  '',
  '',
  amount,
];
const energy = (
  tenant: string,
  kwh: string,
  price: string,
  amount: string,
  period = '2025-07',
): Line => [tenant, period, 'energy', 'none', kwh, price, amount];

function only(
  type: string,
  files: Parameters<typeof findingsOf>[0],
  options?: Parameters<typeof findingsOf>[1],
) {
  return findingsOf(files, options).filter(([t]) => t === type);
}

const july = (...lines: Line[]) => ({
  'grid_bills.csv': JULY_GRID,
  'tariffs.csv': JULY_TARIFFS,
  'tenant_charges.csv': tenantCsv(...lines),
});

describe('PROHIBITED_FEE', () => {
  it.each([
    [
      'service and basic fees of one tenant are summed',
      [fee(TENANT_A, 'service_fee', '50.00'), fee(TENANT_A, 'basic_fee', '30.00')],
      [['PROHIBITED_FEE', '2025-07', TENANT_A, '80.00']],
    ],
    [
      'equipment_fee and other count too',
      [fee(TENANT_B, 'equipment_fee', '10.00'), fee(TENANT_B, 'other', '0.01')],
      [['PROHIBITED_FEE', '2025-07', TENANT_B, '10.01']],
    ],
    ['a zero fee is no finding', [fee(TENANT_A, 'basic_fee', '0.00')], []],
    [
      'loss and shared-area lines are not prohibited',
      [fee(TENANT_A, 'loss', '5.00'), fee(TENANT_A, 'shared_area', '5.00')],
      [],
    ],
  ] as [string, Line[], unknown[]][])('%s', (_name, lines, expected) => {
    expect(only('PROHIBITED_FEE', july(...lines))).toEqual(expected);
  });
});

describe('LOSS_ABOVE_CAP', () => {
  // G = 1102.45: 10 % = 110.245 → round2 = 110.25; 5 % = 55.1225 → 55.12.
  it.each([
    ['loss exactly at the rounded cap', '110.25', undefined, []],
    ['one fen above the cap', '110.26', undefined, [['LOSS_ABOVE_CAP', '2025-07', null, '0.01']]],
    ['--loss-cap 0.05', '110.26', '0.05', [['LOSS_ABOVE_CAP', '2025-07', null, '55.14']]],
    [
      '--loss-cap 0 makes any loss line a finding',
      '0.01',
      '0',
      [['LOSS_ABOVE_CAP', '2025-07', null, '0.01']],
    ],
  ] as [string, string, string | undefined, unknown[]][])(
    '%s',
    (_name, loss, lossCap, expected) => {
      const files = july(fee(TENANT_A, 'loss', loss));
      expect(
        only('LOSS_ABOVE_CAP', files, lossCap === undefined ? undefined : { lossCap }),
      ).toEqual(expected);
    },
  );

  it('sums the loss lines of all tenants', () => {
    expect(
      only('LOSS_ABOVE_CAP', july(fee(TENANT_A, 'loss', '60.00'), fee(TENANT_B, 'loss', '60.00'))),
    ).toEqual([['LOSS_ABOVE_CAP', '2025-07', null, '9.75']]);
  });
});

describe('OVER_COLLECTION', () => {
  it.each([
    ['collected = G', [energy(TENANT_A, '1500', '0.7349', '1102.45')], []],
    [
      'one fen more than G',
      [energy(TENANT_A, '1500', '0.7349', '1102.45'), fee(TENANT_B, 'shared_area', '0.01')],
      [['OVER_COLLECTION', '2025-07', null, '0.01']],
    ],
  ] as [string, Line[], unknown[]][])('%s', (_name, lines, expected) => {
    expect(only('OVER_COLLECTION', july(...lines))).toEqual(expected);
  });

  it('deducts own use at avg: T = G − round2(300 × avg) = 1102.45 − 220.49', () => {
    // 300 × 1102.45 / 1500 = 220.49 exactly, so T = 881.96; 900.00 collected → E = 18.04.
    const files = {
      ...july(energy(TENANT_A, '1200', '0.75', '900.00')),
      'own_use.csv': ownUseCsv(['2025-07', '300']),
    };
    expect(only('OVER_COLLECTION', files)).toEqual([['OVER_COLLECTION', '2025-07', null, '18.04']]);
    const sheet = reconcileFiles(files).supplyMonths[0];
    expect([sheet.G, sheet.K, sheet.own, sheet.T, sheet.collected, sheet.E]).toEqual([
      '1102.45',
      '1500.000',
      '220.49',
      '881.96',
      '900.00',
      '18.04',
    ]);
  });
});

describe('TARIFF_UNKNOWN and TARIFF_MISMATCH', () => {
  const tariffRules = (tariffs: string | undefined, grid = JULY_GRID) =>
    findingsOf(
      tariffs === undefined
        ? { 'grid_bills.csv': grid }
        : { 'grid_bills.csv': grid, 'tariffs.csv': tariffs },
    ).filter(([t]) => t.startsWith('TARIFF_'));

  it('runs on a month with grid lines and no tenant charges', () => {
    expect(tariffRules(undefined)).toEqual([['TARIFF_UNKNOWN', '2025-07', null, null]]);
  });

  it.each([
    [
      'starts after the first day of the period',
      tariffCsv(['peak', '0.87970', '2025-07-02', ''], ['valley', '0.44550', '2025-07-01', '']),
    ],
    [
      'ends on the first day (effective_to is exclusive)',
      tariffCsv(
        ['peak', '0.87970', '2025-06-01', '2025-07-01'],
        ['valley', '0.44550', '2025-07-01', ''],
      ),
    ],
    [
      'is for another tou',
      tariffCsv(['peak', '0.87970', '2025-07-01', ''], ['flat', '0.44550', '2025-07-01', '']),
    ],
  ])('finds no tariff when the only row %s', (_name, tariffs) => {
    expect(tariffRules(tariffs)).toEqual([['TARIFF_UNKNOWN', '2025-07', null, null]]);
  });

  it.each([
    // (0.87970 − 0.87971) × 1000 = −0.01.
    [
      'a signed difference',
      tariffCsv(['peak', '0.87971', '2025-07-01', ''], ['valley', '0.44550', '2025-07-01', '']),
      '-0.01',
    ],
    // −0.01 on peak and (0.44550 − 0.44548) × 500 = +0.01 on valley net to 0.00.
    [
      'differences that net to 0.00',
      tariffCsv(['peak', '0.87971', '2025-07-01', ''], ['valley', '0.44548', '2025-07-01', '']),
      '0.00',
    ],
    // (0.44550 − 0.44551) × 500 = −0.005 → −0.01 (half away from zero).
    [
      '−0.005 rounds to −0.01',
      tariffCsv(['peak', '0.8797', '2025-07-01', ''], ['valley', '0.44551', '2025-07-01', '']),
      '-0.01',
    ],
  ])('reports %s', (_name, tariffs, amount) => {
    expect(tariffRules(tariffs)).toEqual([['TARIFF_MISMATCH', '2025-07', null, amount]]);
  });

  it('reports a price difference whose amount rounds to 0.00, never -0.00', () => {
    // (0.44550 − 0.44551) × 400 = −0.004 → 0.00.
    const grid = gridCsv(['2025-07', 'energy', 'valley', '400', '0.44550', '178.20']);
    expect(tariffRules(tariffCsv(['valley', '0.44551', '2025-07-01', '']), grid)).toEqual([
      ['TARIFF_MISMATCH', '2025-07', null, '0.00'],
    ]);
  });

  it('sees no mismatch between 0.8797 and 0.87970', () => {
    expect(
      tariffRules(
        tariffCsv(['peak', '0.8797', '2025-07-01', ''], ['valley', '0.4455', '2025-07-01', '']),
      ),
    ).toEqual([]);
  });
});

describe('MISSING_GRID_BILL', () => {
  it('is the only finding of a supply month without grid lines, with no refunds', () => {
    const files = july(
      energy(TENANT_A, '100', '1.2', '120.00', '2025-08'),
      fee(TENANT_A, 'basic_fee', '480.00', '2025-08'),
      fee(TENANT_B, 'loss', '999.00', '2025-08'),
    );
    const result = reconcileFiles(files);
    expect(result.findings.map((f) => [f.type, f.period, f.tenantId, f.amount])).toEqual([
      ['MISSING_GRID_BILL', '2025-08', null, null],
    ]);
    expect(result.refunds).toEqual([]);
    expect(result.totalRefund).toBe('0.00');
    expect(result.supplyMonths.find((m) => m.period === '2025-08')).toMatchObject({
      status: 'missing_grid_bill',
      collected: '1599.00',
      G: null,
    });
  });
});
