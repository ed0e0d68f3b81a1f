import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AppUser } from '../auth/app-user.entity';
import { CaseReportRow, CaseRow } from '../cases/case.entity';
import { ChargingEntity } from '../imports/charging-entity.entity';
import {
  CreditAssessmentRow,
  SeriousListEntryRow,
  SpotCheckDrawRow,
  SpotCheckItemRow,
  WarningLevelRow,
} from './supervision.entities';

/** One supply month's newest result of one account, with what it found. */
export interface LatestMonthFacts {
  runId: number;
  entityId: string;
  accountNo: string;
  period: string;
  refunds: { tenantId: string; amountFen: bigint }[];
  findings: { type: string; tenantId: string | null }[];
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(',');

/** Chunks of ids: both engines cap the number of bound parameters. */
function chunks<T>(list: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** The only code of the supervision module that touches the database. */
@Injectable()
export class SupervisionRepository {
  constructor(private readonly ds: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  async entities(ids: readonly string[]): Promise<Map<string, ChargingEntity>> {
    const out = new Map<string, ChargingEntity>();
    for (const part of chunks([...new Set(ids)]))
      for (const e of await this.ds.manager.findBy(ChargingEntity, { id: In(part) }))
        out.set(e.id, e);
    return out;
  }

  entitiesOfDistrict(districtCode: string): Promise<ChargingEntity[]> {
    return this.ds.manager.find(ChargingEntity, { where: { districtCode }, order: { id: 'ASC' } });
  }

  async allEntityIds(): Promise<string[]> {
    const rows = await this.ds.manager.find(ChargingEntity, { select: { id: true } });
    return rows.map((r) => r.id);
  }

  /** (entity, period) pairs a run judged. */
  async monthsOfRun(runId: number): Promise<{ entityId: string; period: string }[]> {
    const rows: { entity_id: string; period: string }[] = await this.ds.query(
      'SELECT DISTINCT entity_id, period FROM run_supply_month WHERE run_id = ?',
      [runId],
    );
    return rows.map((r) => ({ entityId: r.entity_id, period: r.period }));
  }

  /** The newest result of every account-month of these entities, with refunds and findings. */
  async latestMonthsOfEntities(entityIds: readonly string[]): Promise<LatestMonthFacts[]> {
    const out: LatestMonthFacts[] = [];
    for (const part of chunks(entityIds)) {
      const months: { run_id: number; entity_id: string; account_no: string; period: string }[] =
        await this.ds.query(
          `SELECT m.run_id, m.entity_id, m.account_no, m.period FROM run_supply_month m
            WHERE m.entity_id IN (${marks(part.length)})
              AND m.run_id = (SELECT MAX(x.run_id) FROM run_supply_month x
                               WHERE x.account_no = m.account_no AND x.period = m.period)`,
          part,
        );
      if (!months.length) continue;
      const key = (r: number | string, a: string, p: string) => `${Number(r)}|${a}|${p}`;
      const byKey = new Map<string, LatestMonthFacts>();
      for (const m of months) {
        const facts: LatestMonthFacts = {
          runId: Number(m.run_id),
          entityId: m.entity_id,
          accountNo: m.account_no,
          period: m.period,
          refunds: [],
          findings: [],
        };
        byKey.set(key(m.run_id, m.account_no, m.period), facts);
        out.push(facts);
      }
      const runIds = [...new Set(months.map((m) => Number(m.run_id)))];
      const filter = `run_id IN (${marks(runIds.length)}) AND entity_id IN (${marks(part.length)})`;
      const refunds: {
        run_id: number;
        account_no: string;
        period: string;
        tenant_id: string;
        amount_fen: string | number;
      }[] = await this.ds.query(
        `SELECT run_id, account_no, period, tenant_id, amount_fen FROM refund WHERE ${filter}`,
        [...runIds, ...part],
      );
      for (const r of refunds)
        byKey
          .get(key(r.run_id, r.account_no, r.period))
          ?.refunds.push({ tenantId: r.tenant_id, amountFen: BigInt(r.amount_fen) });
      const findings: {
        run_id: number;
        account_no: string;
        period: string;
        type: string;
        tenant_id: string | null;
      }[] = await this.ds.query(
        `SELECT run_id, account_no, period, type, tenant_id FROM finding WHERE ${filter}`,
        [...runIds, ...part],
      );
      for (const f of findings)
        byKey
          .get(key(f.run_id, f.account_no, f.period))
          ?.findings.push({ type: f.type, tenantId: f.tenant_id });
    }
    return out;
  }

  async hasLevelsOfRun(runId: number): Promise<boolean> {
    return (await this.ds.manager.countBy(WarningLevelRow, { runId })) > 0;
  }

  async insertLevels(rows: Omit<WarningLevelRow, 'id'>[]): Promise<void> {
    await this.ds.transaction(async (m) => {
      for (const part of chunks(rows, 200)) await m.insert(WarningLevelRow, part);
    });
  }

  /** The current level of each (entity, period): the row of the newest run. */
  async currentLevels(f: {
    districtCode?: string;
    entityIds?: readonly string[];
    from?: string;
    to?: string;
  }): Promise<WarningLevelRow[]> {
    const q = this.ds.manager.createQueryBuilder(WarningLevelRow, 'w').where(
      `w.run_id = (SELECT MAX(x.run_id) FROM warning_level x
                      WHERE x.entity_id = w.entity_id AND x.period = w.period)`,
    );
    if (f.districtCode) q.andWhere('w.district_code = :d', { d: f.districtCode });
    if (f.entityIds) {
      if (!f.entityIds.length) return [];
      q.andWhere('w.entity_id IN (:...ids)', { ids: [...f.entityIds] });
    }
    if (f.from) q.andWhere('w.period >= :from', { from: f.from });
    if (f.to) q.andWhere('w.period <= :to', { to: f.to });
    return q.orderBy('w.entity_id', 'ASC').addOrderBy('w.period', 'ASC').getMany();
  }

  /** Entities that billed the tenant (its landlords), at one grid account or at any. */
  async entitiesBillingTenant(tenantId: string, accountNo: string | null): Promise<string[]> {
    const rows: { entity_id: string }[] = await this.ds.query(
      `SELECT DISTINCT s.entity_id FROM tenant_charge_sheet s
         JOIN tenant_charge_line l ON l.sheet_id = s.id
        WHERE l.tenant_id = ?${accountNo === null ? '' : ' AND s.account_no = ?'}`,
      accountNo === null ? [tenantId] : [tenantId, accountNo],
    );
    return rows.map((r) => r.entity_id);
  }

  casesOfEntity(entityId: string): Promise<CaseRow[]> {
    return this.ds.manager.find(CaseRow, { where: { entityId }, order: { receivedAt: 'ASC' } });
  }

  caseByRef(ref: { caseId?: string; caseNumber?: string }): Promise<CaseRow | null> {
    return this.ds.manager.findOneBy(
      CaseRow,
      ref.caseId ? { id: ref.caseId } : { number: ref.caseNumber ?? '-' },
    );
  }

  async caseNumbers(ids: readonly string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await this.ds.manager.findBy(CaseRow, { id: In([...new Set(ids)]) });
    return new Map(rows.map((r) => [r.id, r.number]));
  }

  /** When each report about the entity was received. */
  async reportTimesOfEntity(entityId: string): Promise<Date[]> {
    const rows = await this.ds.manager
      .createQueryBuilder(CaseReportRow, 'r')
      .innerJoin(CaseRow, 'c', 'c.id = r.case_id')
      .where('c.entity_id = :entityId', { entityId })
      .select(['r.id', 'r.createdAt'])
      .getMany();
    return rows.map((r) => new Date(r.createdAt));
  }

  currentAssessment(entityId: string): Promise<CreditAssessmentRow | null> {
    return this.ds.manager.findOne(CreditAssessmentRow, {
      where: { entityId },
      order: { id: 'DESC' },
    });
  }

  async insertAssessment(row: Omit<CreditAssessmentRow, 'id'>): Promise<void> {
    await this.ds.manager.insert(CreditAssessmentRow, row);
  }

  /** The newest assessment of each entity (of a district, or all). */
  currentAssessments(districtCode?: string): Promise<CreditAssessmentRow[]> {
    const q = this.ds.manager
      .createQueryBuilder(CreditAssessmentRow, 'a')
      .where('a.id = (SELECT MAX(x.id) FROM credit_assessment x WHERE x.entity_id = a.entity_id)');
    if (districtCode) q.andWhere('a.district_code = :d', { d: districtCode });
    return q.orderBy('a.entity_id', 'ASC').getMany();
  }

  assessmentHistory(entityId: string): Promise<CreditAssessmentRow[]> {
    return this.ds.manager.find(CreditAssessmentRow, {
      where: { entityId },
      order: { id: 'DESC' },
    });
  }

  /** The district's inspectors: its district officers. */
  rosterOf(districtCode: string): Promise<AppUser[]> {
    return this.ds.manager.find(AppUser, {
      where: { districtCode, role: 'district_officer' },
      order: { id: 'ASC' },
    });
  }

  async userNames(ids: readonly number[]): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const users = await this.ds.manager.findBy(AppUser, { id: In([...new Set(ids)]) });
    return new Map(users.map((u) => [u.id, u.displayName]));
  }

  /** The inspectors of each entity's most recent check. */
  async lastInspectors(entityIds: readonly string[]): Promise<Map<string, number[]>> {
    const out = new Map<string, number[]>();
    for (const part of chunks(entityIds)) {
      if (!part.length) continue;
      const rows = await this.ds.manager
        .createQueryBuilder(SpotCheckItemRow, 'i')
        .where('i.entity_id IN (:...ids)', { ids: part })
        .andWhere(
          'i.id = (SELECT MAX(x.id) FROM spot_check_item x WHERE x.entity_id = i.entity_id)',
        )
        .getMany();
      for (const r of rows) out.set(r.entityId, [r.inspector1UserId, r.inspector2UserId]);
    }
    return out;
  }

  async insertDraw(
    m: EntityManager,
    draw: SpotCheckDrawRow,
    items: Omit<SpotCheckItemRow, 'id'>[],
  ) {
    await m.insert(SpotCheckDrawRow, draw);
    for (const part of chunks(items, 200)) await m.insert(SpotCheckItemRow, part);
  }

  drawById(id: string): Promise<SpotCheckDrawRow | null> {
    return this.ds.manager.findOneBy(SpotCheckDrawRow, { id });
  }

  draws(districtCode?: string): Promise<SpotCheckDrawRow[]> {
    return this.ds.manager.find(SpotCheckDrawRow, {
      where: districtCode ? { districtCode } : {},
      order: { createdAt: 'DESC', id: 'ASC' },
      take: 100,
    });
  }

  itemsOfDraws(drawIds: readonly string[]): Promise<SpotCheckItemRow[]> {
    if (!drawIds.length) return Promise.resolve([]);
    return this.ds.manager.find(SpotCheckItemRow, {
      where: { drawId: In([...drawIds]) },
      order: { id: 'ASC' },
    });
  }

  itemById(id: number, m?: EntityManager): Promise<SpotCheckItemRow | null> {
    return (m ?? this.ds.manager).findOneBy(SpotCheckItemRow, { id });
  }

  /** Records a result once: false when one was recorded meanwhile. */
  async recordResult(
    m: EntityManager,
    id: number,
    result: Pick<SpotCheckItemRow, 'outcome' | 'note' | 'resultBy' | 'resultAt'>,
  ): Promise<boolean> {
    const r = await m
      .createQueryBuilder()
      .update(SpotCheckItemRow)
      .set(result)
      .where('id = :id AND outcome IS NULL', { id })
      .execute();
    return (r.affected ?? 0) === 1;
  }

  async setItemCase(id: number, caseId: string): Promise<void> {
    await this.ds.manager.update(SpotCheckItemRow, { id }, { caseId });
  }

  /** When checks of the entity found a violation. */
  async spotCheckViolationTimes(entityId: string): Promise<Date[]> {
    const rows = await this.ds.manager.find(SpotCheckItemRow, {
      where: { entityId, outcome: 'violation' },
      select: { id: true, resultAt: true },
    });
    return rows.flatMap((r) => (r.resultAt ? [new Date(r.resultAt)] : []));
  }

  listEntries(f: { districtCode?: string; entityId?: string }): Promise<SeriousListEntryRow[]> {
    const where: Record<string, string> = {};
    if (f.districtCode) where.districtCode = f.districtCode;
    if (f.entityId) where.entityId = f.entityId;
    return this.ds.manager.find(SeriousListEntryRow, {
      where,
      order: { proposedAt: 'DESC', id: 'ASC' },
    });
  }

  entryById(id: string, m?: EntityManager): Promise<SeriousListEntryRow | null> {
    return (m ?? this.ds.manager).findOneBy(SeriousListEntryRow, { id });
  }

  /** Entries proposed or listed for the entity (at most one may be, at a time). */
  activeEntries(entityId: string, m?: EntityManager): Promise<SeriousListEntryRow[]> {
    return (m ?? this.ds.manager).findBy(SeriousListEntryRow, {
      entityId,
      status: In(['proposed', 'listed']),
    });
  }

  async insertEntry(m: EntityManager, row: SeriousListEntryRow): Promise<void> {
    await m.insert(SeriousListEntryRow, row);
  }

  /** Saves a change over the status it was read in: false when someone changed it first. */
  async updateEntry(
    m: EntityManager,
    row: SeriousListEntryRow,
    readStatus: SeriousListEntryRow['status'],
  ): Promise<boolean> {
    const { id, ...rest } = row;
    const r = await m.update(SeriousListEntryRow, { id, status: readStatus }, rest);
    return (r.affected ?? 0) === 1;
  }

  listedEntries(): Promise<SeriousListEntryRow[]> {
    return this.ds.manager.findBy(SeriousListEntryRow, { status: 'listed' });
  }
}
