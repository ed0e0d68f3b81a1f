import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { supplyMonthKey } from '../imports/input-versions';
import { resolveTariffVersions } from '../tariffs/domain/tariff-versions';
import type {
  ChargingEntity,
  GridBillLine,
  OwnUse,
  ReconciliationInput,
  Tariff,
  TenantChargeLine,
} from './domain/reconciliation-input';
import { Finding, ReconciliationRun, Refund, RunSupplyMonth } from './reconciliation-run.entity';

/** The input versions a supply month was judged on. */
export interface SourceVersions {
  gridBillId: number | null;
  chargeSheetId: number | null;
  ownUseId: number | null;
}

export interface LoadedInput {
  input: ReconciliationInput;
  versions: Map<string, SourceVersions>;
}

const CHUNK = 500;
const big = (v: string | number | null) => (v === null ? null : BigInt(v));

@Injectable()
export class ReconciliationRepository {
  constructor(private readonly ds: DataSource) {}

  /** Accounts with a grid bill or tenant charges in any of these periods. */
  async accountsBilledIn(periods: string[]): Promise<string[]> {
    if (!periods.length) return [];
    const marks = periods.map(() => '?').join(',');
    const rows: { account_no: string }[] = await this.ds.query(
      `SELECT account_no FROM grid_bill WHERE period IN (${marks})
       UNION SELECT account_no FROM tenant_charge_sheet WHERE period IN (${marks})`,
      [...periods, ...periods],
    );
    return rows.map((r) => r.account_no);
  }

  async allAccounts(): Promise<string[]> {
    const rows: { account_no: string }[] = await this.ds.query(
      'SELECT account_no FROM grid_bill UNION SELECT account_no FROM tenant_charge_sheet',
    );
    return rows.map((r) => r.account_no);
  }

  /** The current (newest) version of every input of these accounts, in the engine's shapes. */
  async loadInput(accounts: string[]): Promise<LoadedInput> {
    const versions = new Map<string, SourceVersions>();
    const slot = (account: string, period: string) => {
      const key = supplyMonthKey(account, period);
      let v = versions.get(key);
      if (!v) versions.set(key, (v = { gridBillId: null, chargeSheetId: null, ownUseId: null }));
      return v;
    };
    const gridBills: GridBillLine[] = [];
    const tenantCharges: TenantChargeLine[] = [];
    const ownUse: OwnUse[] = [];
    const entityIds = new Set<string>();
    for (let i = 0; i < accounts.length; i += CHUNK) {
      const part = accounts.slice(i, i + CHUNK);
      const marks = part.map(() => '?').join(',');
      const bills = await this.ds.query(
        `SELECT g.id, g.entity_id, g.account_no, g.period, g.user_class, g.voltage, g.pricing,
                l.line, l.tou, l.kwh_milli, l.unit_price_e5, l.amount_fen, l.source_line
         FROM grid_bill g JOIN grid_bill_line l ON l.grid_bill_id = g.id
         WHERE g.account_no IN (${marks}) AND g.version =
           (SELECT MAX(v.version) FROM grid_bill v WHERE v.account_no = g.account_no AND v.period = g.period)
         ORDER BY l.id`,
        part,
      );
      for (const r of bills) {
        slot(r.account_no, r.period).gridBillId = Number(r.id);
        entityIds.add(r.entity_id);
        gridBills.push({
          accountNo: r.account_no,
          entityId: r.entity_id,
          period: r.period,
          userClass: r.user_class,
          voltage: r.voltage,
          pricing: r.pricing,
          line: r.line,
          tou: r.tou,
          kwhMilli: big(r.kwh_milli),
          unitPriceE5: big(r.unit_price_e5),
          amountFen: BigInt(r.amount_fen),
          sourceLine: Number(r.source_line),
        });
      }
      const charges = await this.ds.query(
        `SELECT s.id, s.entity_id, s.account_no, s.period, l.tenant_id, l.tenant_name, l.item, l.tou,
                l.kwh_milli, l.unit_price_e5, l.amount_fen, l.source_line
         FROM tenant_charge_sheet s JOIN tenant_charge_line l ON l.sheet_id = s.id
         WHERE s.account_no IN (${marks}) AND s.version =
           (SELECT MAX(v.version) FROM tenant_charge_sheet v WHERE v.account_no = s.account_no AND v.period = s.period)
         ORDER BY l.id`,
        part,
      );
      for (const r of charges) {
        slot(r.account_no, r.period).chargeSheetId = Number(r.id);
        entityIds.add(r.entity_id);
        tenantCharges.push({
          entityId: r.entity_id,
          accountNo: r.account_no,
          tenantId: r.tenant_id,
          tenantName: r.tenant_name,
          period: r.period,
          item: r.item,
          tou: r.tou,
          kwhMilli: big(r.kwh_milli),
          unitPriceE5: big(r.unit_price_e5),
          amountFen: BigInt(r.amount_fen),
          sourceLine: Number(r.source_line),
        });
      }
      const own = await this.ds.query(
        `SELECT o.id, o.entity_id, o.account_no, o.period, o.kwh_milli, o.source_line FROM own_use o
         WHERE o.account_no IN (${marks}) AND o.version =
           (SELECT MAX(v.version) FROM own_use v WHERE v.account_no = o.account_no AND v.period = o.period)`,
        part,
      );
      for (const r of own) {
        slot(r.account_no, r.period).ownUseId = Number(r.id);
        ownUse.push({
          entityId: r.entity_id,
          accountNo: r.account_no,
          period: r.period,
          kwhMilli: BigInt(r.kwh_milli),
          sourceLine: Number(r.source_line),
        });
      }
    }
    return {
      input: {
        entities: await this.entities([...entityIds]),
        tariffs: await this.tariffs(),
        gridBills,
        tenantCharges,
        ownUse,
      },
      versions,
    };
  }

  private async entities(ids: string[]): Promise<ChargingEntity[]> {
    const out: ChargingEntity[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const part = ids.slice(i, i + CHUNK);
      const rows = await this.ds.query(
        `SELECT id, name, premises_address, district_code FROM charging_entity WHERE id IN (${part.map(() => '?').join(',')})`,
        part,
      );
      for (const r of rows) {
        out.push({
          entityId: r.id,
          name: r.name,
          premisesAddress: r.premises_address,
          districtCode: r.district_code,
        });
      }
    }
    return out;
  }

  /** Every stored tariff, resolved so that one row of a key is in force on any day. */
  private async tariffs(): Promise<Tariff[]> {
    const rows = await this.ds.query(
      'SELECT user_class, voltage, pricing, tou, unit_price_e5, effective_from, effective_to FROM tariff',
    );
    return resolveTariffVersions(
      rows.map((r: Record<string, string>) => ({
        userClass: r.user_class,
        voltage: r.voltage,
        pricing: r.pricing,
        tou: r.tou,
        unitPriceE5: BigInt(r.unit_price_e5),
        effectiveFrom: r.effective_from,
        effectiveTo: r.effective_to ?? null,
      })),
    ) as Tariff[];
  }

  createRun(run: Partial<ReconciliationRun>): Promise<ReconciliationRun> {
    return this.ds.getRepository(ReconciliationRun).save(run);
  }

  /** The results of some supply months of a run, together in one transaction. */
  async saveResults(
    months: Partial<RunSupplyMonth>[],
    findings: Partial<Finding>[],
    refunds: Partial<Refund>[],
  ): Promise<void> {
    await this.ds.transaction(async (m) => {
      await insertChunked(m, RunSupplyMonth, months, 100);
      await insertChunked(m, Finding, findings, 1000);
      await insertChunked(m, Refund, refunds, 1000);
    });
  }

  markRun(run: ReconciliationRun) {
    return this.ds.getRepository(ReconciliationRun).save(run);
  }

  findRun(id: number) {
    return this.ds.getRepository(ReconciliationRun).findOneBy({ id });
  }

  listRuns(limit: number) {
    return this.ds.getRepository(ReconciliationRun).find({ order: { id: 'DESC' }, take: limit });
  }

  /** The newest result of every supply month in which this tenant has lines (without sheets). */
  async latestMonthsOfTenant(
    tenantId: string,
  ): Promise<{ runId: number; entityId: string; accountNo: string; period: string }[]> {
    const rows = await this.ds.query(
      `SELECT m.run_id, m.entity_id, m.account_no, m.period FROM run_supply_month m
       WHERE m.id IN (
         SELECT MAX(x.id) FROM run_supply_month x
         WHERE EXISTS (
           SELECT 1 FROM tenant_charge_sheet s JOIN tenant_charge_line l ON l.sheet_id = s.id
           WHERE s.account_no = x.account_no AND s.period = x.period AND l.tenant_id = ?)
         GROUP BY x.account_no, x.period)
       ORDER BY m.period DESC, m.account_no`,
      [tenantId],
    );
    return rows.map((r: Record<string, string>) => ({
      runId: Number(r.run_id),
      entityId: r.entity_id,
      accountNo: r.account_no,
      period: r.period,
    }));
  }

  /** Findings of these runs that concern a tenant: its own and those about the whole month. */
  async findingsForTenant(
    tenantId: string,
    runIds: number[],
  ): Promise<{ runId: number; accountNo: string; period: string; type: string }[]> {
    if (!runIds.length) return [];
    const rows = await this.ds.query(
      `SELECT run_id, account_no, period, type FROM finding
       WHERE run_id IN (${runIds.map(() => '?').join(',')}) AND (tenant_id = ? OR tenant_id IS NULL)`,
      [...runIds, tenantId],
    );
    return rows.map((r: Record<string, string>) => ({
      runId: Number(r.run_id),
      accountNo: r.account_no,
      period: r.period,
      type: r.type,
    }));
  }

  async refundsForTenant(
    tenantId: string,
    runIds: number[],
  ): Promise<{ runId: number; accountNo: string; period: string; amountFen: bigint }[]> {
    if (!runIds.length) return [];
    const rows = await this.ds.query(
      `SELECT run_id, account_no, period, amount_fen FROM refund
       WHERE run_id IN (${runIds.map(() => '?').join(',')}) AND tenant_id = ?`,
      [...runIds, tenantId],
    );
    return rows.map((r: Record<string, string>) => ({
      runId: Number(r.run_id),
      accountNo: r.account_no,
      period: r.period,
      amountFen: BigInt(r.amount_fen),
    }));
  }

  async entityNames(ids: string[]): Promise<Map<string, ChargingEntity>> {
    return new Map((await this.entities([...new Set(ids)])).map((e) => [e.entityId, e]));
  }

  async latestMonth(accountNo: string, period: string): Promise<RunSupplyMonth | null> {
    return this.ds.getRepository(RunSupplyMonth).findOne({
      where: { accountNo, period },
      order: { id: 'DESC' },
    });
  }
}

async function insertChunked<T extends object>(
  m: EntityManager,
  target: new () => T,
  rows: Partial<T>[],
  size: number,
) {
  for (let i = 0; i < rows.length; i += size) {
    await m
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(rows.slice(i, i + size) as never)
      .updateEntity(false)
      .execute();
  }
}
