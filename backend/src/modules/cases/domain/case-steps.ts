import { isShanghaiDistrictCode } from '@zgd/shared-types';
import { formatFen } from '../../reconciliation/domain/exact';
import { checkDecision } from './case-decision';
import { CaseErrorCode, fail, type CaseFailure } from './case-errors';
import type {
  CaseActionOf,
  CaseActionType,
  CaseActor,
  CaseEventDetails,
  EnforcementCase,
} from './case-model';
import { confirmRefund, markUnconfirmable, outstandingRefunds, recordRefund } from './case-refunds';
import {
  isNoticeMethod,
  isTransferReason,
  isUnconfirmableReason,
  refusalReason,
} from './case-reasons';
import { isPeriod, normalisePeriods, overlappingMonths } from './merge-rules';

/** What one step changes, before the workflow stamps the version and builds the event. */
export interface Step {
  next: EnforcementCase;
  details: CaseEventDetails;
}

type StepFn<T extends CaseActionType> = (
  c: EnforcementCase,
  action: CaseActionOf<T>,
  actor: CaseActor,
  now: Date,
) => Step | CaseFailure;

const DAY_MS = 86_400_000;
/** 90 days from 立案 to the decision, +30 once with approval (domain §5). */
export const DECISION_DAYS = 90;
export const DECISION_EXTENSION_DAYS = 30;
/**
 * The filing deadline's extension is 15 working days, which the caller counts with the holiday
 * calendar. Here only a sanity bound: 15 working days never span more than 31 calendar days,
 * even across the Spring Festival.
 */
export const MAX_FILING_EXTENSION_DAYS = 31;

const runningRefundOrder = (c: EnforcementCase) =>
  c.refundOrderPeriods.find((period) => period.to === null);

const endRunning = (periods: EnforcementCase['refundOrderPeriods'], now: Date) =>
  periods.map((period) => (period.to === null ? { ...period, to: now } : period));

const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);
const iso = (date: Date) => date.toISOString();

type Precondition = (c: EnforcementCase, now: Date) => CaseFailure | null;

const untoldRealName = (c: EnforcementCase) =>
  c.realNameReportIds.filter((id) => !c.reporterNotices.some((n) => n.reportId === id));

/**
 * What a step needs of the case beyond its state, whatever its input: the workflow refuses a
 * step whose precondition fails, and the console offers only steps whose precondition holds.
 * One list for both, so the console never offers what the workflow would refuse.
 */
export const PRECONDITIONS: Partial<Record<CaseActionType, Precondition>> = {
  record_correction: (c, now) =>
    now.getTime() > c.correctionWindowEndsAt.getTime()
      ? fail(
          CaseErrorCode.CORRECTION_WINDOW_CLOSED,
          `整改退费窗口期已于 ${iso(c.correctionWindowEndsAt)} 届满`,
        )
      : null,
  extend_filing_deadline: (c) =>
    c.filingDeadlineExtended
      ? fail(CaseErrorCode.ALREADY_EXTENDED, '立案核查期限已延长过一次，不能再次延长')
      : null,
  extend_decision_deadline: (c) =>
    c.decisionDeadlineExtended || c.decisionDueAt === null
      ? fail(CaseErrorCode.ALREADY_EXTENDED, '办案期限已延长过一次，不能再次延长')
      : null,
  suspend_for_refund_order: (c) =>
    runningRefundOrder(c)
      ? fail(
          CaseErrorCode.REFUND_ORDER_ALREADY_RUNNING,
          '已有正在执行的责令退还，待其期间届满后再责令',
        )
      : null,
  resume_after_refund_order: (c) =>
    runningRefundOrder(c)
      ? null
      : fail(CaseErrorCode.REFUND_ORDER_NOT_RUNNING, '没有正在执行的责令退还'),
  start_refund_supervision: (c) =>
    c.refunds.length === 0
      ? fail(CaseErrorCode.NO_REFUNDS_ORDERED, '处理决定未责令退还，无需退款监督，可直接办结')
      : null,
  record_refund: (c) =>
    c.refunds.some((r) => r.status === 'outstanding')
      ? null
      : fail(CaseErrorCode.REFUND_ALREADY_SETTLED, '责令退还款已全部登记'),
  mark_refund_unconfirmable: (c) =>
    c.refunds.some((r) => r.status === 'recorded')
      ? null
      : fail(CaseErrorCode.REFUND_NOT_RECORDED, '没有已登记待确认的退款'),
  close: (c) => {
    const outstanding = outstandingRefunds(c.refunds);
    return outstanding.length > 0
      ? fail(
          CaseErrorCode.REFUNDS_OUTSTANDING,
          `尚有 ${outstanding.length} 笔责令退还款未经承租企业确认或标记为无法确认，不能办结`,
        )
      : null;
  },
  record_reporter_notice: (c) =>
    c.realNameReportIds.length === 0
      ? fail(CaseErrorCode.NOTICE_NOT_REQUIRED, '本案没有实名举报，无需告知举报人')
      : untoldRealName(c).length === 0
        ? fail(CaseErrorCode.ALREADY_NOTIFIED, '实名举报人均已告知')
        : null,
};

export const STEPS: { [T in CaseActionType]: StepFn<T> } = {
  assign(c, a) {
    if (!Number.isSafeInteger(a.assigneeUserId) || a.assigneeUserId <= 0)
      return fail(CaseErrorCode.INVALID_ASSIGNEE, '请指定承办人');
    const state = c.state === 'registered' ? 'assigned' : c.state;
    return {
      next: { ...c, state, assigneeUserId: a.assigneeUserId },
      details: { assigneeUserId: a.assigneeUserId, previousAssigneeUserId: c.assigneeUserId },
    };
  },

  start_verification: (c) => ({ next: { ...c, state: 'verifying' }, details: {} }),

  record_correction(c, a, actor, now) {
    if (a.refundedFen <= 0n) return fail(CaseErrorCode.INVALID_AMOUNT, '整改退费金额应大于零');
    const correction = {
      at: now,
      refundedFen: a.refundedFen,
      recordedByUserId: actor.userId,
      recordedByRole: actor.role,
    };
    return {
      next: { ...c, corrections: [...c.corrections, correction] },
      details: {
        refunded: formatFen(a.refundedFen),
        withinCorrectionWindow: true,
        correctionWindowEndsAt: iso(c.correctionWindowEndsAt),
      },
    };
  },

  extend_filing_deadline(c, a) {
    const from = c.filingDueAt.getTime();
    const to = a.newDueAt.getTime();
    if (!(to > from && to <= from + MAX_FILING_EXTENSION_DAYS * DAY_MS))
      return fail(
        CaseErrorCode.INVALID_DEADLINE,
        '延长后的期限应晚于原期限，且延长不超过十五个工作日',
      );
    return {
      next: { ...c, filingDueAt: a.newDueAt, filingDeadlineExtended: true },
      details: { previousDueAt: iso(c.filingDueAt), filingDueAt: iso(a.newDueAt) },
    };
  },

  open_case(c, _a, _actor, now) {
    const decisionDueAt = addDays(now, DECISION_DAYS);
    return {
      next: { ...c, state: 'investigating', openedAt: now, decisionDueAt },
      details: { decisionDueAt: iso(decisionDueAt), correctionsRecorded: c.corrections.length },
    };
  },

  refuse(c, a, actor, now) {
    const reason = refusalReason(a.reason);
    if (!reason) return fail(CaseErrorCode.INVALID_REASON, '请从法定情形中选择不予立案的理由');
    if (reason.transferInstead)
      return fail(
        CaseErrorCode.USE_TRANSFER,
        '不属于本局管辖的，应移送有管辖权的区局，而不是不予立案',
      );
    if (reason.needsCorrection && c.corrections.length === 0)
      return fail(
        CaseErrorCode.CORRECTION_REQUIRED,
        `以“${reason.label}”不予立案，须先登记当事人在整改窗口期内的整改退费`,
      );
    return {
      next: {
        ...c,
        state: 'not_opened',
        refusal: { at: now, reason: a.reason, approvedByUserId: actor.userId },
      },
      details: { reason: a.reason },
    };
  },

  transfer(c, a, _actor, now) {
    if (!isShanghaiDistrictCode(a.toDistrict) || a.toDistrict === c.districtCode)
      return fail(CaseErrorCode.INVALID_DISTRICT, '请选择本市另一个区作为移送对象');
    if (!isTransferReason(a.reason)) return fail(CaseErrorCode.INVALID_REASON, '请选择移送理由');
    if (a.filingDueAt.getTime() <= now.getTime())
      return fail(CaseErrorCode.INVALID_DEADLINE, '接收区局的立案核查期限应晚于移送时间');
    const transfer = {
      at: now,
      fromDistrict: c.districtCode,
      toDistrict: a.toDistrict,
      reason: a.reason,
    };
    return {
      next: {
        ...c,
        state: 'registered',
        districtCode: a.toDistrict,
        assigneeUserId: null,
        filingDueAt: a.filingDueAt,
        filingDeadlineExtended: false,
        transfers: [...c.transfers, transfer],
      },
      details: {
        fromDistrict: c.districtCode,
        toDistrict: a.toDistrict,
        reason: a.reason,
        filingDueAt: iso(a.filingDueAt),
      },
    };
  },

  extend_decision_deadline(c) {
    // The precondition holds decisionDueAt set.
    const previous = c.decisionDueAt as Date;
    const decisionDueAt = addDays(previous, DECISION_EXTENSION_DAYS);
    return {
      next: { ...c, decisionDueAt, decisionDeadlineExtended: true },
      details: { previousDueAt: iso(previous), decisionDueAt: iso(decisionDueAt) },
    };
  },

  suspend_for_refund_order(c, _a, actor, now) {
    const period = { from: now, to: null, orderedByUserId: actor.userId };
    return {
      next: { ...c, refundOrderPeriods: [...c.refundOrderPeriods, period] },
      details: { orderedAt: iso(now) },
    };
  },

  resume_after_refund_order(c, a, _actor, now) {
    // The precondition holds an order running.
    const running = runningRefundOrder(c)!;
    if (c.decisionDueAt && a.decisionDueAt.getTime() < c.decisionDueAt.getTime())
      return fail(CaseErrorCode.INVALID_DEADLINE, '责令退还期间不计入办案期限，期限不会因此提前');
    return {
      next: {
        ...c,
        refundOrderPeriods: endRunning(c.refundOrderPeriods, now),
        decisionDueAt: a.decisionDueAt,
      },
      details: {
        orderedAt: iso(running.from),
        endedAt: iso(now),
        previousDueAt: c.decisionDueAt && iso(c.decisionDueAt),
        decisionDueAt: iso(a.decisionDueAt),
      },
    };
  },

  record_decision(c, a, actor, now) {
    const invalid = checkDecision(a);
    if (invalid) return invalid;
    const refundOrderFen = a.refundOrders.reduce((sum, order) => sum + order.amountFen, 0n);
    const decision = {
      at: now,
      approvedByUserId: actor.userId,
      illegalGainFen: a.illegalGainFen,
      refundOrderFen,
      warning: a.warning,
      fineFen: a.fineFen,
      confiscationFen: a.confiscationFen,
      serious: a.serious ?? false,
    };
    const refunds = a.refundOrders.map((order) => ({
      tenantId: order.tenantId,
      orderedFen: order.amountFen,
      recordedFen: 0n,
      status: 'outstanding' as const,
      settledAt: null,
      unconfirmableReason: null,
    }));
    return {
      // The decision ends an order to refund still running: the clock it stopped has stopped.
      next: {
        ...c,
        state: 'decided',
        decision,
        refunds,
        refundOrderPeriods: endRunning(c.refundOrderPeriods, now),
      },
      details: {
        illegalGain: formatFen(a.illegalGainFen),
        refundOrdered: formatFen(refundOrderFen),
        refundTenants: refunds.length,
        warning: a.warning,
        fine: formatFen(a.fineFen),
        confiscation: formatFen(a.confiscationFen),
        serious: decision.serious,
      },
    };
  },

  start_refund_supervision(c) {
    return {
      next: { ...c, state: 'refund_supervision' },
      details: { refundTenants: c.refunds.length },
    };
  },

  record_refund(c, a) {
    const updated = recordRefund(c.refunds, a.tenantId, a.amountFen);
    if ('ok' in updated) return updated;
    return {
      next: { ...c, refunds: updated.refunds },
      details: {
        tenantId: a.tenantId,
        amount: formatFen(a.amountFen),
        recordedTotal: formatFen(updated.order.recordedFen),
        status: updated.order.status,
      },
    };
  },

  confirm_refund(c, a, _actor, now) {
    const updated = confirmRefund(c.refunds, a.tenantId, now);
    if ('ok' in updated) return updated;
    return { next: { ...c, refunds: updated.refunds }, details: { tenantId: a.tenantId } };
  },

  mark_refund_unconfirmable(c, a, _actor, now) {
    if (!isUnconfirmableReason(a.reason))
      return fail(CaseErrorCode.INVALID_REASON, '请选择无法确认退款的理由');
    const updated = markUnconfirmable(c.refunds, a.tenantId, a.reason, now);
    if ('ok' in updated) return updated;
    return {
      next: { ...c, refunds: updated.refunds },
      details: { tenantId: a.tenantId, reason: a.reason },
    };
  },

  close(c, _a, _actor, now) {
    const count = (status: string) => c.refunds.filter((r) => r.status === status).length;
    return {
      next: { ...c, state: 'closed', closedAt: now },
      details: {
        refundsConfirmed: count('confirmed'),
        refundsUnconfirmable: count('unconfirmable'),
      },
    };
  },

  record_reporter_notice(c, a, actor, now) {
    if (!c.reportIds.includes(a.reportId))
      return fail(CaseErrorCode.INVALID_REPORT, '该举报不属于本案');
    if (!c.realNameReportIds.includes(a.reportId))
      return fail(CaseErrorCode.NOTICE_NOT_REQUIRED, '匿名举报无需告知举报人');
    if (c.reporterNotices.some((n) => n.reportId === a.reportId))
      return fail(CaseErrorCode.ALREADY_NOTIFIED, '已登记过对该举报人的告知');
    if (!isNoticeMethod(a.method))
      return fail(CaseErrorCode.INVALID_NOTICE_METHOD, '请选择告知方式');
    const notice = {
      reportId: a.reportId,
      at: now,
      method: a.method,
      byUserId: actor.userId,
      byRole: actor.role,
    };
    return {
      next: { ...c, reporterNotices: [...c.reporterNotices, notice] },
      details: {
        reportId: a.reportId,
        method: a.method,
        filingDecision: c.openedAt ? 'opened' : 'not_opened',
      },
    };
  },

  merge(c, a) {
    if (a.periods.length === 0 || !a.periods.every(isPeriod))
      return fail(CaseErrorCode.INVALID_PERIOD, '举报涉及的月份应为 YYYY-MM 格式且不能为空');
    if (a.entityId !== c.entityId || overlappingMonths(a.periods, c.periods) === 0)
      return fail(CaseErrorCode.MERGE_MISMATCH, '只有同一收费主体、月份有重叠的举报才能并入本案');
    if (a.reportId.trim() === '' || c.reportIds.includes(a.reportId))
      return fail(CaseErrorCode.ALREADY_MERGED, '该举报已在本案中');
    return {
      next: {
        ...c,
        reportIds: [...c.reportIds, a.reportId],
        realNameReportIds: a.realName ? [...c.realNameReportIds, a.reportId] : c.realNameReportIds,
        periods: normalisePeriods([...c.periods, ...a.periods]),
      },
      details: {
        reportId: a.reportId,
        anonymous: !a.realName,
        periods: normalisePeriods(a.periods),
      },
    };
  },
};
