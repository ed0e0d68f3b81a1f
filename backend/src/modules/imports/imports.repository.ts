import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { BatchError } from '../reconciliation/domain/batch/batch-errors';
import type {
  ReconciliationInput,
  Tariff as TariffRow,
} from '../reconciliation/domain/reconciliation-input';
import { formatPrice } from '../reconciliation/domain/exact';
import { Tariff } from '../tariffs/tariff.entity';
import { ChargingEntity } from './charging-entity.entity';
import { ImportBatch } from './import-batch.entity';
import { ProviderSignature } from './provider-signature.entity';
import { chargeSheetHash, gridBillHash, ownUseHash, supplyMonthKey } from './input-versions';
import type { OwnUse } from './tenant-charge.entity';
import {
  big,
  insertRows,
  insertVersionedSets,
  latestVersions,
  type VersionCounts,
} from './bulk-insert';

export type { VersionCounts };

export interface StoreSummary {
  entities: number;
  tariffs: { added: number; unchanged: number };
  gridBills: VersionCounts;
  chargeSheets: VersionCounts;
  ownUse: VersionCounts;
  gridLines: number;
  tenantLines: number;
  /** Accounts whose inputs changed: their supply months need a new reconciliation. */
  changedAccounts: string[];
  /** Periods of new tariffs: every account billed in them needs one too. */
  tariffPeriods: string[];
}

/** Thrown inside the transaction when stored data contradicts the batch; nothing is kept. */
export class BatchConflict extends Error {
  constructor(readonly errors: BatchError[]) {
    super('batch conflicts with stored data');
  }
}

@Injectable()
export class ImportsRepository {
  constructor(private readonly ds: DataSource) {}

  findBatchByHash(contentHash: string) {
    return this.ds.getRepository(ImportBatch).findOneBy({ contentHash });
  }

  findBatch(id: string) {
    return this.ds.getRepository(ImportBatch).findOneBy({ id });
  }

  listBatches(limit: number) {
    return this.ds
      .getRepository(ImportBatch)
      .find({ order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
  }

  /** False when the signature was seen before (its primary key is taken). */
  async rememberSignature(signature: string, providerId: string): Promise<boolean> {
    const repo = this.ds.getRepository(ProviderSignature);
    try {
      await repo.insert({ signature, providerId, seenAt: new Date() });
      return true;
    } catch (e) {
      if (await repo.existsBy({ signature })) return false;
      throw e;
    }
  }

  saveRejected(batch: ImportBatch) {
    return this.ds.getRepository(ImportBatch).insert(batch);
  }

  /**
   * Stores a validated batch and its record in ONE transaction: a crash, a conflict or a kill
   * at any point leaves none of it. Inputs are versioned per account and month.
   */
  async saveImported(batch: ImportBatch, input: ReconciliationInput): Promise<StoreSummary> {
    return this.ds.transaction(async (m) => {
      const summary: StoreSummary = {
        entities: await this.upsertEntities(m, batch.id, input),
        tariffs: await this.insertTariffs(m, batch.id, input.tariffs),
        gridBills: await this.insertGridBills(m, batch.id, input),
        chargeSheets: await this.insertChargeSheets(m, batch.id, input),
        ownUse: await this.insertOwnUse(m, batch.id, input),
        gridLines: input.gridBills.length,
        tenantLines: input.tenantCharges.length,
        changedAccounts: [],
        tariffPeriods: [],
      };
      summary.changedAccounts = await this.accountsTouchedBy(m, batch.id);
      summary.tariffPeriods = tariffPeriods(input.tariffs);
      batch.summary = JSON.stringify(summary);
      await m.getRepository(ImportBatch).insert(batch);
      return summary;
    });
  }

  private async accountsTouchedBy(m: EntityManager, batchId: string): Promise<string[]> {
    const accounts = new Set<string>();
    for (const table of ['grid_bill', 'tenant_charge_sheet', 'own_use']) {
      const rows: { account_no: string }[] = await m.query(
        `SELECT DISTINCT account_no FROM ${table} WHERE batch_id = ?`,
        [batchId],
      );
      for (const r of rows) accounts.add(r.account_no);
    }
    return [...accounts].sort();
  }

  private async upsertEntities(m: EntityManager, batchId: string, input: ReconciliationInput) {
    const repo = m.getRepository(ChargingEntity);
    for (const e of input.entities) {
      await repo.save({
        id: e.entityId,
        name: e.name,
        premisesAddress: e.premisesAddress,
        districtCode: e.districtCode,
        batchId,
      });
    }
    return input.entities.length;
  }

  /** Tariffs are never edited: the same row again is nothing new, a different one a conflict. */
  private async insertTariffs(m: EntityManager, batchId: string, rows: TariffRow[]) {
    if (!rows.length) return { added: 0, unchanged: 0 };
    const stored = await m
      .getRepository(Tariff)
      .findBy({ effectiveFrom: In([...new Set(rows.map((r) => r.effectiveFrom))]) });
    const byKey = new Map(stored.map((t) => [tariffKey(t), t]));
    const fresh: TariffRow[] = [];
    const conflicts: BatchError[] = [];
    for (const r of rows) {
      const old = byKey.get(tariffKey(r));
      if (!old) {
        fresh.push(r);
      } else if (old.unitPriceE5 !== r.unitPriceE5 || old.effectiveTo !== r.effectiveTo) {
        conflicts.push({
          code: 'BATCH.TARIFF_CONFLICT' as BatchError['code'],
          message: `已存在同一电价自 ${r.effectiveFrom} 起的记录（${formatPrice(old.unitPriceE5)} 元/千瓦时，至 ${old.effectiveTo ?? '长期'}），电价不可修改，只能以新的生效日期发布`,
          file: 'tariffs.csv',
          line: r.sourceLine ?? 0,
          column: 'unit_price',
          value: formatPrice(r.unitPriceE5),
        });
      }
    }
    if (conflicts.length) throw new BatchConflict(conflicts);
    await insertRows(
      m,
      'tariff',
      [
        'user_class',
        'voltage',
        'pricing',
        'tou',
        'unit_price_e5',
        'effective_from',
        'effective_to',
        'batch_id',
      ],
      fresh.map((t) => [
        t.userClass,
        t.voltage,
        t.pricing,
        t.tou,
        big(t.unitPriceE5!),
        t.effectiveFrom,
        t.effectiveTo,
        batchId,
      ]),
    );
    return { added: fresh.length, unchanged: rows.length - fresh.length };
  }

  private insertGridBills(m: EntityManager, batchId: string, input: ReconciliationInput) {
    return insertVersionedSets(m, batchId, input.gridBills, {
      table: 'grid_bill',
      hash: gridBillHash,
      extraColumns: ['user_class', 'voltage', 'pricing'],
      extraValues: (f) => [f.userClass, f.voltage, f.pricing],
      lineTable: 'grid_bill_line',
      lineColumns: [
        'grid_bill_id',
        'line',
        'tou',
        'kwh_milli',
        'unit_price_e5',
        'amount_fen',
        'source_line',
      ],
      lineValues: (l) => [
        l.line,
        l.tou,
        big(l.kwhMilli),
        big(l.unitPriceE5),
        big(l.amountFen),
        l.sourceLine ?? 0,
      ],
    });
  }

  private insertChargeSheets(m: EntityManager, batchId: string, input: ReconciliationInput) {
    return insertVersionedSets(m, batchId, input.tenantCharges, {
      table: 'tenant_charge_sheet',
      hash: chargeSheetHash,
      extraColumns: [],
      extraValues: () => [],
      lineTable: 'tenant_charge_line',
      lineColumns: [
        'sheet_id',
        'tenant_id',
        'tenant_name',
        'item',
        'tou',
        'kwh_milli',
        'unit_price_e5',
        'amount_fen',
        'source_line',
      ],
      lineValues: (l) => [
        l.tenantId,
        l.tenantName,
        l.item,
        l.tou,
        big(l.kwhMilli),
        big(l.unitPriceE5),
        big(l.amountFen),
        l.sourceLine ?? 0,
      ],
    });
  }

  private async insertOwnUse(m: EntityManager, batchId: string, input: ReconciliationInput) {
    const latest = await latestVersions(
      m,
      'own_use',
      input.ownUse.map((o) => o.accountNo),
    );
    const counts: VersionCounts = { added: 0, superseding: 0, unchanged: 0 };
    const rows: Partial<OwnUse>[] = [];
    for (const o of input.ownUse) {
      const prev = latest.get(supplyMonthKey(o.accountNo, o.period));
      // own_use has no content_hash column: its content is the one figure.
      if (prev && prev.contentHash === ownUseHash(o)) {
        counts.unchanged++;
        continue;
      }
      counts[prev ? 'superseding' : 'added']++;
      rows.push({
        entityId: o.entityId,
        accountNo: o.accountNo,
        period: o.period,
        version: (prev?.version ?? 0) + 1,
        batchId,
        kwhMilli: o.kwhMilli,
        sourceLine: o.sourceLine ?? 0,
      });
    }
    await insertRows(
      m,
      'own_use',
      ['entity_id', 'account_no', 'period', 'version', 'batch_id', 'kwh_milli', 'source_line'],
      rows.map((o) => [
        o.entityId,
        o.accountNo,
        o.period,
        o.version,
        batchId,
        big(o.kwhMilli!),
        o.sourceLine,
      ]),
    );
    return counts;
  }
}

function tariffKey(t: {
  userClass: string;
  voltage: string;
  pricing: string;
  tou: string;
  effectiveFrom: string;
}) {
  return [t.userClass, t.voltage, t.pricing, t.tou, t.effectiveFrom].join('|');
}

function tariffPeriods(rows: TariffRow[]): string[] {
  return [...new Set(rows.map((r) => r.effectiveFrom.slice(0, 7)))].sort();
}
