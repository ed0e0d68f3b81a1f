import { Injectable } from '@nestjs/common';
import { Between, DataSource, In, LessThan, type FindOptionsWhere } from 'typeorm';
import { AuditLogEntry } from '../audit/audit-log.entity';
import { AppUser } from '../auth/app-user.entity';
import { ChargingEntity } from '../imports/charging-entity.entity';
import type { EntityMonthFigures, MoneyEvent } from './domain/money-months';
import { MONEY_STEPS } from './domain/money-months';

const big = (v: unknown) => BigInt(String(v ?? 0));

/** The newest result of each supply month, of the entities matched by `entities` (SQL). */
const CURRENT_MONTHS = (entities: string) => `
  SELECT MAX(x.id) FROM run_supply_month x WHERE x.entity_id IN (${entities})
  GROUP BY x.account_no, x.period`;

export interface EntitySearchFilter {
  q?: string;
  districtCode: string | null;
  after?: string;
  limit: number;
}

export interface CurrentSheetRow {
  accountNo: string;
  period: string;
  verdict: string;
  fen: bigint;
  sheet: string;
}

export interface AuditFilter {
  action?: string;
  subjectType?: string;
  subjectId?: string;
  actorUserId?: number;
  fromAt?: Date;
  toAt?: Date;
  before?: number;
  limit: number;
}

/**
 * Reads for the console: charging entities with their accounts, tenants and current findings,
 * case counts and money steps for the dashboard, and pages of the audit log. It writes nothing.
 */
@Injectable()
export class ConsoleRepository {
  constructor(private readonly ds: DataSource) {}

  /** Entities by name (contains), 统一社会信用代码 (prefix) or account number (exact), by id. */
  async searchEntities(f: EntitySearchFilter): Promise<ChargingEntity[]> {
    const qb = this.ds.manager
      .createQueryBuilder(ChargingEntity, 'e')
      .orderBy('e.id', 'ASC')
      .limit(f.limit);
    if (f.districtCode) qb.andWhere('e.district_code = :district', { district: f.districtCode });
    if (f.after) qb.andWhere('e.id > :after', { after: f.after });
    if (f.q) {
      const like = f.q.replace(/[!%_]/g, (c) => `!${c}`);
      qb.andWhere(
        `(e.name LIKE :contains ESCAPE '!' OR e.id LIKE :prefix ESCAPE '!'
          OR e.id IN (SELECT g.entity_id FROM grid_bill g WHERE g.account_no = :q)
          OR e.id IN (SELECT s.entity_id FROM tenant_charge_sheet s WHERE s.account_no = :q))`,
        { contains: `%${like}%`, prefix: `${like.toUpperCase()}%`, q: f.q },
      );
    }
    return qb.getMany();
  }

  entity(id: string): Promise<ChargingEntity | null> {
    return this.ds.manager.findOneBy(ChargingEntity, { id });
  }

  async entitiesByIds(ids: string[]): Promise<Map<string, ChargingEntity>> {
    if (!ids.length) return new Map();
    const rows = await this.ds.manager.findBy(ChargingEntity, { id: In(ids) });
    return new Map(rows.map((e) => [e.id, e]));
  }

  /** Accounts (grid bills or tenant charges) and distinct tenants billed, per entity. */
  async entityCounts(ids: string[]): Promise<Map<string, { accounts: number; tenants: number }>> {
    const counts = new Map(ids.map((id) => [id, { accounts: 0, tenants: 0 }]));
    if (!ids.length) return counts;
    const marks = ids.map(() => '?').join(',');
    const accounts: { entity_id: string; n: unknown }[] = await this.ds.query(
      `SELECT a.entity_id, COUNT(DISTINCT a.account_no) AS n FROM (
         SELECT entity_id, account_no FROM grid_bill WHERE entity_id IN (${marks})
         UNION SELECT entity_id, account_no FROM tenant_charge_sheet WHERE entity_id IN (${marks})
       ) a GROUP BY a.entity_id`,
      [...ids, ...ids],
    );
    const tenants: { entity_id: string; n: unknown }[] = await this.ds.query(
      `SELECT s.entity_id, COUNT(DISTINCT l.tenant_id) AS n FROM tenant_charge_sheet s
       JOIN tenant_charge_line l ON l.sheet_id = s.id WHERE s.entity_id IN (${marks})
       GROUP BY s.entity_id`,
      ids,
    );
    for (const r of accounts) counts.get(r.entity_id)!.accounts = Number(r.n);
    for (const r of tenants) counts.get(r.entity_id)!.tenants = Number(r.n);
    return counts;
  }

  /** Every version of the entity's grid bills, and the months it billed tenants on each account. */
  async accountMonths(entityId: string): Promise<
    {
      accountNo: string;
      period: string;
      userClass: string | null;
      voltage: string | null;
      pricing: string | null;
    }[]
  > {
    const rows: Record<string, string | null>[] = await this.ds.query(
      `SELECT account_no, period, user_class, voltage, pricing FROM grid_bill WHERE entity_id = ?
       UNION SELECT account_no, period, NULL, NULL, NULL FROM tenant_charge_sheet WHERE entity_id = ?`,
      [entityId, entityId],
    );
    return rows.map((r) => ({
      accountNo: r.account_no!,
      period: r.period!,
      userClass: r.user_class,
      voltage: r.voltage,
      pricing: r.pricing,
    }));
  }

  /**
   * The current verdict of every supply month of one entity, or of every entity of a district
   * (null: the city), with its number of findings and the refunds it owes.
   */
  async currentMonthFigures(
    scope: { entityId: string } | { districtCode: string | null },
  ): Promise<EntityMonthFigures[]> {
    const [entities, params] =
      'entityId' in scope
        ? ['?', [scope.entityId]]
        : scope.districtCode
          ? ['SELECT id FROM charging_entity WHERE district_code = ?', [scope.districtCode]]
          : ['SELECT id FROM charging_entity', []];
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT m.entity_id, m.period, m.total_refund_fen, COUNT(f.id) AS n
       FROM run_supply_month m
       LEFT JOIN finding f ON f.run_id = m.run_id AND f.account_no = m.account_no AND f.period = m.period
       WHERE m.id IN (${CURRENT_MONTHS(entities)})
       GROUP BY m.id, m.entity_id, m.period, m.total_refund_fen`,
      params,
    );
    return rows.map((r) => ({
      entityId: String(r.entity_id),
      period: String(r.period),
      findings: Number(r.n),
      fen: big(r.total_refund_fen),
    }));
  }

  /** The entity's current supply months with their formula sheets, newest month first. */
  async currentSheets(entityId: string): Promise<CurrentSheetRow[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT account_no, period, verdict, total_refund_fen, sheet FROM run_supply_month
       WHERE id IN (${CURRENT_MONTHS('?')}) ORDER BY period DESC, account_no`,
      [entityId],
    );
    return rows.map((r) => ({
      accountNo: String(r.account_no),
      period: String(r.period),
      verdict: String(r.verdict),
      fen: big(r.total_refund_fen),
      sheet: String(r.sheet),
    }));
  }

  /** The findings of the entity's current verdicts. */
  async currentFindings(entityId: string): Promise<
    {
      accountNo: string;
      period: string;
      type: string;
      tenantId: string | null;
      fen: bigint | null;
    }[]
  > {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT f.account_no, f.period, f.type, f.tenant_id, f.amount_fen FROM finding f
       JOIN run_supply_month m ON m.run_id = f.run_id AND m.account_no = f.account_no AND m.period = f.period
       WHERE m.id IN (${CURRENT_MONTHS('?')})
       ORDER BY f.period DESC, f.account_no, f.type, f.tenant_id`,
      [entityId],
    );
    return rows.map((r) => ({
      accountNo: String(r.account_no),
      period: String(r.period),
      type: String(r.type),
      tenantId: r.tenant_id === null ? null : String(r.tenant_id),
      fen: r.amount_fen === null ? null : big(r.amount_fen),
    }));
  }

  /** Cases about an entity, newest first; district staff's own district only. */
  async casesOfEntity(
    entityId: string,
    districtCode: string | null,
  ): Promise<{ id: string; number: string; state: string; periods: string; receivedAt: Date }[]> {
    const qb = this.ds.manager
      .createQueryBuilder()
      .select(['c.id AS id', 'c.number AS number', 'c.state AS state', 'c.periods AS periods'])
      .addSelect('c.received_at', 'received_at')
      .from('enforcement_case', 'c')
      .where('c.entity_id = :entityId', { entityId })
      .orderBy('c.received_at', 'DESC')
      .addOrderBy('c.id', 'ASC');
    if (districtCode) qb.andWhere('c.district_code = :districtCode', { districtCode });
    const rows: Record<string, unknown>[] = await qb.getRawMany();
    return rows.map((r) => ({
      id: String(r.id),
      number: String(r.number),
      state: String(r.state),
      periods: String(r.periods),
      receivedAt: toDate(r.received_at),
    }));
  }

  /** One case's owner, district and workflow model. */
  async caseRow(
    id: string,
  ): Promise<{ entityId: string; districtCode: string; model: string } | null> {
    const [row]: Record<string, unknown>[] = await this.ds.query(
      'SELECT entity_id, district_code, model FROM enforcement_case WHERE id = ?',
      [id],
    );
    return row
      ? {
          entityId: String(row.entity_id),
          districtCode: String(row.district_code),
          model: String(row.model),
        }
      : null;
  }

  /** Number of cases by district and state. */
  async caseCounts(
    districtCode: string | null,
  ): Promise<{ districtCode: string; state: string; count: number }[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT district_code, state, COUNT(*) AS n FROM enforcement_case
       ${districtCode ? 'WHERE district_code = ?' : ''}
       GROUP BY district_code, state ORDER BY district_code, state`,
      districtCode ? [districtCode] : [],
    );
    return rows.map((r) => ({
      districtCode: String(r.district_code),
      state: String(r.state),
      count: Number(r.n),
    }));
  }

  /** Case steps that moved money (refunds, corrections, fines) in the district's cases. */
  async moneyEvents(districtCode: string | null): Promise<MoneyEvent[]> {
    const actions = Object.keys(MONEY_STEPS);
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT e.action, e.at, e.details FROM case_event e
       JOIN enforcement_case c ON c.id = e.case_id
       WHERE e.action IN (${actions.map(() => '?').join(',')})
       ${districtCode ? 'AND c.district_code = ?' : ''}`,
      districtCode ? [...actions, districtCode] : actions,
    );
    return rows.map((r) => ({
      action: String(r.action),
      at: toDate(r.at),
      details: JSON.parse(String(r.details)) as Record<string, unknown>,
    }));
  }

  /** A page of the audit log, newest first. */
  auditPage(f: AuditFilter): Promise<AuditLogEntry[]> {
    const where: FindOptionsWhere<AuditLogEntry> = {};
    if (f.action) where.action = f.action;
    if (f.subjectType) where.subjectType = f.subjectType;
    if (f.subjectId) where.subjectId = f.subjectId;
    if (f.actorUserId) where.actorUserId = f.actorUserId;
    if (f.before) where.seq = LessThan(f.before);
    if (f.fromAt || f.toAt)
      where.at = Between(f.fromAt ?? new Date(0), f.toAt ?? new Date('9999-12-31T00:00:00Z'));
    return this.ds.manager.find(AuditLogEntry, {
      where,
      order: { seq: 'DESC' },
      take: f.limit,
    });
  }

  async userNames(ids: number[]): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const users = await this.ds.manager.findBy(AppUser, { id: In(ids) });
    return new Map(users.map((u) => [u.id, u.displayName]));
  }
}

/** Raw datetime values: a Date from MySQL, UTC text ("2026-06-01 02:00:00") from SQLite. */
function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}
