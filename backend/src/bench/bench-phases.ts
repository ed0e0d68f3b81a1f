import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileChunks, folderBatchSource } from '../cli/fs-batch-source';
import { BATCH_FILES, BATCH_FILE_ORDER } from '../modules/reconciliation/domain/batch/batch-files';
import { readBatch } from '../modules/reconciliation/domain/batch/batch-reader';
import { toContractOutput } from '../modules/reconciliation/domain/contract-output';
import { readCsvChunks } from '../modules/reconciliation/domain/csv/csv-reader';
import { reconcile } from '../modules/reconciliation/domain/engine';
import { parseScaled } from '../modules/reconciliation/domain/exact';

export type PhaseName = 'csv' | 'typed' | 'reconcile' | 'sheets';

export interface PhaseResult {
  /** Data rows read, all files. */
  lines: number;
  seconds: number;
  peakRssMb: number;
}

/** Each phase runs alone in its own process, so its peak RSS is its own. */
export const benchPhases: Record<PhaseName, (dir: string) => PhaseResult> = {
  csv: (dir) => timed(() => eachRecord(dir, () => undefined)),
  typed: (dir) => timed(() => typedRows(dir)),
  reconcile: (dir) => timed(() => fullReconcile(dir, false)),
  sheets: (dir) => timed(() => fullReconcile(dir, true)),
};

function timed(run: () => number): PhaseResult {
  const started = process.hrtime.bigint();
  const lines = run();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { lines, seconds, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
}

/** The baseline: every file read, decoded and split into records and fields, nothing more. */
function eachRecord(
  dir: string,
  onRow: (file: string, fields: string[], header: string[]) => void,
): number {
  let rows = 0;
  for (const key of BATCH_FILE_ORDER) {
    const file = BATCH_FILES[key].fileName;
    let header: string[] | null = null;
    readCsvChunks(fileChunks(join(dir, file)), {
      record(row) {
        // A CSV parse in full: every field of every row becomes a string.
        const fields = row.fields();
        if (header === null) {
          header = fields;
          return;
        }
        rows++;
        onRow(file, fields, header);
      },
      syntaxError() {
        throw new Error(`${file} is not valid CSV`);
      },
    });
  }
  return rows;
}

/**
 * A second reference: every row turned into the engine's fixed-shape object with BigInt
 * amounts, but nothing checked. Shows what holding a million typed rows costs by itself.
 */
function typedRows(dir: string): number {
  const kept: unknown[] = [];
  let columns: Record<string, number> = {};
  let lastHeader: string[] | null = null;
  const lines = eachRecord(dir, (file, f, header) => {
    if (header !== lastHeader) {
      lastHeader = header;
      columns = Object.fromEntries(header.map((name, i) => [name, i]));
    }
    kept.push(TYPED_ROW[file](f, columns));
  });
  return kept.length === lines ? lines : -1;
}

const decimal = (text: string, scale: number): bigint | null =>
  text === '' ? null : (parseScaled(text, scale) as bigint);

type RowBuilder = (f: string[], c: Record<string, number>) => unknown;

const TYPED_ROW: Record<string, RowBuilder> = {
  'entities.csv': (f, c) => ({
    entityId: f[c.entity_id],
    name: f[c.name],
    premisesAddress: f[c.premises_address],
    districtCode: f[c.district_code],
  }),
  'tariffs.csv': (f, c) => ({
    userClass: f[c.user_class],
    voltage: f[c.voltage],
    pricing: f[c.pricing],
    tou: f[c.tou],
    unitPriceE5: decimal(f[c.unit_price], 5),
    effectiveFrom: f[c.effective_from],
    effectiveTo: f[c.effective_to] || null,
  }),
  'grid_bills.csv': (f, c) => ({
    accountNo: f[c.account_no],
    entityId: f[c.entity_id],
    period: f[c.period],
    userClass: f[c.user_class],
    voltage: f[c.voltage],
    pricing: f[c.pricing],
    line: f[c.line],
    tou: f[c.tou] || null,
    kwhMilli: decimal(f[c.kwh], 3),
    unitPriceE5: decimal(f[c.unit_price], 5),
    amountFen: decimal(f[c.amount], 2),
  }),
  'tenant_charges.csv': (f, c) => ({
    entityId: f[c.entity_id],
    accountNo: f[c.account_no],
    tenantId: f[c.tenant_id],
    tenantName: f[c.tenant_name],
    period: f[c.period],
    item: f[c.item],
    tou: f[c.tou] || null,
    kwhMilli: decimal(f[c.kwh], 3),
    unitPriceE5: decimal(f[c.unit_price], 5),
    amountFen: decimal(f[c.amount], 2),
  }),
  'own_use.csv': (f, c) => ({
    entityId: f[c.entity_id],
    accountNo: f[c.account_no],
    period: f[c.period],
    kwhMilli: decimal(f[c.kwh], 3),
  }),
};

/** What `pnpm -s cli reconcile DIR` does: read, validate, reconcile, format, write. */
function fullReconcile(dir: string, sheets: boolean): number {
  const batch = readBatch(folderBatchSource(dir));
  if (!batch.ok) throw new Error(`the demo batch is invalid: ${batch.errors.length} errors`);
  const { input } = batch;
  const result = reconcile(input, { sheets });
  writeFileSync(
    join(dir, `output-${process.pid}.json`),
    `${JSON.stringify(toContractOutput(result), null, 2)}\n`,
  );
  return (
    input.entities.length +
    input.tariffs.length +
    input.gridBills.length +
    input.tenantCharges.length +
    input.ownUse.length
  );
}
