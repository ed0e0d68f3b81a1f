import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BATCH_FILES } from '../../modules/reconciliation/domain/batch/batch-files';
import { CsvFileWriter } from './csv-file-writer';
import { demoEntity, type Violation } from './demo-entity';
import { DemoEntityMonths } from './demo-month';
import { tariffRows, tariffsFor } from './demo-tariffs';
import { SeededRandom } from './seeded-random';

export interface DemoBatchOptions {
  out: string;
  entities: number;
  months: number;
  seed: number;
  /** First period, `YYYY-MM`. */
  start?: string;
}

export interface DemoBatchSummary {
  entities: number;
  violating: number;
  /** The answer key: which entity got which planted violation. */
  violations: Map<string, Violation>;
  gridLines: number;
  tenantLines: number;
  ownUseRows: number;
}

/** Writes a deterministic Shanghai batch in the contract's files, one entity at a time. */
export function writeDemoBatch(options: DemoBatchOptions): DemoBatchSummary {
  mkdirSync(options.out, { recursive: true });
  const periods = consecutivePeriods(options.start ?? '2025-01', options.months + 1);
  const tariffs = periods.map(tariffsFor);
  const writer = (key: keyof typeof BATCH_FILES) =>
    new CsvFileWriter(join(options.out, BATCH_FILES[key].fileName), BATCH_FILES[key].columns);
  const files = {
    entities: writer('entities'),
    tariffs: writer('tariffs'),
    gridBills: writer('gridBills'),
    tenantCharges: writer('tenantCharges'),
    ownUse: writer('ownUse'),
  };
  for (let m = 0; m < options.months; m++) {
    for (const row of tariffRows(tariffs[m], periods[m + 1])) files.tariffs.write(row);
  }
  const random = new SeededRandom(options.seed);
  const ids = new Set<string>();
  const violations = new Map<string, Violation>();
  for (let i = 0; i < options.entities; i++) {
    const entity = demoEntity(random, i, ids, violations.size);
    if (entity.violation !== null) violations.set(entity.entityId, entity.violation);
    files.entities.write([
      entity.entityId,
      entity.name,
      entity.premisesAddress,
      entity.districtCode,
    ]);
    const months = new DemoEntityMonths(entity, random);
    for (let m = 0; m < options.months; m++) {
      const rows = months.month(periods[m], tariffs[m]);
      for (const row of rows.grid) files.gridBills.write(row);
      for (const row of rows.tenant) files.tenantCharges.write(row);
      if (rows.ownUse !== null) files.ownUse.write(rows.ownUse);
    }
  }
  for (const file of Object.values(files)) file.close();
  return {
    entities: options.entities,
    violating: violations.size,
    violations,
    gridLines: files.gridBills.rows,
    tenantLines: files.tenantCharges.rows,
    ownUseRows: files.ownUse.rows,
  };
}

/** `count` periods from `start`: 2025-11, 2025-12, 2026-01, … */
export function consecutivePeriods(start: string, count: number): string[] {
  const first = Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)) - 1;
  return Array.from({ length: count }, (_, i) => {
    const index = first + i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}
