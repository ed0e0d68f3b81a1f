import { describe, expect, it } from 'vitest';
import {
  findingsOf,
  JULY_GRID,
  JULY_TARIFFS,
  TENANT_A,
  TENANT_B,
  tenantCsv,
} from '../testing/csv-batch-builder';

type Line = [string, string, string, string, string, string, string];
const line = (tenant: string, tou: string, kwh: string, price: string, amount: string): Line => [
  tenant,
  '2025-07',
  'energy',
  tou,
  kwh,
  price,
  amount,
];

/** Only the tenant-line findings: the other rules have specs of their own. */
function energyFindings(...lines: Line[]) {
  return findingsOf({
    'grid_bills.csv': JULY_GRID,
    'tariffs.csv': JULY_TARIFFS,
    'tenant_charges.csv': tenantCsv(...lines),
  }).filter(([type]) => type === 'PRICE_ABOVE_GRID' || type === 'AMOUNT_MISMATCH');
}

// avg = 1102.45 / 1500 = 0.7349666…; 100 kWh × avg = 73.49666… → 73.50.
describe('PRICE_ABOVE_GRID and AMOUNT_MISMATCH, line by line', () => {
  const cases: [string, Line[], ReturnType<typeof energyFindings>][] = [
    [
      'untimed line above avg: 80.00 − 73.50',
      [line(TENANT_A, 'none', '100', '0.8', '80.00')],
      [['PRICE_ABOVE_GRID', '2025-07', TENANT_A, '6.50']],
    ],
    [
      'untimed line at avg truncated to 4 places',
      [line(TENANT_A, 'none', '100', '0.7349', '73.49')],
      [],
    ],
    // 0.73497 > 0.7349666… but 100 × 0.73497 = 73.497 → billed 73.50, which is allowed.
    [
      'price above avg but amount within the allowed 73.50',
      [line(TENANT_A, 'none', '100', '0.73497', '73.50')],
      [],
    ],
    [
      'timed line above the grid price of its tou: 90.00 − 87.97',
      [line(TENANT_A, 'peak', '100', '0.9', '90.00')],
      [['PRICE_ABOVE_GRID', '2025-07', TENANT_A, '2.03']],
    ],
    ['timed line at the grid price', [line(TENANT_A, 'valley', '100', '0.44550', '44.55')], []],
    // The grid bill has no flat line, so p* for flat is avg: 75.00 − 73.50.
    [
      'a tou the grid bill lacks falls back to avg',
      [line(TENANT_A, 'flat', '100', '0.75', '75.00')],
      [['PRICE_ABOVE_GRID', '2025-07', TENANT_A, '1.50']],
    ],
    [
      'allowed price, amount 1.50 too high',
      [line(TENANT_A, 'none', '100', '0.7', '75.00')],
      [['AMOUNT_MISMATCH', '2025-07', TENANT_A, '1.50']],
    ],
    [
      'exactly 0.01 too much counts',
      [line(TENANT_A, 'peak', '100', '0.87970', '87.98')],
      [['AMOUNT_MISMATCH', '2025-07', TENANT_A, '0.01']],
    ],
    [
      'prices compare as numbers (0.8797 = 0.87970)',
      [line(TENANT_A, 'peak', '100', '0.8797', '87.97')],
      [],
    ],
    [
      'an undercharged line never offsets an overcharged one',
      [
        line(TENANT_A, 'none', '100', '0.8', '80.00'),
        line(TENANT_A, 'none', '100', '0.6', '60.00'),
      ],
      [['PRICE_ABOVE_GRID', '2025-07', TENANT_A, '6.50']],
    ],
    [
      'repeated lines are judged one by one and summed',
      [
        line(TENANT_A, 'none', '100', '0.8', '80.00'),
        line(TENANT_A, 'none', '100', '0.8', '80.00'),
      ],
      [['PRICE_ABOVE_GRID', '2025-07', TENANT_A, '13.00']],
    ],
    [
      'one tenant can have both findings; tenants are kept apart',
      [
        line(TENANT_B, 'none', '100', '0.8', '80.00'),
        line(TENANT_A, 'peak', '100', '0.9', '90.00'),
        line(TENANT_A, 'none', '100', '0.7', '75.00'),
      ],
      [
        ['AMOUNT_MISMATCH', '2025-07', TENANT_A, '1.50'],
        ['PRICE_ABOVE_GRID', '2025-07', TENANT_A, '2.03'],
        ['PRICE_ABOVE_GRID', '2025-07', TENANT_B, '6.50'],
      ],
    ],
  ];

  it.each(cases)('%s', (_name, lines, expected) => {
    expect(energyFindings(...lines)).toEqual(expected);
  });
});
