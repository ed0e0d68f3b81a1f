import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { writeDemoBatch } from '../cli/demo-data/demo-batch';
import { dataSourceOptions } from '../database/data-source-options';
import { batchContentHash, toBatchFiles } from '../modules/imports/batch-files';
import { ImportBatch } from '../modules/imports/import-batch.entity';
import { ImportsRepository } from '../modules/imports/imports.repository';
import { readBatch } from '../modules/reconciliation/domain/batch/batch-reader';
import type { ReconciliationInput } from '../modules/reconciliation/domain/reconciliation-input';
import { fmt, numberArg } from './bench-args';

/**
 * `pnpm bench:import`: imports a generated batch into a fresh MySQL database the way the
 * product does (validate, version, store in one transaction), and in the same run inserts the
 * same line rows with raw mysql2 multi-row INSERTs of 1,000 rows in one transaction: the
 * fastest plain way to put those rows in, as the baseline.
 *
 *   node dist/bench/import.bench.js [--entities 1200] [--months 12]   (MYSQL_URL, default root@127.0.0.1)
 */
const GOAL_ROWS_PER_SECOND = 20_000;
const GOAL_SHARE_OF_RAW = 0.5;
const server = (process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/$/, '');

async function main() {
  const entities = numberArg('--entities', 1200);
  const months = numberArg('--months', 12);
  const dir = mkdtempSync(join(tmpdir(), 'zgd-bench-import-'));
  const db = `zgd_bench_${Date.now()}`;
  const admin = await createConnection(server);
  await admin.query(`CREATE DATABASE \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const ds = new DataSource(dataSourceOptions({ type: 'mysql', location: `${server}/${db}` }));
  try {
    const summary = writeDemoBatch({ out: dir, entities, months, seed: 2025 });
    console.log(
      `batch: ${entities} entities × ${months} months, ${summary.tenantLines} tenant lines, ${summary.gridLines} grid lines`,
    );
    await ds.initialize();
    await ds.runMigrations();

    const t0 = performance.now();
    const uploads = readdirSync(dir).map((name) => ({ name, data: readFileSync(join(dir, name)) }));
    const { files } = await toBatchFiles(uploads);
    const read = readBatch({ chunks: (n) => files.filter((f) => f.name === n).map((f) => f.data) });
    if (!read.ok)
      throw new Error(`generated batch is invalid: ${JSON.stringify(read.errors.slice(0, 3))}`);
    const t1 = performance.now();
    await new ImportsRepository(ds).saveImported(batchRecord(batchContentHash(files)), read.input);
    const t2 = performance.now();
    const rows = rowCount(read.input);

    await ds.query('DELETE FROM tenant_charge_line');
    await ds.query('DELETE FROM grid_bill_line');
    const t3 = performance.now();
    await rawInsert(`${server}/${db}`, read.input);
    const t4 = performance.now();
    const lineRows = read.input.gridBills.length + read.input.tenantCharges.length;

    const store = rows / ((t2 - t1) / 1000);
    const endToEnd = rows / ((t2 - t0) / 1000);
    const raw = lineRows / ((t4 - t3) / 1000);
    const table = [
      ['phase', 'rows', 'seconds', 'rows/s'],
      [
        'import: read + validate + store (end to end)',
        String(rows),
        ((t2 - t0) / 1000).toFixed(2),
        fmt(endToEnd),
      ],
      [
        'import: store (one transaction, versioned)',
        String(rows),
        ((t2 - t1) / 1000).toFixed(2),
        fmt(store),
      ],
      [
        'baseline: raw mysql2 multi-row INSERT of the lines',
        String(lineRows),
        ((t4 - t3) / 1000).toFixed(2),
        fmt(raw),
      ],
    ];
    const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
    for (const r of table)
      console.log(
        r
          .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
          .join('  '),
      );
    console.log('');
    console.log(
      `goal ≥ ${fmt(GOAL_ROWS_PER_SECOND)} rows/s stored: ${store >= GOAL_ROWS_PER_SECOND ? 'met' : 'MISSED'} (${fmt(store)})`,
    );
    console.log(
      `goal ≥ ${GOAL_SHARE_OF_RAW * 100}% of the raw rate: ${store >= GOAL_SHARE_OF_RAW * raw ? 'met' : 'MISSED'} (${((100 * store) / raw).toFixed(0)}%)`,
    );
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await admin.query(`DROP DATABASE IF EXISTS \`${db}\``);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

function batchRecord(contentHash: string): ImportBatch {
  return Object.assign(new ImportBatch(), {
    id: randomUUID(),
    contentHash,
    source: 'cli',
    providerId: null,
    status: 'imported',
    files: '[]',
    rawPath: 'bench',
    summary: null,
    errors: null,
    jobId: null,
    createdAt: new Date(),
    finishedAt: new Date(),
  });
}

function rowCount(input: ReconciliationInput): number {
  return (
    input.entities.length +
    input.tariffs.length +
    input.gridBills.length +
    input.tenantCharges.length +
    input.ownUse.length
  );
}

/** The same line rows, as plain multi-row INSERTs in one transaction. */
async function rawInsert(url: string, input: ReconciliationInput) {
  const c = await createConnection(url);
  const n = (v: bigint | null) => (v === null ? null : v.toString());
  try {
    await c.beginTransaction();
    const grid = input.gridBills.map((l, i) => [
      1,
      l.line,
      l.tou,
      n(l.kwhMilli),
      n(l.unitPriceE5),
      n(l.amountFen),
      i,
    ]);
    const tenant = input.tenantCharges.map((l, i) => [
      1,
      l.tenantId,
      l.tenantName,
      l.item,
      l.tou,
      n(l.kwhMilli),
      n(l.unitPriceE5),
      n(l.amountFen),
      i,
    ]);
    for (let i = 0; i < grid.length; i += 1000) {
      await c.query(
        'INSERT INTO grid_bill_line (grid_bill_id, line, tou, kwh_milli, unit_price_e5, amount_fen, source_line) VALUES ?',
        [grid.slice(i, i + 1000)],
      );
    }
    for (let i = 0; i < tenant.length; i += 1000) {
      await c.query(
        'INSERT INTO tenant_charge_line (sheet_id, tenant_id, tenant_name, item, tou, kwh_milli, unit_price_e5, amount_fen, source_line) VALUES ?',
        [tenant.slice(i, i + 1000)],
      );
    }
    await c.commit();
  } finally {
    await c.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
