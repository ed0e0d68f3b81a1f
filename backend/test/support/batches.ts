import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JOB_QUEUE, type JobQueue } from '../../src/common/jobs/job-queue';
import { toBatchFiles, type Upload } from '../../src/modules/imports/batch-files';
import { ImportsService, type ImportOutcome } from '../../src/modules/imports/imports.service';
import { formatFen } from '../../src/modules/reconciliation/domain/exact';

export const FIXTURES = join(__dirname, '../fixtures/reconciliation');
export const fixture = (name: string) => join(FIXTURES, name);

export function folderUploads(dir: string): Upload[] {
  return readdirSync(dir)
    .filter((n) => /\.(csv|xlsx)$/.test(n))
    .sort()
    .map((name) => ({ name, data: readFileSync(join(dir, name)) }));
}

/** Imports through the same service as the API and CLI, and waits for the run it triggers. */
export async function importUploads(
  app: INestApplicationContext,
  uploads: Upload[],
): Promise<ImportOutcome> {
  const { files, errors } = await toBatchFiles(uploads);
  if (errors.length) throw new Error(JSON.stringify(errors));
  const outcome = await app
    .get(ImportsService)
    .importFiles(files, { source: 'cli', providerId: null, onlyEntityId: null });
  if (outcome.runJobId) {
    const run = await app.get<JobQueue>(JOB_QUEUE).waitFor(outcome.runJobId, 60_000);
    if (run.status !== 'done') throw new Error(`run failed: ${JSON.stringify(run.error)}`);
  }
  return outcome;
}

export async function count(ds: DataSource, table: string): Promise<number> {
  const [row] = await ds.query(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(row.n);
}

const byCodePoint = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1;

/**
 * The current verdict of every supply month, read back from the database in the contract's
 * output shape (§5): what `cli reconcile` prints for the same inputs.
 */
export async function contractOutputFromDb(ds: DataSource) {
  const latest = `SELECT MAX(run_id) FROM run_supply_month m WHERE m.account_no = x.account_no AND m.period = x.period`;
  const findings: Record<string, string | number | null>[] = await ds.query(
    `SELECT type, entity_id, account_no, period, tenant_id, amount_fen FROM finding x WHERE run_id = (${latest})`,
  );
  const refunds: Record<string, string | number>[] = await ds.query(
    `SELECT entity_id, account_no, period, tenant_id, amount_fen FROM refund x WHERE run_id = (${latest})`,
  );
  const key = (r: Record<string, unknown>) => [r.entity_id, r.account_no, r.period] as string[];
  const cmp = (a: Record<string, unknown>, b: Record<string, unknown>) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return byCodePoint(x[i], y[i]);
    return (
      byCodePoint(a.tenant_id as string | null, b.tenant_id as string | null) ||
      byCodePoint(a.type as string, b.type as string)
    );
  };
  const total = refunds.reduce((s, r) => s + BigInt(r.amount_fen), 0n);
  return {
    findings: findings.sort(cmp).map((f) => ({
      type: f.type,
      entity_id: f.entity_id,
      account_no: f.account_no,
      period: f.period,
      tenant_id: f.tenant_id,
      amount: f.amount_fen === null ? null : formatFen(BigInt(f.amount_fen)),
    })),
    refunds: refunds.sort(cmp).map((r) => ({
      entity_id: r.entity_id,
      account_no: r.account_no,
      period: r.period,
      tenant_id: r.tenant_id,
      amount: formatFen(BigInt(r.amount_fen)),
    })),
    total_refund: formatFen(total),
  };
}
