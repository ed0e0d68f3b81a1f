import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, In, Not, type EntityManager } from 'typeorm';
import { AppUser } from '../auth/app-user.entity';
import { ChargingEntity } from '../imports/charging-entity.entity';
import { CaseEventRow, CaseReportRow, CaseRow } from './case.entity';
import type { RealNameReporter } from './domain';

const FINAL = ['closed', 'not_opened'];

export interface CaseFilter {
  districtCode?: string;
  entityId?: string;
  state?: string;
  openOnly?: boolean;
}

/** The only code of the cases module that touches the database. */
@Injectable()
export class CasesRepository {
  constructor(private readonly ds: DataSource) {}

  private m(m?: EntityManager): EntityManager {
    return m ?? this.ds.manager;
  }

  entity(id: string, m?: EntityManager): Promise<ChargingEntity | null> {
    return this.m(m).findOneBy(ChargingEntity, { id });
  }

  /** How many tenants the entity has ever billed: few tenants make any figure identifying. */
  async tenantCountOfEntity(entityId: string): Promise<number> {
    const [row] = await this.ds.query(
      `SELECT COUNT(DISTINCT l.tenant_id) AS n FROM tenant_charge_line l
         JOIN tenant_charge_sheet s ON s.id = l.sheet_id WHERE s.entity_id = ?`,
      [entityId],
    );
    return Number(row?.n ?? 0);
  }

  reportByKey(
    reporterUserId: number,
    idempotencyKey: string,
    m?: EntityManager,
  ): Promise<CaseReportRow | null> {
    return this.m(m).findOneBy(CaseReportRow, { reporterUserId, idempotencyKey });
  }

  report(id: string): Promise<CaseReportRow | null> {
    return this.ds.manager.findOneBy(CaseReportRow, { id });
  }

  reportsOfCase(caseId: string): Promise<CaseReportRow[]> {
    return this.ds.manager.find(CaseReportRow, {
      where: { caseId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /**
   * Which of these months the tenant already reported at an account in this case (its claim
   * counts them once), read in the intake's transaction. One bounded probe per month, each
   * stopping at the first match: its cost does not grow with the number of reports of the case.
   */
  async periodsReported(
    caseId: string,
    tenantId: string,
    accountNo: string,
    periods: readonly string[],
    m: EntityManager,
  ): Promise<Set<string>> {
    const found = new Set<string>();
    for (const period of periods) {
      const rows: unknown[] = await m.query(
        `SELECT id FROM case_report
          WHERE case_id = ? AND tenant_id = ? AND account_no = ? AND periods LIKE ? LIMIT 1`,
        [caseId, tenantId, accountNo, `%"${period}"%`],
      );
      if (rows.length) found.add(period);
    }
    return found;
  }

  /** Of these cases, those with at least one real-name report (its reporter must be told). */
  async casesWithRealNameReport(caseIds: string[]): Promise<Set<string>> {
    if (!caseIds.length) return new Set();
    const rows: { case_id: string }[] = await this.ds.manager
      .createQueryBuilder(CaseReportRow, 'r')
      .select('DISTINCT r.case_id', 'case_id')
      .where('r.case_id IN (:...caseIds)', { caseIds })
      .andWhere('r.real_name = :yes', { yes: true })
      .getRawMany();
    return new Set(rows.map((r) => r.case_id));
  }

  /** The case's real-name reporters with their mini-program openid, read in the step's transaction. */
  async realNameReporters(caseId: string, m: EntityManager): Promise<RealNameReporter[]> {
    const rows: { user_id: number | string; openid: string | null }[] = await m
      .createQueryBuilder(CaseReportRow, 'r')
      .innerJoin(AppUser, 'u', 'u.id = r.reporter_user_id')
      .select('r.reporter_user_id', 'user_id')
      .addSelect('u.wechat_openid', 'openid')
      .distinct(true)
      .where('r.case_id = :caseId', { caseId })
      .andWhere('r.real_name = :yes', { yes: true })
      .orderBy('r.reporter_user_id', 'ASC')
      .getRawMany();
    return rows.map((r) => ({ userId: Number(r.user_id), wechatOpenid: r.openid ?? null }));
  }

  /**
   * One page of the reports made for these firms at these premises (a null account: any of the
   * firm's), newest first.
   */
  reportsInScope(
    scope: readonly { tenantId: string; accountNo: string | null }[],
    page: { limit: number; offset: number },
  ): Promise<CaseReportRow[]> {
    if (!scope.length) return Promise.resolve([]);
    return this.ds.manager.find(CaseReportRow, {
      where: scope.map((s) =>
        s.accountNo ? { tenantId: s.tenantId, accountNo: s.accountNo } : { tenantId: s.tenantId },
      ),
      order: { createdAt: 'DESC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
  }

  /**
   * The events a reporter is shown, of a page of reports, in one read: the steps of their
   * cases with these actions, and of the merges only those of these reports (a case with
   * thousands of reports has thousands of merges, none of them the reader's business).
   */
  async tenantEvents(
    caseIds: string[],
    actions: readonly string[],
    reportIds: string[],
  ): Promise<CaseEventRow[]> {
    if (!caseIds.length) return [];
    const q = this.ds.manager
      .createQueryBuilder(CaseEventRow, 'e')
      .where('e.case_id IN (:...caseIds)', { caseIds })
      .andWhere(
        new Brackets((w) => {
          w.where('e.action IN (:...actions)', { actions: actions.filter((a) => a !== 'merge') });
          reportIds.forEach((id, i) =>
            w.orWhere(`(e.action = 'merge' AND e.details LIKE :merged${i})`, {
              [`merged${i}`]: `%"reportId":"${id}"%`,
            }),
          );
        }),
      )
      .orderBy('e.case_id', 'ASC')
      .addOrderBy('e.seq', 'ASC');
    return q.getMany();
  }

  insertReport(row: CaseReportRow, m: EntityManager): Promise<unknown> {
    return m.insert(CaseReportRow, row);
  }

  /**
   * Makes intake for one charging entity take turns until the transaction ends, so two reports
   * of the same conduct arriving together cannot both open a case. On MySQL the entity's row is
   * locked; SQLite's transactions already take turns (database/serialized-transactions.ts).
   * Call it FIRST in the transaction: under REPEATABLE READ the snapshot is taken at the first
   * plain read, and a snapshot taken before the lock would show a case another report has
   * already changed.
   */
  async lockEntityIntake(entityId: string, m: EntityManager): Promise<void> {
    if (m.connection.options.type !== 'mysql') return;
    await m.query('SELECT id FROM charging_entity WHERE id = ? FOR UPDATE', [entityId]);
  }

  /** The entity's open cases, locked on MySQL until the transaction ends (a merge writes one). */
  openCasesOfEntity(entityId: string, m: EntityManager): Promise<CaseRow[]> {
    return m.find(CaseRow, {
      where: { entityId, state: Not(In(FINAL)) },
      ...(m.connection.options.type === 'mysql' ? { lock: { mode: 'pessimistic_write' } } : {}),
    });
  }

  caseById(id: string, m?: EntityManager): Promise<CaseRow | null> {
    return this.m(m).findOneBy(CaseRow, { id });
  }

  casesByIds(ids: string[]): Promise<CaseRow[]> {
    return ids.length ? this.ds.manager.findBy(CaseRow, { id: In(ids) }) : Promise.resolve([]);
  }

  cases(filter: CaseFilter): Promise<CaseRow[]> {
    const where: Record<string, unknown> = {};
    if (filter.districtCode) where.districtCode = filter.districtCode;
    if (filter.entityId) where.entityId = filter.entityId;
    if (filter.state) where.state = filter.state;
    else if (filter.openOnly) where.state = Not(In(FINAL));
    return this.ds.manager.find(CaseRow, { where, order: { receivedAt: 'ASC', id: 'ASC' } });
  }

  /** The next readable number of a district and year: 沪转供-310112-2026-00001. */
  async nextNumber(districtCode: string, year: number, m: EntityManager): Promise<string> {
    const prefix = `沪转供-${districtCode}-${year}-`;
    // On MySQL the last number is read with a lock, so new cases of one district (other
    // entities, other locks) take turns here instead of colliding on the unique number.
    const lock = m.connection.options.type === 'mysql' ? ' FOR UPDATE' : '';
    const [row] = await m.query(
      `SELECT number AS last FROM enforcement_case WHERE number LIKE ?
        ORDER BY number DESC LIMIT 1${lock}`,
      [`${prefix}%`],
    );
    const last = row?.last ? Number(String(row.last).slice(prefix.length)) : 0;
    return `${prefix}${String(last + 1).padStart(5, '0')}`;
  }

  insertCase(row: CaseRow, m: EntityManager): Promise<unknown> {
    return m.insert(CaseRow, row);
  }

  /** Saves a step over the version it was read at; false when someone else saved first. */
  async updateCase(row: CaseRow, readVersion: number, m: EntityManager): Promise<boolean> {
    const { id, ...rest } = row;
    const r = await m.update(CaseRow, { id, version: readVersion }, rest);
    return (r.affected ?? 0) === 1;
  }

  async appendEvent(row: Omit<CaseEventRow, 'seq'>, m: EntityManager): Promise<CaseEventRow> {
    const [last] = await m.query('SELECT MAX(seq) AS s FROM case_event WHERE case_id = ?', [
      row.caseId,
    ]);
    const event = { ...row, seq: Number(last?.s ?? 0) + 1 } as CaseEventRow;
    await m.insert(CaseEventRow, { ...event, details: event.details as never });
    return event;
  }

  events(caseId: string): Promise<CaseEventRow[]> {
    return this.ds.manager.find(CaseEventRow, { where: { caseId }, order: { seq: 'ASC' } });
  }

  async displayNames(userIds: number[]): Promise<Map<number, string>> {
    if (!userIds.length) return new Map();
    const users = await this.ds.manager.findBy(AppUser, { id: In(userIds) });
    return new Map(users.map((u) => [u.id, u.displayName]));
  }
}
