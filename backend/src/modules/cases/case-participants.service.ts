import { Inject, Injectable } from '@nestjs/common';
import type { EntityCaseView, TenantReportView } from '@zgd/shared-types';
import { AppError } from '../../common/errors/app-error';
import { canSeeTenant, type Principal } from '../auth';
import type { CaseEventRow } from './case.entity';
import { CalendarService } from '../calendar';
import { CASES_CLOCK, type CaseClock } from './case-clock';
import { deadlinesOf } from './case-deadline-facts';
import { decisionView, eventView, maskedContact, stateLabel } from './case-views';
import { CasesRepository } from './cases.repository';
import { caseFromJson } from './domain/case-json';
import { formatFen } from '../reconciliation/domain/exact';

/** Below this many tenants, any per-tenant figure could tell the entity who reported it. */
export const MIN_TENANTS_FOR_FIGURES = 5;

/** Steps the reported entity sees: its own, and the bureau's decisions; never who reported. */
const ENTITY_STEPS = new Set([
  'register',
  'start_verification',
  'record_correction',
  'extend_filing_deadline',
  'open_case',
  'refuse',
  'transfer',
  'extend_decision_deadline',
  'suspend_for_refund_order',
  'resume_after_refund_order',
  'record_decision',
  'start_refund_supervision',
  'close',
]);

/** Steps a reporter is told of (domain §5: feedback to the reporter). */
const TENANT_STEPS = new Set([
  'register',
  'merge',
  'open_case',
  'refuse',
  'transfer',
  'record_decision',
  'start_refund_supervision',
  'confirm_refund',
  'close',
  'record_reporter_notice',
]);

/** What the parties of a case see: the reported entity, and the tenants who reported. */
@Injectable()
export class CaseParticipantsService {
  constructor(
    private readonly repo: CasesRepository,
    private readonly calendar: CalendarService,
    @Inject(CASES_CLOCK) private readonly clock: CaseClock,
  ) {}

  /**
   * The entity's own cases: number, state, decisions, deadlines. Never a reporter, a tenant id
   * or the number of reports; per-tenant figures only with enough tenants to hide among.
   */
  async entityCases(p: Principal): Promise<EntityCaseView[]> {
    if (!p.entityId) return [];
    const [rows, calendar, tenants] = await Promise.all([
      this.repo.cases({ entityId: p.entityId }),
      this.calendar.calendar(),
      this.repo.tenantCountOfEntity(p.entityId),
    ]);
    const now = this.clock.now();
    return Promise.all(
      rows.map(async (row) => {
        const c = caseFromJson(row.model);
        const events = await this.repo.events(row.id);
        const { deadlines, calendarGap } = deadlinesOf(c, false, calendar, now);
        return {
          id: row.id,
          number: row.number,
          state: row.state,
          stateLabel: stateLabel(row.state),
          periods: row.periods,
          receivedAt: c.registeredAt.toISOString(),
          correctionWindowEndsAt: c.correctionWindowEndsAt.toISOString(),
          corrections: c.corrections.map((x) => ({
            at: x.at.toISOString(),
            refunded: formatFen(x.refundedFen),
          })),
          decision: decisionView(c),
          refundsOutstanding:
            tenants >= MIN_TENANTS_FOR_FIGURES
              ? c.refunds.filter((r) => r.status === 'outstanding').length
              : null,
          filingDecision: deadlines?.filingDecision ?? null,
          caseDecision: deadlines?.caseDecision ?? null,
          calendarGap,
          timeline: events
            .filter((e) => ENTITY_STEPS.has(e.action))
            .map((e) => eventView(e, false)),
        };
      }),
    );
  }

  /**
   * A page of the tenant's own reports, newest first, with their case's public steps and due
   * dates. The events of the page's cases are read once, in one query, and only those shown.
   */
  async tenantReports(
    p: Principal,
    page: { limit: number; offset: number } = { limit: 50, offset: 0 },
  ): Promise<TenantReportView[]> {
    // Reports of the firms the tenant is bound to, at the premises it is bound to.
    const scope = p.role === 'tenant' ? p.tenantScope : [];
    const reports = (await this.repo.reportsInScope(scope, page)).filter((r) =>
      canSeeTenant(p, r.tenantId, r.accountNo),
    );
    const caseIds = [...new Set(reports.map((r) => r.caseId))];
    const [rows, events, calendar] = await Promise.all([
      this.repo.casesByIds(caseIds),
      this.repo.tenantEvents(
        caseIds,
        [...TENANT_STEPS],
        reports.map((r) => r.id),
      ),
      this.calendar.calendar(),
    ]);
    const cases = new Map(rows.map((c) => [c.id, { row: c, model: caseFromJson(c.model) }]));
    const eventsOf = new Map<string, CaseEventRow[]>();
    for (const e of events) eventsOf.set(e.caseId, [...(eventsOf.get(e.caseId) ?? []), e]);
    const now = this.clock.now();
    return reports.map((r) => {
      const found = cases.get(r.caseId);
      if (!found) throw new AppError('REPORT.NOT_FOUND', '举报对应的案件不存在');
      const { row, model: c } = found;
      const { deadlines, calendarGap } = deadlinesOf(c, r.realName, calendar, now);
      const refund = c.refunds.find((x) => x.tenantId === r.tenantId) ?? null;
      return {
        reportId: r.id,
        createdAt: r.createdAt.toISOString(),
        accountNo: r.accountNo,
        periods: r.periods,
        realName: r.realName,
        ...maskedContact(r),
        caseId: row.id,
        caseNumber: row.number,
        state: row.state,
        stateLabel: stateLabel(row.state),
        filingDecision: deadlines?.filingDecision ?? null,
        reporterNotice: deadlines?.reporterNotice ?? null,
        caseDecision: deadlines?.caseDecision ?? null,
        calendarGap,
        refund: refund && {
          ordered: formatFen(refund.orderedFen),
          recorded: formatFen(refund.recordedFen),
          status: refund.status,
        },
        timeline: (eventsOf.get(row.id) ?? [])
          .filter(
            (e) =>
              (e.action !== 'confirm_refund' || e.actorUserId === p.userId) &&
              ((e.action !== 'record_reporter_notice' && e.action !== 'merge') ||
                e.details.reportId === r.id),
          )
          .map((e) => eventView(e, false)),
      };
    });
  }
}
