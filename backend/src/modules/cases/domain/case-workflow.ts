import { isShanghaiDistrictCode } from '@zgd/shared-types';
import { CaseErrorCode, fail, type CaseFailure } from './case-errors';
import {
  CASE_STATE_LABELS,
  FINAL_STATES,
  POST_FILING_STATES,
  PRE_FILING_STATES,
  type CaseAction,
  type CaseActionType,
  type CaseActor,
  type CaseEvent,
  type CaseState,
  type EnforcementCase,
} from './case-model';
import { checkActor, MAY_REGISTER } from './case-permissions';
import { PRECONDITIONS, STEPS, type Step } from './case-steps';
import { isPeriod, normalisePeriods } from './merge-rules';

/*
 * The enforcement case as a pure state machine (domain §5):
 *
 *   registered → assigned → verifying → investigating (立案) → decided → refund_supervision → closed
 *                                     ↘ not_opened (不予立案)     decided ──(no refunds ordered)──↗
 *
 * transfer (registered/assigned/verifying) hands the case to another district, where it starts
 * again at registered. The entity's correction, deadline extensions, refunds and merging of
 * repeat reports are steps that keep the state. Every step checks the actor (role, then whose
 * case it is), then the state, then its input, and returns the next case and an event, or a
 * failure with a stable code. Nothing here reads a clock: `now` is passed in.
 */

export type TransitionResult = { ok: true; case: EnforcementCase; event: CaseEvent } | CaseFailure;

/** The states each action applies in. */
export const ALLOWED_FROM: Readonly<Record<CaseActionType, readonly CaseState[]>> = {
  assign: ['registered', 'assigned', 'verifying', 'investigating'],
  start_verification: ['assigned'],
  record_correction: PRE_FILING_STATES,
  extend_filing_deadline: PRE_FILING_STATES,
  open_case: ['verifying'],
  refuse: ['verifying'],
  transfer: PRE_FILING_STATES,
  extend_decision_deadline: ['investigating'],
  suspend_for_refund_order: ['investigating'],
  resume_after_refund_order: ['investigating'],
  record_decision: ['investigating'],
  start_refund_supervision: ['decided'],
  record_refund: ['refund_supervision'],
  confirm_refund: ['refund_supervision'],
  mark_refund_unconfirmable: ['refund_supervision'],
  close: ['decided', 'refund_supervision'],
  merge: ['registered', 'assigned', 'verifying', 'investigating', 'decided', 'refund_supervision'],
  record_reporter_notice: POST_FILING_STATES,
};

/**
 * What may still be recorded once a case is closed or was not opened: telling the reporter
 * comes after the decision on 立案, so after 不予立案 too.
 */
const AFTER_FINAL: ReadonlySet<CaseActionType> = new Set<CaseActionType>([
  'record_reporter_notice',
]);

export const ACTION_LABELS: Readonly<Record<CaseActionType, string>> = {
  assign: '分派承办人',
  start_verification: '开始核查',
  record_correction: '登记整改退费',
  extend_filing_deadline: '延长立案核查期限',
  open_case: '立案',
  refuse: '不予立案',
  transfer: '移送其他区局',
  extend_decision_deadline: '延长办案期限',
  suspend_for_refund_order: '责令退还多收价款（期间不计入办案期限）',
  resume_after_refund_order: '责令退还期间届满',
  record_decision: '作出处理决定',
  start_refund_supervision: '开始退款监督',
  record_refund: '登记退款',
  confirm_refund: '确认收到退款',
  mark_refund_unconfirmable: '标记无法确认退款',
  close: '办结',
  merge: '并案',
  record_reporter_notice: '登记告知举报人',
};

/**
 * Whether `actor` may take a step of this kind on `c` now, whatever its input: who (role, then
 * whose case), then the state, then what the step needs of the case (PRECONDITIONS). The
 * workflow's own check before every step, and what the console's workbench offers.
 */
export function gate(
  c: EnforcementCase,
  action: CaseAction,
  actor: CaseActor,
  now: Date,
): CaseFailure | null {
  const denied = checkActor(c, action, actor);
  if (denied) return denied;
  const label = CASE_STATE_LABELS[c.state];
  if (FINAL_STATES.has(c.state) && !AFTER_FINAL.has(action.type))
    return fail(CaseErrorCode.ALREADY_CLOSED, `案件${label}，不能再${ACTION_LABELS[action.type]}`);
  if (!ALLOWED_FROM[action.type].includes(c.state))
    return fail(
      CaseErrorCode.ACTION_NOT_ALLOWED,
      `案件处于“${label}”状态，不能${ACTION_LABELS[action.type]}`,
    );
  return PRECONDITIONS[action.type]?.(c, now) ?? null;
}

export function transition(
  c: EnforcementCase,
  action: CaseAction,
  actor: CaseActor,
  now: Date,
): TransitionResult {
  const refused = gate(c, action, actor, now);
  if (refused) return refused;
  const step = (STEPS[action.type] as (...args: unknown[]) => Step | CaseFailure)(
    c,
    action,
    actor,
    now,
  );
  if ('ok' in step) return step;
  const next = { ...step.next, version: c.version + 1 };
  return {
    ok: true,
    case: next,
    event: {
      caseId: c.id,
      action: action.type,
      at: now,
      actor: { userId: actor.userId, role: actor.role },
      from: c.state,
      to: next.state,
      details: step.details,
    },
  };
}

export interface NewCase {
  id: string;
  reportId: string;
  districtCode: string;
  entityId: string;
  periods: readonly string[];
  /** 15 working days from receipt, counted by the caller with the holiday calendar. */
  filingDueAt: Date;
  /** Our setting: by default the same as filingDueAt. */
  correctionWindowEndsAt: Date;
  /** A real-name report (its reporter is told the filing decision); false for clues. */
  realName?: boolean;
}

/**
 * A report that joins no open case (see findMergeTarget) becomes a case of its own. The system
 * registers it at intake; staff may register one by hand, in their district.
 */
export function registerCase(input: NewCase, actor: CaseActor, now: Date): TransitionResult {
  if (!MAY_REGISTER.includes(actor.role))
    return fail(CaseErrorCode.FORBIDDEN_ROLE, '当前账号无权登记案件');
  if (!isShanghaiDistrictCode(input.districtCode))
    return fail(CaseErrorCode.INVALID_DISTRICT, '案件应登记在本市的区局');
  if (
    (actor.role === 'district_officer' || actor.role === 'district_lead') &&
    actor.districtCode !== input.districtCode
  )
    return fail(CaseErrorCode.OUT_OF_DISTRICT, '只能在本区登记案件');
  if (input.periods.length === 0 || !input.periods.every(isPeriod))
    return fail(CaseErrorCode.INVALID_PERIOD, '举报涉及的月份应为 YYYY-MM 格式且不能为空');
  const c: EnforcementCase = {
    id: input.id,
    state: 'registered',
    districtCode: input.districtCode,
    entityId: input.entityId,
    periods: normalisePeriods(input.periods),
    reportIds: [input.reportId],
    realNameReportIds: input.realName ? [input.reportId] : [],
    reporterNotices: [],
    assigneeUserId: null,
    registeredAt: now,
    filingDueAt: input.filingDueAt,
    filingDeadlineExtended: false,
    correctionWindowEndsAt: input.correctionWindowEndsAt,
    corrections: [],
    openedAt: null,
    decisionDueAt: null,
    decisionDeadlineExtended: false,
    refundOrderPeriods: [],
    refusal: null,
    decision: null,
    refunds: [],
    transfers: [],
    closedAt: null,
    version: 1,
  };
  return {
    ok: true,
    case: c,
    event: {
      caseId: c.id,
      action: 'register',
      at: now,
      actor: { userId: actor.userId, role: actor.role },
      from: null,
      to: 'registered',
      details: {
        reportId: input.reportId,
        anonymous: !input.realName,
        districtCode: c.districtCode,
        entityId: c.entityId,
        periods: c.periods,
        filingDueAt: input.filingDueAt.toISOString(),
      },
    },
  };
}
