import { Inject, Injectable } from '@nestjs/common';
import {
  CASE_DOCUMENT_KINDS,
  CASE_DOCUMENT_TITLES,
  CaseHttpErrorCode,
  CaseQueueErrorCode,
  yuanToFen,
  type CaseAssigneeView,
  type CaseBulkAssignAnswer,
  type CaseBulkAssignBody,
  type CaseDocumentKind,
  type CaseQueueItem,
  type CaseQueuePage,
  type CaseQueueQuery,
  type CaseWorkbenchView,
  type TenantMonthSheet,
} from '@zgd/shared-types';
import { DataSource, In } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { BLOB_STORE, type BlobStore } from '../../common/storage/blob-store';
import { AuditService } from '../audit';
import { AppUser } from '../auth/app-user.entity';
import { canSeeDistrict, type Principal } from '../auth';
import { CalendarService, shanghaiDate } from '../calendar';
import { formatFen } from '../reconciliation/domain/exact';
import { CaseRow } from './case.entity';
import { CASES_CLOCK, type CaseClock } from './case-clock';
import { deadlinesOf, refundOrderFacts } from './case-deadline-facts';
import { renderCaseDocument, type CaseDocumentFacts } from './case-documents';
import { caseFailure } from './case-failure';
import { CaseLedger } from './case-ledger';
import {
  actionLabel,
  allowedActions,
  decodeCursor,
  dueFlags,
  dueRange,
  dueSoonUntil,
  encodeCursor,
  filterFingerprint,
  queueDueOf,
} from './case-queue';
import { claimedFenOf, queuePage, type QueueFilter } from './case-queue.repository';
import { actorOf } from './case-work.service';
import { summaryView } from './case-views';
import { CasesRepository } from './cases.repository';
import {
  ACTION_LABELS,
  NOTICE_METHODS,
  REFUSAL_REASONS,
  TRANSFER_REASONS,
  UNCONFIRMABLE_REASONS,
  transition,
  type EnforcementCase,
} from './domain';
import { caseFromJson } from './domain/case-json';

const notFound = () => new AppError(CaseHttpErrorCode.NOT_FOUND, '没有找到该案件');
const outOfScope = () =>
  new AppError(CaseHttpErrorCode.OUT_OF_SCOPE, '该案件不属于本区，无权查看或办理');

/** The officers' work queue, bulk assignment, the case page's workbench and documents. */
@Injectable()
export class CaseQueueService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: CasesRepository,
    private readonly ledger: CaseLedger,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(CASES_CLOCK) private readonly clock: CaseClock,
  ) {}

  /**
   * One page of the district's queue (the city: any district or all), nearest deadline first.
   * District staff are held to their own district whatever `district` says.
   */
  async page(p: Principal, q: CaseQueueQuery): Promise<CaseQueuePage> {
    const now = this.clock.now();
    const today = shanghaiDate(now);
    const calendar = await this.calendar.calendar();
    const soonUntil = dueSoonUntil(calendar, today);
    const range = dueRange(q.due, today, soonUntil);
    const filter: QueueFilter = {
      districtCode: p.role === 'city_admin' ? q.district : (p.districtCode ?? '-'),
      states: q.status?.length ? [...new Set(q.status)].sort() : undefined,
      entityId: q.entityId ?? q.entity,
      minFen: q.amountMin === undefined ? undefined : yuanToFen(q.amountMin),
      maxFen: q.amountMax === undefined ? undefined : yuanToFen(q.amountMax),
      dueFrom: range.from,
      dueTo: range.to,
    };
    // The due filter's days are part of the fingerprint: a cursor from yesterday's "overdue"
    // is not continued under today's.
    const fingerprint = filterFingerprint({ ...filter, states: filter.states?.join(',') });
    let after = null;
    if (q.cursor) {
      after = decodeCursor(q.cursor, fingerprint);
      if (!after)
        throw new AppError(
          CaseQueueErrorCode.BAD_CURSOR,
          '翻页标记无效或与当前筛选条件不符，请从第一页重新查询',
          [{ code: CaseQueueErrorCode.BAD_CURSOR, message: '翻页标记无效', path: 'query.cursor' }],
        );
    }
    const page = await queuePage(this.ds.manager, filter, q.limit, after);
    const rows = page.rows;
    const ids = rows.map((r) => r.row.id);
    const [realName, entities, names] = await Promise.all([
      this.repo.casesWithRealNameReport(ids),
      this.entityNames(rows.map((r) => r.row.entityId)),
      this.repo.displayNames(
        rows.map((r) => r.row.assigneeUserId).filter((x): x is number => x !== null),
      ),
    ]);
    const items: CaseQueueItem[] = rows.map(({ row, claimedFen }) => {
      const c = caseFromJson(row.model);
      const { due, kind } = queueDueOf(row.state, row.filingDue, row.decisionDue, row.noticeDue);
      const flags = dueFlags(due, today, soonUntil);
      return {
        ...summaryView(row, c, deadlinesOf(c, realName.has(row.id), calendar, now)),
        entityName: entities.get(row.entityId) ?? null,
        assigneeName: row.assigneeUserId ? (names.get(row.assigneeUserId) ?? null) : null,
        claimed: formatFen(claimedFen),
        queueDue: due,
        queueDueKind: kind,
        queueDaysLeft: flags.daysLeft,
        overdue: flags.overdue,
        dueSoon: flags.dueSoon,
      };
    });
    return {
      items,
      nextCursor: page.next ? encodeCursor(page.next, fingerprint) : null,
      dueSoonUntil: soonUntil,
    };
  }

  /**
   * Assigns every listed case to one officer, or none of them: each case must be in the
   * actor's scope and in a state the workflow lets it be assigned in, and the assignee must
   * work in the case's district. One transaction with each case's event and audit entry.
   */
  async assign(p: Principal, body: CaseBulkAssignBody): Promise<CaseBulkAssignAnswer> {
    const assignee = await this.ds.manager.findOneBy(AppUser, { id: body.assigneeId });
    const calendar = await this.calendar.calendar();
    const now = this.clock.now();
    const actor = actorOf(p);
    return this.audit.transaction(async (m) => {
      const rows = await m.findBy(CaseRow, { id: In(body.caseIds) });
      const byId = new Map(rows.map((r) => [r.id, r]));
      const answers: CaseBulkAssignAnswer['cases'] = [];
      for (const [i, id] of body.caseIds.entries()) {
        const row = byId.get(id);
        const where = `body.caseIds.${i}`;
        if (!row) throw withPath(notFound(), where, `没有找到案件 ${id}`);
        if (!canSeeDistrict(p, row.districtCode))
          throw withPath(outOfScope(), where, `案件 ${row.number} 不属于本区`);
        if (
          !assignee ||
          (assignee.role !== 'district_officer' && assignee.role !== 'district_lead') ||
          assignee.districtCode !== row.districtCode
        )
          throw new AppError(
            CaseQueueErrorCode.INVALID_ASSIGNEE,
            `承办人应为案件 ${row.number} 所在区的办案人员或负责人`,
            [
              {
                code: CaseQueueErrorCode.INVALID_ASSIGNEE,
                message: '承办人不属于该案件所在区',
                path: 'body.assigneeId',
              },
            ],
          );
        const r = transition(
          caseFromJson(row.model),
          { type: 'assign', assigneeUserId: assignee.id },
          actor,
          now,
        );
        if (!r.ok) {
          const e = caseFailure(r);
          throw withPath(e, where, `案件 ${row.number}：${e.message}`);
        }
        await this.ledger.update(m, r.case, r.event, row, calendar);
        answers.push({ id, state: r.case.state, version: r.case.version });
      }
      await this.audit.append(
        {
          actorUserId: p.userId,
          actorRole: p.role,
          action: 'case.bulk_assigned',
          subjectType: 'app_user',
          subjectId: String(assignee?.id),
          details: { caseIds: body.caseIds, count: body.caseIds.length },
          at: now,
        },
        m,
      );
      return { assigneeId: body.assigneeId, cases: answers };
    });
  }

  /** Officers and leads of a district (staff: their own; the city: the one asked for). */
  async assignees(p: Principal, district?: string): Promise<CaseAssigneeView[]> {
    const code = p.role === 'city_admin' ? district : (p.districtCode ?? '-');
    const users = await this.ds.manager.find(AppUser, {
      where: {
        role: In(['district_officer', 'district_lead']),
        ...(code ? { districtCode: code } : {}),
      },
      order: { districtCode: 'ASC', role: 'ASC', id: 'ASC' },
    });
    return users.map((u) => ({
      userId: u.id,
      displayName: u.displayName,
      role: u.role as CaseAssigneeView['role'],
      districtCode: u.districtCode ?? '',
    }));
  }

  /** What the signed-in user may do with the case now, with the lists its forms pick from. */
  async workbench(p: Principal, id: string): Promise<CaseWorkbenchView> {
    const row = await this.load(p, id);
    const c = caseFromJson(row.model);
    const now = this.clock.now();
    const [entity, names, calendar] = await Promise.all([
      this.repo.entity(row.entityId),
      this.repo.displayNames(row.assigneeUserId ? [row.assigneeUserId] : []),
      this.calendar.calendar(),
    ]);
    return {
      actions: allowedActions(c, actorOf(p), now).map((action) => ({
        action,
        label: actionLabel(action),
      })),
      stepLabels: { register: '登记', ...ACTION_LABELS },
      refusalReasons: REFUSAL_REASONS.map((r) => ({ ...r })),
      transferReasons: TRANSFER_REASONS.map((r) => ({ ...r })),
      unconfirmableReasons: UNCONFIRMABLE_REASONS.map((r) => ({ ...r })),
      noticeMethods: NOTICE_METHODS.map((r) => ({ ...r })),
      entity: {
        id: row.entityId,
        name: entity?.name ?? null,
        premisesAddress: entity?.premisesAddress ?? null,
      },
      assigneeName: row.assigneeUserId ? (names.get(row.assigneeUserId) ?? null) : null,
      claimed: formatFen(await claimedFenOf(this.ds.manager, id)),
      documents: CASE_DOCUMENT_KINDS.map((kind) => ({
        kind,
        title: CASE_DOCUMENT_TITLES[kind],
        ready: documentReady(kind, c),
      })),
      refundOrder: refundOrderFacts(c, calendar, now),
    };
  }

  /**
   * The exact bytes of a report's frozen evidence, for the browser to hash and show. Staff of
   * the case's district only; each read is audited like a read of the reporter.
   */
  async evidence(p: Principal, caseId: string, reportId: string): Promise<Buffer> {
    const row = await this.load(p, caseId);
    const report = await this.repo.report(reportId);
    if (!report || report.caseId !== row.id)
      throw new AppError(CaseHttpErrorCode.NOT_FOUND, '没有找到该案件的这份举报');
    const bytes = await this.blobs.get(report.evidenceKey);
    await this.audit.append({
      actorUserId: p.userId,
      actorRole: p.role,
      action: 'report.evidence_viewed',
      subjectType: 'case_report',
      subjectId: report.id,
      details: { caseId },
      at: this.clock.now(),
    });
    return bytes;
  }

  /** A printable document of the case as HTML (A4), filled from the case. */
  async document(p: Principal, id: string, kind: string): Promise<string> {
    if (!(CASE_DOCUMENT_KINDS as readonly string[]).includes(kind))
      throw new AppError(
        CaseQueueErrorCode.DOCUMENT_NOT_FOUND,
        `没有“${kind}”这种文书，可选：${CASE_DOCUMENT_KINDS.map((k) => `${k}（${CASE_DOCUMENT_TITLES[k]}）`).join('、')}`,
      );
    const row = await this.load(p, id);
    const c = caseFromJson(row.model);
    const docKind = kind as CaseDocumentKind;
    if (!documentReady(docKind, c))
      throw new AppError(
        CaseQueueErrorCode.DOCUMENT_NOT_READY,
        docKind === 'refund-order'
          ? '案件尚未作出处理决定或没有责令退还的金额，不能出具责令退还多收价款通知书'
          : '案件已不予立案，不能出具立案审批表',
      );
    const [entity, reports, claimedFen] = await Promise.all([
      this.repo.entity(row.entityId),
      this.repo.reportsOfCase(id),
      claimedFenOf(this.ds.manager, id),
    ]);
    const findingTypes = new Set<string>();
    for (const r of reports) {
      const sheets = await this.sheetsOf(r.evidenceKey);
      for (const s of sheets) for (const f of s.findings) findingTypes.add(f.type);
    }
    const facts: CaseDocumentFacts = {
      number: row.number,
      districtCode: row.districtCode,
      source: row.source,
      state: row.state,
      entity: {
        id: row.entityId,
        name: entity?.name ?? null,
        premisesAddress: entity?.premisesAddress ?? null,
      },
      periods: [...c.periods],
      receivedAt: c.registeredAt,
      filingDue: row.filingDue,
      openedAt: c.openedAt,
      reportCount: c.reportIds.length,
      claimedFen,
      findingTypes: [...findingTypes].sort(),
      decision: c.decision,
      refunds: c.refunds.map((r) => ({ tenantId: r.tenantId, orderedFen: r.orderedFen })),
      tenantCount: await this.repo.tenantCountOfEntity(row.entityId),
      printedAt: this.clock.now(),
    };
    await this.audit.append({
      actorUserId: p.userId,
      actorRole: p.role,
      action: 'case.document_printed',
      subjectType: 'enforcement_case',
      subjectId: id,
      details: { kind },
      at: this.clock.now(),
    });
    return renderCaseDocument(docKind, facts);
  }

  private async sheetsOf(key: string): Promise<TenantMonthSheet[]> {
    try {
      const evidence = JSON.parse((await this.blobs.get(key)).toString('utf8')) as {
        sheets?: TenantMonthSheet[];
      };
      return evidence.sheets ?? [];
    } catch {
      return [];
    }
  }

  private async entityNames(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows: { id: string; name: string }[] = await this.ds.manager.query(
      `SELECT id, name FROM charging_entity WHERE id IN (${unique.map(() => '?').join(', ')})`,
      unique,
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  private async load(p: Principal, id: string): Promise<CaseRow> {
    const row = await this.repo.caseById(id);
    if (!row) throw notFound();
    if (!canSeeDistrict(p, row.districtCode)) throw outOfScope();
    return row;
  }
}

/** The 立案审批表 until a case is refused; the refund order once refunds are ordered. */
function documentReady(kind: CaseDocumentKind, c: EnforcementCase): boolean {
  if (kind === 'filing-approval') return c.state !== 'not_opened';
  return c.decision !== null && c.decision.refundOrderFen > 0n;
}

function withPath(e: AppError, path: string, message: string): AppError {
  return new AppError(e.code, message, [{ code: e.code, message, path }]);
}
