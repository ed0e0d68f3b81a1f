import { Inject, Injectable } from '@nestjs/common';
import {
  CaseHttpErrorCode,
  type CaseActionAnswer,
  type CaseActionBody,
  type CaseDetailView,
  type CaseListQuery,
  type CasesDueView,
  type CaseSummaryView,
} from '@zgd/shared-types';
import { DataSource } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit';
import { canSeeDistrict, tenantIdsOf, type Principal } from '../auth';
import { CalendarService, shanghaiDate } from '../calendar';
import type { CaseRow } from './case.entity';
import { CASES_CLOCK, type CaseClock } from './case-clock';
import { deadlinesOf } from './case-deadline-facts';
import { toCaseAction } from './case-action-input';
import { dueRange, dueSoonUntil } from './case-queue';
import { dueCountsByDistrict, type DistrictDueCounts } from './case-queue.repository';
import { caseFailure } from './case-failure';
import { CaseLedger } from './case-ledger';
import { formatFen } from '../reconciliation/domain/exact';
import {
  decisionView,
  eventView,
  refundViews,
  reportViewForStaff,
  summaryView,
} from './case-views';
import { CasesRepository } from './cases.repository';
import { ReportAttachmentsService } from './report-attachments.service';
import { mayReadReporterContact, transition, type CaseActor } from './domain';
import { caseFromJson } from './domain/case-json';

const notFound = () => new AppError(CaseHttpErrorCode.NOT_FOUND, '没有找到该案件');
const outOfScope = () =>
  new AppError(CaseHttpErrorCode.OUT_OF_SCOPE, '该案件不属于本区，无权查看或办理');

/** `forTenant`: the firm a tenant acts for, when it is one of the firms it is bound to. */
export const actorOf = (p: Principal, forTenant?: string): CaseActor => ({
  role: p.role,
  userId: p.userId,
  districtCode: p.districtCode,
  tenantId: forTenant && tenantIdsOf(p).includes(forTenant) ? forTenant : p.tenantId,
  entityId: p.entityId,
});

export type CaseStepListener = (step: {
  caseId: string;
  entityId: string;
  action: string;
}) => Promise<void>;

/** Officers' case work: the district's queue, one case in full, and its steps. */
@Injectable()
export class CaseWorkService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: CasesRepository,
    private readonly ledger: CaseLedger,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly attachments: ReportAttachmentsService,
    @Inject(CASES_CLOCK) private readonly clock: CaseClock,
  ) {}

  private readonly stepListeners: CaseStepListener[] = [];

  /** Told of every step after it commits (supervision: credit classes). Must not throw. */
  onStep(listener: CaseStepListener): void {
    this.stepListeners.push(listener);
  }

  /** The district's cases (the city: all), the most urgent deadline first. */
  async list(p: Principal, q: CaseListQuery): Promise<CaseSummaryView[]> {
    const rows = await this.repo.cases({
      districtCode: p.role === 'city_admin' ? undefined : (p.districtCode ?? '-'),
      entityId: q.entity,
      state: q.status,
    });
    const calendar = await this.calendar.calendar();
    const now = this.clock.now();
    const realName = await this.repo.casesWithRealNameReport(rows.map((r) => r.id));
    return rows
      .map((row) => {
        const c = caseFromJson(row.model);
        return summaryView(row, c, deadlinesOf(c, realName.has(row.id), calendar, now));
      })
      .sort(byUrgency);
  }

  /** Open cases whose most urgent deadline is overdue or due soon. */
  async due(p: Principal): Promise<CasesDueView> {
    // Any case with a deadline still open: after 不予立案 or 办结 that is the reporter's notice.
    const open = (await this.list(p, {})).filter((c) => c.urgent);
    return {
      overdue: open.filter((c) => c.urgent?.state === 'overdue'),
      dueSoon: open.filter((c) => c.urgent?.state === 'due_soon'),
    };
  }

  /**
   * How many cases of each listed district are overdue and due soon, counted in SQL on the
   * queue's stored deadline with the queue's own flags (`dueRange`, `dueSoonUntil`): the same
   * cases `GET /api/cases/queue?due=overdue|soon` lists. The caller has checked the scope.
   */
  async dueCounts(districtCodes: readonly string[]): Promise<DistrictDueCounts[]> {
    const today = shanghaiDate(this.clock.now());
    const soonUntil = dueSoonUntil(await this.calendar.calendar(), today);
    return dueCountsByDistrict(
      this.ds.manager,
      districtCodes,
      dueRange('overdue', today, soonUntil),
      dueRange('soon', today, soonUntil),
    );
  }

  /**
   * One case in full for its district's staff or the city, reporters included. Every read of
   * a reporter's identity is written to the audit log (who read which report, not what).
   */
  async detail(p: Principal, id: string): Promise<CaseDetailView> {
    const row = await this.load(p, id);
    const c = caseFromJson(row.model);
    const [stored, events, calendar] = await Promise.all([
      this.repo.reportsOfCase(id),
      this.repo.events(id),
      this.calendar.calendar(),
    ]);
    // In the order they joined the case.
    const order = (reportId: string) => c.reportIds.indexOf(reportId);
    const reports = [...stored].sort((a, b) => order(a.id) - order(b.id));
    const fullContact = mayReadReporterContact(c, actorOf(p));
    const now = this.clock.now();
    // Who read which report, and whether its contact was shown in full; never what it says.
    for (const r of reports)
      await this.audit.append({
        actorUserId: p.userId,
        actorRole: p.role,
        action: 'reporter.viewed',
        subjectType: 'case_report',
        subjectId: r.id,
        details: { caseId: id, shown: shownOf(r.realName, fullContact) },
        at: now,
      });
    return {
      ...summaryView(
        row,
        c,
        deadlinesOf(
          c,
          reports.some((r) => r.realName),
          calendar,
          now,
        ),
      ),
      decision: decisionView(c),
      refunds: refundViews(c),
      corrections: c.corrections.map((x) => ({
        at: x.at.toISOString(),
        refunded: formatFen(x.refundedFen),
        recordedByRole: x.recordedByRole,
      })),
      refusal: c.refusal && { at: c.refusal.at.toISOString(), reason: c.refusal.reason },
      transfers: c.transfers.map((t) => ({ ...t, at: t.at.toISOString() })),
      refundOrderPeriods: c.refundOrderPeriods.map((x) => ({
        from: x.from.toISOString(),
        to: x.to?.toISOString() ?? null,
      })),
      reporterNotices: c.reporterNotices.map((n) => ({
        reportId: n.reportId,
        at: n.at.toISOString(),
        method: n.method,
        byRole: n.byRole,
      })),
      reports: await Promise.all(
        reports.map(async (r) => ({
          ...reportViewForStaff(r, fullContact),
          attachments: await this.attachments.list(r.id),
        })),
      ),
      timeline: events.map((e) => eventView(e, true)),
    };
  }

  /**
   * One step by anyone the workflow lets take it: staff of the district, the entity for its own
   * correction, a tenant confirming its own refund. The workflow checks who, then the state.
   */
  async act(p: Principal, id: string, body: CaseActionBody): Promise<CaseActionAnswer> {
    const row = await this.repo.caseById(id);
    if (!row) throw notFound();
    const isStaff = ['city_admin', 'district_officer', 'district_lead'].includes(p.role);
    if (isStaff && !canSeeDistrict(p, row.districtCode)) throw outOfScope();
    const calendar = await this.calendar.calendar();
    const now = this.clock.now();
    const c = caseFromJson(row.model);
    const actor = actorOf(p, 'tenantId' in body ? body.tenantId : undefined);
    const r = transition(c, toCaseAction(body, c, calendar, now), actor, now);
    if (!r.ok) throw caseFailure(r);
    await this.audit.transaction((m) => this.ledger.update(m, r.case, r.event, row, calendar));
    for (const listener of this.stepListeners)
      await listener({ caseId: id, entityId: row.entityId, action: r.event.action });
    return { id, state: r.case.state, version: r.case.version };
  }

  private async load(p: Principal, id: string): Promise<CaseRow> {
    const row = await this.repo.caseById(id);
    if (!row) throw notFound();
    if (!canSeeDistrict(p, row.districtCode)) throw outOfScope();
    return row;
  }
}

/** What a read of a report showed of its reporter (for the audit log; never the values). */
const shownOf = (realName: boolean, fullContact: boolean) =>
  realName ? (fullContact ? 'full' : 'masked') : 'tenant_only';

const SEVERITY: Record<string, number> = { overdue: 0, due_soon: 1, ok: 2 };

function byUrgency(a: CaseSummaryView, b: CaseSummaryView): number {
  const rank = (v: CaseSummaryView) => (v.urgent ? SEVERITY[v.urgent.state] : 3);
  return (
    rank(a) - rank(b) ||
    (a.urgent?.dueDate ?? '9999').localeCompare(b.urgent?.dueDate ?? '9999') ||
    a.number.localeCompare(b.number)
  );
}
