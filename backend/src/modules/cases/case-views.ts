import type {
  CaseDecisionView,
  CaseEventView,
  CaseRefundView,
  CaseReportStaffView,
  CaseSummaryView,
} from '@zgd/shared-types';
import { mask, maskPhone } from '../../common/crypto/pii-mask';
import { formatFen } from '../reconciliation/domain/exact';
import type { CaseEventRow, CaseReportRow, CaseRow } from './case.entity';
import type { DeadlinesOrGap } from './case-deadline-facts';
import { CASE_STATE_LABELS, type CaseState, type EnforcementCase } from './domain';

export const stateLabel = (state: string) => CASE_STATE_LABELS[state as CaseState] ?? state;

export function summaryView(row: CaseRow, c: EnforcementCase, d: DeadlinesOrGap): CaseSummaryView {
  return {
    id: row.id,
    number: row.number,
    districtCode: row.districtCode,
    entityId: row.entityId,
    state: row.state,
    stateLabel: stateLabel(row.state),
    periods: row.periods,
    source: row.source,
    assigneeUserId: row.assigneeUserId,
    receivedAt: c.registeredAt.toISOString(),
    reportCount: c.reportIds.length,
    ...d,
  };
}

export function decisionView(c: EnforcementCase): CaseDecisionView | null {
  const d = c.decision;
  return (
    d && {
      at: d.at.toISOString(),
      illegalGain: formatFen(d.illegalGainFen),
      refundOrdered: formatFen(d.refundOrderFen),
      warning: d.warning,
      fine: formatFen(d.fineFen),
      confiscation: formatFen(d.confiscationFen),
      serious: d.serious,
    }
  );
}

export function refundViews(c: EnforcementCase): CaseRefundView[] {
  return c.refunds.map((r) => ({
    tenantId: r.tenantId,
    ordered: formatFen(r.orderedFen),
    recorded: formatFen(r.recordedFen),
    status: r.status,
    settledAt: r.settledAt?.toISOString() ?? null,
    unconfirmableReason: r.unconfirmableReason,
  }));
}

export function eventView(e: CaseEventRow, withDetails: boolean): CaseEventView {
  return {
    seq: e.seq,
    action: e.action,
    fromState: e.fromState,
    toState: e.toState,
    actorRole: e.actorRole,
    at: e.at.toISOString(),
    details: withDetails ? e.details : {},
  };
}

/** A real-name reporter's contact masked, as lists show it: 张*明, 138****5678. */
export function maskedContact(r: CaseReportRow) {
  return {
    reporterName: r.realName && r.reporterName ? mask(r.reporterName) : null,
    reporterPhone: r.realName && r.reporterPhone ? maskPhone(r.reporterPhone) : null,
  };
}

/**
 * A report as its district's staff see it: who reported, when, what was frozen. The contact in
 * full only for those `mayReadReporterContact` allows; masked for the others.
 */
export function reportViewForStaff(
  r: CaseReportRow,
  fullContact: boolean,
): Omit<CaseReportStaffView, 'attachments'> {
  const full = fullContact && r.realName;
  return {
    id: r.id,
    tenantId: r.tenantId,
    realName: r.realName,
    ...(full ? { reporterName: r.reporterName, reporterPhone: r.reporterPhone } : maskedContact(r)),
    contactMasked: !full && r.realName && Boolean(r.reporterName || r.reporterPhone),
    accountNo: r.accountNo,
    periods: r.periods,
    description: r.description,
    createdAt: r.createdAt.toISOString(),
    evidenceHash: r.evidenceHash,
  };
}
