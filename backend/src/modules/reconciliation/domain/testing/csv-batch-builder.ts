import { readBatch, type BatchReadResult } from '../batch/batch-reader';
import type { BatchFileName } from '../batch/batch-files';
import { memoryBatchSource } from '../batch/memory-batch-source';
import { toContractOutput, type ContractOutput } from '../contract-output';
import { reconcile, type ReconciliationOptions } from '../engine';
import type { ReconciliationResult } from '../reconciliation-result';

/**
 * Small batches written as CSV rows, for specs: what a test states is exactly what a user would
 * upload. IDs are valid 统一社会信用代码 from shared/fixtures/reconciliation.
 */
export const ENTITY = '91310112YUYU122BX0';
export const OTHER_ENTITY = '913101154JURQ2830U';
/** Tenants in code-point order: A < B < C < D. */
export const TENANT_A = '913101077L4UXGCP73';
export const TENANT_B = '91310110NFHTHFCL1H';
export const TENANT_C = '91310112JY3WA00013';
export const TENANT_D = '91310120FLCR63F09K';
export const ACCOUNT = '3100000009';

export type Files = Partial<Record<BatchFileName, string>>;

const GRID_HEADER =
  'account_no,entity_id,period,user_class,voltage,pricing,line,tou,kwh,unit_price,amount';
const TENANT_HEADER =
  'entity_id,account_no,tenant_id,tenant_name,period,item,tou,kwh,unit_price,amount';

/** Grid lines of ACCOUNT/ENTITY on general_commercial lt_1kv single: [period, line, tou, kwh, price, amount]. */
export function gridCsv(...lines: [string, string, string, string, string, string][]): string {
  const rows = lines.map(
    ([period, line, tou, kwh, price, amount]) =>
      `${ACCOUNT},${ENTITY},${period},general_commercial,lt_1kv,single,${line},${tou},${kwh},${price},${amount}`,
  );
  return [GRID_HEADER, ...rows].join('\n') + '\n';
}

/** Tenant lines of ACCOUNT/ENTITY: [tenant, period, item, tou, kwh, price, amount]. */
export function tenantCsv(
  ...lines: [string, string, string, string, string, string, string][]
): string {
  const rows = lines.map(
    ([tenant, period, item, tou, kwh, price, amount]) =>
      `${ENTITY},${ACCOUNT},${tenant},租户,${period},${item},${tou},${kwh},${price},${amount}`,
  );
  return [TENANT_HEADER, ...rows].join('\n') + '\n';
}

export function ownUseCsv(...rows: [string, string][]): string {
  return (
    [
      'entity_id,account_no,period,kwh',
      ...rows.map(([period, kwh]) => `${ENTITY},${ACCOUNT},${period},${kwh}`),
    ].join('\n') + '\n'
  );
}

/** A tariff table line: [tou, unit_price, effective_from, effective_to] for general_commercial lt_1kv single. */
export function tariffCsv(...rows: [string, string, string, string][]): string {
  const header = 'user_class,voltage,pricing,tou,unit_price,effective_from,effective_to';
  return (
    [
      header,
      ...rows.map(
        ([tou, price, from, to]) =>
          `general_commercial,lt_1kv,single,${tou},${price},${from},${to}`,
      ),
    ].join('\n') + '\n'
  );
}

export function readFiles(files: Files): BatchReadResult {
  return readBatch(memoryBatchSource(files));
}

/** Reads, validates (failing loudly) and reconciles a batch. */
export function reconcileFiles(
  files: Files,
  options?: ReconciliationOptions,
): ReconciliationResult {
  const batch = readFiles(files);
  if (!batch.ok)
    throw new Error(
      `invalid test batch:\n${batch.errors.map((e) => `${e.file}:${e.line} ${e.column} ${e.code}`).join('\n')}`,
    );
  return reconcile(batch.input, options);
}

export function contractOutputOf(files: Files, options?: ReconciliationOptions): ContractOutput {
  return toContractOutput(reconcileFiles(files, options));
}

/**
 * The grid bill most specs use, 2025-07: peak 1000 kWh × 0.87970 = 879.70 and valley
 * 500 kWh × 0.44550 = 222.75, so G = 1102.45, K = 1500 and avg = 0.7349666… (repeating).
 */
export const JULY_GRID = gridCsv(
  ['2025-07', 'energy', 'peak', '1000', '0.87970', '879.70'],
  ['2025-07', 'energy', 'valley', '500', '0.44550', '222.75'],
);

/** The tariffs JULY_GRID was priced with. */
export const JULY_TARIFFS = tariffCsv(
  ['peak', '0.87970', '2025-07-01', '2025-08-01'],
  ['valley', '0.44550', '2025-07-01', '2025-08-01'],
);

/** A finding reduced to what specs compare. */
export function findingsOf(
  files: Files,
  options?: ReconciliationOptions,
): [string, string, string | null, string | null][] {
  return contractOutputOf(files, options).findings.map((f) => [
    f.type,
    f.period,
    f.tenant_id,
    f.amount,
  ]);
}
