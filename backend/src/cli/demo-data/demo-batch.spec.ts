import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHANGHAI_DISTRICTS } from '@zgd/shared-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBatch } from '../../modules/reconciliation/domain/batch/batch-reader';
import { reconcile } from '../../modules/reconciliation/domain/engine';
import type { ReconciliationInput } from '../../modules/reconciliation/domain/reconciliation-input';
import type { ReconciliationResult } from '../../modules/reconciliation/domain/reconciliation-result';
import { folderBatchSource } from '../fs-batch-source';
import { writeDemoBatch, type DemoBatchSummary } from './demo-batch';
import type { Violation } from './demo-entity';

/** The finding each planted pattern must produce. */
const EXPECTED: Record<Violation, string> = {
  fixed_price: 'FIXED_PRICE',
  basic_fee: 'PROHIBITED_FEE',
  service_fee: 'PROHIBITED_FEE',
  loss_above_cap: 'LOSS_ABOVE_CAP',
  price_cut_not_passed_on: 'PRICE_ABOVE_GRID',
  inflated_sub_meters: 'OVER_COLLECTION',
  own_use_passed_on: 'OVER_COLLECTION',
};

let dir: string;
let summary: DemoBatchSummary;
let input: ReconciliationInput;
let result: ReconciliationResult;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zgd-demo-'));
  summary = writeDemoBatch({ out: join(dir, 'a'), entities: 64, months: 8, seed: 11 });
  const batch = readBatch(folderBatchSource(join(dir, 'a')));
  if (!batch.ok)
    throw new Error(
      batch.errors
        .slice(0, 5)
        .map((e) => `${e.file}:${e.line} ${e.column} ${e.code}`)
        .join('\n'),
    );
  input = batch.input;
  result = reconcile(input);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('demo-data', () => {
  it('writes a batch that validates with zero errors', () => {
    expect(input.tenantCharges).toHaveLength(summary.tenantLines);
    expect(input.gridBills).toHaveLength(summary.gridLines);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    writeDemoBatch({ out: join(dir, 'b'), entities: 64, months: 8, seed: 11 });
    writeDemoBatch({ out: join(dir, 'c'), entities: 64, months: 8, seed: 12 });
    const read = (sub: string) => readFileSync(join(dir, sub, 'tenant_charges.csv'), 'utf8');
    expect(read('b')).toBe(read('a'));
    expect(read('c')).not.toBe(read('a'));
  });

  it('spreads entities over all 16 districts with 3101xxxxxx accounts, clear of the worked examples', () => {
    expect(new Set(input.entities.map((e) => e.districtCode))).toEqual(
      new Set(SHANGHAI_DISTRICTS.map((d) => d.code)),
    );
    expect(input.gridBills.every((line) => /^3101\d{6}$/.test(line.accountNo))).toBe(true);
  });

  it('gives each entity 2 to 12 tenants and mixes single-part and two-part accounts', () => {
    const tenants = new Map<string, Set<string>>();
    for (const line of input.tenantCharges) {
      if (!tenants.has(line.entityId)) tenants.set(line.entityId, new Set());
      tenants.get(line.entityId)!.add(line.tenantId);
    }
    const counts = [...tenants.values()].map((set) => set.size);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...counts)).toBeLessThanOrEqual(12);
    expect(new Set(input.gridBills.map((line) => line.pricing))).toEqual(
      new Set(['single', 'two_part']),
    );
    expect(new Set(input.gridBills.map((line) => line.tou))).toEqual(
      new Set(['sharp', 'peak', 'flat', 'valley', 'none', null]),
    );
  });

  it('prices July 2025 with the published 1–10 kV tariffs', () => {
    const tariffs = readFileSync(join(dir, 'a', 'tariffs.csv'), 'utf8');
    for (const [tou, price] of [
      ['valley', '0.31910'],
      ['flat', '0.68110'],
      ['peak', '1.16370'],
      ['sharp', '1.43520'],
    ]) {
      expect(tariffs).toContain(
        `general_commercial,kv_1_10,two_part,${tou},${price},2025-07-01,2025-08-01`,
      );
    }
  });

  it('leaves honest entities without findings (no tariff, price or total problems)', () => {
    const flagged = new Set(result.findings.map((f) => f.entityId));
    const honest = input.entities.filter((e) => !summary.violations.has(e.entityId));
    expect(honest.length).toBeGreaterThan(40);
    expect(honest.filter((e) => flagged.has(e.entityId))).toEqual([]);
  });

  it('plants about one violation in five, each caught by its rule', () => {
    expect(summary.violations.size).toBeGreaterThanOrEqual(8);
    expect(new Set(summary.violations.values()).size).toBeGreaterThanOrEqual(5);
    for (const [entityId, violation] of summary.violations) {
      const types = result.findings.filter((f) => f.entityId === entityId).map((f) => f.type);
      expect({ entityId, violation, found: types.includes(EXPECTED[violation] as never) }).toEqual({
        entityId,
        violation,
        found: true,
      });
    }
  });
});
