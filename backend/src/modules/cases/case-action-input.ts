import type { CaseActionBody } from '@zgd/shared-types';
import { parseScaledOrThrow } from '../reconciliation/domain/exact';
import type { WorkingCalendar } from '../calendar';
import {
  decisionDueDayAfterRefundOrder,
  endOfShanghaiDay,
  filingDueDay,
  receivedAt,
} from './case-deadline-facts';
import type { CaseAction, EnforcementCase } from './domain';
import type {
  NoticeMethodCode,
  RefusalReasonCode,
  TransferReasonCode,
  UnconfirmableReasonCode,
} from './domain';

const fen = (yuan: string) => parseScaledOrThrow(yuan, 2);

/**
 * A validated request body as the workflow's action. Amounts become exact fen; due dates the
 * workflow needs (an extended filing period, the receiving bureau's own period) are counted
 * here on the holiday calendar. Reason codes pass as they are: the workflow checks them.
 */
export function toCaseAction(
  body: CaseActionBody,
  c: EnforcementCase,
  calendar: WorkingCalendar,
  now: Date,
): CaseAction {
  switch (body.action) {
    case 'assign':
      return { type: 'assign', assigneeUserId: body.assigneeUserId };
    case 'record_correction':
      return { type: 'record_correction', refundedFen: fen(body.refunded) };
    case 'extend_filing_deadline':
      return {
        type: 'extend_filing_deadline',
        newDueAt: endOfShanghaiDay(filingDueDay(receivedAt(c), calendar, true)),
      };
    case 'refuse':
      return { type: 'refuse', reason: body.reason as RefusalReasonCode };
    case 'transfer':
      return {
        type: 'transfer',
        toDistrict: body.toDistrict,
        reason: body.reason as TransferReasonCode,
        filingDueAt: endOfShanghaiDay(filingDueDay(now, calendar)),
      };
    case 'record_decision':
      return {
        type: 'record_decision',
        illegalGainFen: fen(body.illegalGain),
        refundOrders: body.refundOrders.map((o) => ({
          tenantId: o.tenantId,
          amountFen: fen(o.amount),
        })),
        warning: body.warning,
        fineFen: fen(body.fine),
        confiscationFen: fen(body.confiscation),
        serious: body.serious,
      };
    case 'record_refund':
      return { type: 'record_refund', tenantId: body.tenantId, amountFen: fen(body.amount) };
    case 'confirm_refund':
      return { type: 'confirm_refund', tenantId: body.tenantId };
    case 'mark_refund_unconfirmable':
      return {
        type: 'mark_refund_unconfirmable',
        tenantId: body.tenantId,
        reason: body.reason as UnconfirmableReasonCode,
      };
    case 'resume_after_refund_order':
      return {
        type: 'resume_after_refund_order',
        decisionDueAt: c.openedAt
          ? endOfShanghaiDay(decisionDueDayAfterRefundOrder(c, now, calendar))
          : now,
      };
    case 'record_reporter_notice':
      return {
        type: 'record_reporter_notice',
        reportId: body.reportId,
        method: body.method as NoticeMethodCode,
      };
    case 'suspend_for_refund_order':
    case 'start_verification':
    case 'open_case':
    case 'extend_decision_deadline':
    case 'start_refund_supervision':
    case 'close':
      return { type: body.action };
  }
}
