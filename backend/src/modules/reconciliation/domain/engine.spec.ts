import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderBatchSource } from '../../../cli/fs-batch-source';
import { readBatch } from './batch/batch-reader';
import { toContractOutput } from './contract-output';
import { reconcile } from './engine';
import {
  gridCsv,
  reconcileFiles,
  TENANT_A,
  TENANT_B,
  tariffCsv,
  tenantCsv,
} from './testing/csv-batch-builder';

const FIXTURES = join(__dirname, '../../../../test/fixtures/reconciliation');
const FIXTURE_NAMES = [
  '01-clean-two-part',
  '02-fixed-price-and-basic-fee',
  '03-loss-own-use-and-tou',
];

function reconcileFixture(name: string, options?: { lossCap?: string }) {
  const batch = readBatch(folderBatchSource(join(FIXTURES, name)));
  if (!batch.ok) throw new Error(`fixture ${name} is invalid: ${JSON.stringify(batch.errors)}`);
  return reconcile(batch.input, options);
}

describe('the worked examples of shared/fixtures/reconciliation', () => {
  it.each(FIXTURE_NAMES)('%s gives exactly expected.json', (name) => {
    const expected: unknown = JSON.parse(
      readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8'),
    );
    expect(toContractOutput(reconcileFixture(name))).toEqual(expected);
  });

  it('shows the numbers behind fixture 03', () => {
    const result = reconcileFixture('03-loss-own-use-and-tou');
    const sheet = result.supplyMonths[0];
    // G = 18832.34, K = 20000, avg = 0.941617 exactly, own = round2(4000 × avg) = 3766.47.
    expect(sheet).toMatchObject({
      status: 'reconciled',
      entityName: '松江某产业园',
      districtCode: '310117',
      G: '18832.34',
      K: '20000.000',
      avg: { numerator: '941617', denominator: '1000000', display: '0.941617' },
      ownUseKwh: '4000.000',
      own: '3766.47',
      T: '15065.87',
      collected: '16303.70',
      E: '1237.83',
      loss: { L: '2300.00', capAmount: '1883.23' },
      residual: { R: '469.61', splitBy: 'energy_kwh' },
    });
    // The valley line billed at the peak price: p* is the grid's valley price.
    expect(sheet.tenantLines[2]).toMatchObject({
      sourceLine: 4,
      tou: 'valley',
      allowedPrice: '0.32914',
      allowedPriceFrom: 'grid_tou',
      allowedAmount: '131.66',
      difference: '351.45',
      fed: 'PRICE_ABOVE_GRID',
    });
    expect(sheet.tenantLines[3]).toMatchObject({
      allowedPriceFrom: 'avg',
      allowedAmount: '4237.28',
      difference: '-0.08',
      fed: null,
    });
    expect(sheet.tenantLines[4]).toMatchObject({ item: 'loss', fed: 'LOSS_ABOVE_CAP' });
    expect(sheet.gridLines[0]).toMatchObject({
      tou: 'sharp',
      tariff: { unitPrice: '1.49020', effectiveFrom: '2025-08-01' },
      tariffDifference: '0.00',
    });
    expect(result.refunds[0]).toMatchObject({
      amount: '537.40',
      fromFindings: '351.45',
      lossShare: '0.00',
      residualShare: '185.95',
    });
    expect(result.findings.find((f) => f.type === 'LOSS_ABOVE_CAP')?.basis).toEqual({
      L: '2300.00',
      lossCap: '0.1',
      G: '18832.34',
      capAmount: '1883.23',
    });
  });

  it('is plain JSON: no bigint, nothing lost in a round trip', () => {
    const result = reconcileFixture('02-fixed-price-and-basic-fee');
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('applies --loss-cap to fixture 03', () => {
    // 20 %: round2(0.2 × 18832.34) = 3766.47 ≥ 2300.00, so no LOSS_ABOVE_CAP.
    const types = reconcileFixture('03-loss-own-use-and-tou', { lossCap: '0.20' }).findings.map(
      (f) => f.type,
    );
    expect(types).not.toContain('LOSS_ABOVE_CAP');
    expect(types).toContain('OVER_COLLECTION');
  });

  it('refuses a loss cap that is not a decimal', () => {
    expect(() => reconcileFixture('01-clean-two-part', { lossCap: '10%' })).toThrow(RangeError);
  });
});

describe('exact arithmetic end to end', () => {
  it('rounds a half fen of a repeating average up, where 20-digit decimals round it down', () => {
    // G = 23456.70 + 0.07 = 23456.77, K = 30000 → avg = 0.781892333…; 15000 kWh × avg =
    // 11728.385 → 11728.39, so A's bill is allowed. A 20-digit avg would make it 11728.38 and
    // report a 0.01 AMOUNT_MISMATCH.
    const result = reconcileFiles({
      'grid_bills.csv': gridCsv(
        ['2025-07', 'energy', 'none', '30000', '0.78189', '23456.70'],
        ['2025-07', 'adjustment', '', '', '', '0.07'],
      ),
      'tariffs.csv': tariffCsv(['none', '0.78189', '2025-07-01', '']),
      'tenant_charges.csv': tenantCsv(
        [TENANT_A, '2025-07', 'energy', 'none', '15000', '0.7818', '11728.39'],
        [TENANT_B, '2025-07', 'energy', 'none', '15000', '0.7818', '11728.38'],
      ),
    });
    expect(result.findings).toEqual([]);
    expect(result.supplyMonths[0].tenantLines[0]).toMatchObject({
      allowedAmount: '11728.39',
      difference: '0.00',
    });
    expect(result.supplyMonths[0].E).toBe('0.00');
  });
});

describe('output order (§5)', () => {
  it('sorts by entity, account, period, tenant (null first), type', () => {
    const result = reconcileFiles({
      'grid_bills.csv': gridCsv(
        ['2025-08', 'energy', 'none', '100', '0.7', '70.00'],
        ['2025-07', 'energy', 'none', '100', '0.7', '70.00'],
      ),
      'tenant_charges.csv': tenantCsv(
        [TENANT_B, '2025-07', 'basic_fee', '', '', '', '1.00'],
        [TENANT_B, '2025-07', 'energy', 'none', '100', '0.8', '80.00'],
        [TENANT_A, '2025-08', 'service_fee', '', '', '', '1.00'],
        [TENANT_A, '2025-07', 'other', '', '', '', '1.00'],
      ),
    });
    expect(result.findings.map((f) => [f.period, f.tenantId, f.type])).toEqual([
      ['2025-07', null, 'OVER_COLLECTION'],
      ['2025-07', null, 'TARIFF_UNKNOWN'],
      ['2025-07', TENANT_A, 'PROHIBITED_FEE'],
      ['2025-07', TENANT_B, 'PRICE_ABOVE_GRID'],
      ['2025-07', TENANT_B, 'PROHIBITED_FEE'],
      ['2025-08', null, 'TARIFF_UNKNOWN'],
      ['2025-08', TENANT_A, 'PROHIBITED_FEE'],
    ]);
    expect(result.refunds.map((r) => [r.period, r.tenantId])).toEqual([
      ['2025-07', TENANT_A],
      ['2025-07', TENANT_B],
      ['2025-08', TENANT_A],
    ]);
  });
});
