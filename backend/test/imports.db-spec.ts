import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ReconciliationService } from '../src/modules/reconciliation/reconciliation.service';
import {
  contractOutputFromDb,
  count,
  fixture,
  folderUploads,
  importUploads,
} from './support/batches';
import { startTestApp, type TestApp } from './support/test-app';

const DATA_TABLES = [
  'import_batch',
  'charging_entity',
  'tariff',
  'grid_bill',
  'grid_bill_line',
  'tenant_charge_sheet',
  'tenant_charge_line',
  'own_use',
  'reconciliation_run',
  'run_supply_month',
  'finding',
  'refund',
];

async function emptyAll(ds: DataSource) {
  for (const t of DATA_TABLES) await ds.query(`DELETE FROM ${t}`);
}

async function counts(ds: DataSource) {
  return Object.fromEntries(
    await Promise.all(DATA_TABLES.map(async (t) => [t, await count(ds, t)])),
  );
}

function copyFixture(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'zgd-batch-'));
  cpSync(fixture(name), dir, { recursive: true });
  return dir;
}

describe(`imports on ${process.env.TEST_DB ?? 'sqlite'}`, () => {
  let t: TestApp;
  let ds: DataSource;
  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(async () => {
    await emptyAll(ds);
  });

  it.each(['01-clean-two-part', '02-fixed-price-and-basic-fee', '03-loss-own-use-and-tou'])(
    'stores %s and its stored verdict is exactly the contract output',
    async (name) => {
      const { batch } = await importUploads(t.app, folderUploads(fixture(name)));
      expect(batch.status).toBe('imported');
      const expected = JSON.parse(readFileSync(join(fixture(name), 'expected.json'), 'utf8'));
      expect(await contractOutputFromDb(ds)).toEqual(expected);
    },
  );

  it('adds nothing when the same batch is delivered twice, and answers with the first result', async () => {
    const first = await importUploads(
      t.app,
      folderUploads(fixture('02-fixed-price-and-basic-fee')),
    );
    const before = await counts(ds);
    const second = await importUploads(
      t.app,
      folderUploads(fixture('02-fixed-price-and-basic-fee')),
    );
    expect(second.batch.id).toBe(first.batch.id);
    expect(second.runJobId).toBeNull();
    expect(await counts(ds)).toEqual(before);
  });

  it('stores nothing of a batch with one bad row, and says which row and why', async () => {
    const dir = copyFixture('02-fixed-price-and-basic-fee');
    const path = join(dir, 'tenant_charges.csv');
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[5] = lines[5].replace(',3944,', ',39x4,'); // line 6 of the file: a kWh that is not a number
    writeFileSync(path, lines.join('\n'));
    const { batch } = await importUploads(t.app, folderUploads(dir));
    expect(batch.status).toBe('rejected');
    const errors = JSON.parse(batch.errors!);
    expect(errors).toEqual([
      expect.objectContaining({
        file: 'tenant_charges.csv',
        line: 6,
        column: 'kwh',
        value: '39x4',
        code: 'CSV.INVALID_DECIMAL',
      }),
    ]);
    expect(errors[0].message).toMatch(/[\u4e00-\u9fff]/);
    const after = await counts(ds);
    expect(after).toEqual({
      ...Object.fromEntries(DATA_TABLES.map((t) => [t, 0])),
      import_batch: 1,
    });
  });

  it('keeps a corrected grid bill as a new version, and the new findings name the version they read', async () => {
    await importUploads(t.app, folderUploads(fixture('02-fixed-price-and-basic-fee')));
    const dir = mkdtempSync(join(tmpdir(), 'zgd-correction-'));
    const grid = readFileSync(
      join(fixture('02-fixed-price-and-basic-fee'), 'grid_bills.csv'),
      'utf8',
    ).split('\n');
    // The grid corrects March: 100 kWh more at peak.
    const corrected = [
      grid[0],
      grid[1].replace(',7300,0.88844,6485.61', ',7400,0.88844,6574.45'),
      grid[2],
    ];
    writeFileSync(join(dir, 'grid_bills.csv'), corrected.join('\n') + '\n');
    const { batch } = await importUploads(t.app, folderUploads(dir));
    expect(JSON.parse(batch.summary!).gridBills).toEqual({
      added: 0,
      superseding: 1,
      unchanged: 0,
    });

    const versions = await ds.query(
      `SELECT id, version FROM grid_bill WHERE account_no = '3100000002' AND period = '2025-03' ORDER BY version`,
    );
    expect(versions.map((v: { version: number }) => Number(v.version))).toEqual([1, 2]);
    const [oldId, newId] = versions.map((v: { id: number }) => Number(v.id));
    const cited = await ds.query(
      `SELECT DISTINCT run_id, grid_bill_id FROM finding WHERE account_no = '3100000002' AND period = '2025-03' ORDER BY run_id`,
    );
    expect(cited.map((c: { grid_bill_id: number }) => Number(c.grid_bill_id))).toEqual([
      oldId,
      newId,
    ]);
    // The over-collection shrinks by exactly the corrected bill's extra 88.84 元.
    const over = await ds.query(
      `SELECT amount_fen FROM finding WHERE type = 'OVER_COLLECTION' AND period = '2025-03' ORDER BY run_id`,
    );
    expect(over.map((o: { amount_fen: string }) => Number(o.amount_fen))).toEqual([
      167403,
      167403 - 8884,
    ]);
  });

  it('gives an identical result for an unchanged input', async () => {
    await importUploads(t.app, folderUploads(fixture('03-loss-own-use-and-tou')));
    const service = t.app.get(ReconciliationService);
    const first = await service.runNow('all');
    const firstOutput = await contractOutputFromDb(ds);
    const second = await service.runNow('all');
    expect(second!.id).toBeGreaterThan(first!.id);
    expect(second!.inputHash).toBe(first!.inputHash);
    expect(await contractOutputFromDb(ds)).toEqual(firstOutput);
    const sheets = await ds.query(
      `SELECT run_id, sheet FROM run_supply_month WHERE run_id IN (?, ?) ORDER BY run_id`,
      [first!.id, second!.id],
    );
    expect(sheets[0].sheet).toBe(sheets[1].sheet);
  });

  it('refuses a tariff that contradicts a stored one, storing nothing of that batch', async () => {
    await importUploads(t.app, folderUploads(fixture('01-clean-two-part')));
    const dir = mkdtempSync(join(tmpdir(), 'zgd-tariff-'));
    writeFileSync(
      join(dir, 'tariffs.csv'),
      'user_class,voltage,pricing,tou,unit_price,effective_from,effective_to\n' +
        'general_commercial,kv_1_10,two_part,peak,1.20000,2025-07-01,2025-08-01\n',
    );
    const before = await counts(ds);
    const { batch } = await importUploads(t.app, folderUploads(dir));
    expect(batch.status).toBe('rejected');
    expect(JSON.parse(batch.errors!)).toEqual([
      expect.objectContaining({
        code: 'BATCH.TARIFF_CONFLICT',
        file: 'tariffs.csv',
        line: 2,
        column: 'unit_price',
      }),
    ]);
    expect(await counts(ds)).toEqual({ ...before, import_batch: before.import_batch + 1 });
  });
});
