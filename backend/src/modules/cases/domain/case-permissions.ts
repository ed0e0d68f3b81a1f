import { CaseErrorCode, fail, type CaseFailure } from './case-errors';
import type {
  CaseAction,
  CaseActionType,
  CaseActor,
  CaseActorRole,
  EnforcementCase,
} from './case-model';

/*
 * Who may take which step. Officers do the case work of their district. What the procedure
 * gives to the head of the bureau (负责人) is the lead's: 立案 and 不予立案 (程序规定 §19, §20:
 * 立案/不予立案审批表), both deadline extensions ("经负责人批准", §18 and the 90-day rule) and the
 * decision (处理决定). The city sees every district and may act in any, except that it cannot
 * confirm a refund in a tenant's name: only the tenant itself can. A charging entity only
 * reports its own correction, a tenant only confirms its own refund, and the system (intake)
 * only merges repeat reports.
 */

const OFFICER_WORK: readonly CaseActorRole[] = ['city_admin', 'district_lead', 'district_officer'];
const LEAD_APPROVAL: readonly CaseActorRole[] = ['city_admin', 'district_lead'];

export const WHO_MAY: Readonly<Record<CaseActionType, readonly CaseActorRole[]>> = {
  assign: OFFICER_WORK,
  start_verification: OFFICER_WORK,
  record_correction: [...OFFICER_WORK, 'entity_user'],
  extend_filing_deadline: LEAD_APPROVAL,
  open_case: LEAD_APPROVAL,
  refuse: LEAD_APPROVAL,
  transfer: OFFICER_WORK,
  extend_decision_deadline: LEAD_APPROVAL,
  suspend_for_refund_order: LEAD_APPROVAL,
  resume_after_refund_order: OFFICER_WORK,
  record_decision: LEAD_APPROVAL,
  start_refund_supervision: OFFICER_WORK,
  record_refund: OFFICER_WORK,
  confirm_refund: ['tenant'],
  mark_refund_unconfirmable: OFFICER_WORK,
  close: OFFICER_WORK,
  merge: [...OFFICER_WORK, 'system'],
  record_reporter_notice: OFFICER_WORK,
};

/** Intake registers a report as a case; staff may register one by hand in their district. */
export const MAY_REGISTER: readonly CaseActorRole[] = [...OFFICER_WORK, 'system'];

/**
 * Role first, then whose case it is, before anything about its state is revealed: someone
 * outside the case learns nothing from the answer.
 */
export function checkActor(
  c: EnforcementCase,
  action: CaseAction,
  actor: CaseActor,
): CaseFailure | null {
  if (!WHO_MAY[action.type].includes(actor.role))
    return fail(CaseErrorCode.FORBIDDEN_ROLE, '当前账号无权进行此项案件操作');
  switch (actor.role) {
    case 'district_officer':
    case 'district_lead':
      return actor.districtCode !== null && actor.districtCode === c.districtCode
        ? null
        : fail(CaseErrorCode.OUT_OF_DISTRICT, '该案件不属于本区，无权操作');
    case 'entity_user':
      return actor.entityId != null && actor.entityId === c.entityId
        ? null
        : fail(CaseErrorCode.NOT_OWN_ENTITY, '只能为本单位的案件登记整改退费');
    case 'tenant':
      return action.type === 'confirm_refund' &&
        actor.tenantId != null &&
        actor.tenantId === action.tenantId &&
        c.refunds.some((refund) => refund.tenantId === actor.tenantId)
        ? null
        : fail(CaseErrorCode.NOT_OWN_REFUND, '只能确认本企业收到的退款');
    default:
      return null;
  }
}

/**
 * Who reads a real-name reporter's name and phone in full: the city, the district's lead, and
 * the officer the case is assigned to (who must tell the reporter). Other officers of the
 * district work the case with the contact masked. Nobody outside the district, and never the
 * reported entity.
 */
export function mayReadReporterContact(c: EnforcementCase, actor: CaseActor): boolean {
  switch (actor.role) {
    case 'city_admin':
      return true;
    case 'district_lead':
      return actor.districtCode !== null && actor.districtCode === c.districtCode;
    case 'district_officer':
      return (
        actor.districtCode !== null &&
        actor.districtCode === c.districtCode &&
        actor.userId !== null &&
        actor.userId === c.assigneeUserId
      );
    default:
      return false;
  }
}
