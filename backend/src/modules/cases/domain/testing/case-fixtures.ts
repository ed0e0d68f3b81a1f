import type {
  CaseAction,
  CaseActionType,
  CaseActor,
  CaseActorRole,
  CaseState,
  EnforcementCase,
  RefundOrder,
} from '../case-model';

/** Cases, actors and valid actions for the workflow's table-driven tests. */

export const DISTRICT = '310115';
export const OTHER_DISTRICT = '310104';
export const ENTITY = '91310115MA1K4XXXX1';
export const OTHER_ENTITY = '91310104MA1K4YYYY2';
export const T1 = '91310115MA1H000001';
export const T2 = '91310115MA1H000002';

export const NOW = new Date('2025-07-01T02:00:00Z');
export const hoursLater = (hours: number, from = NOW) =>
  new Date(from.getTime() + hours * 3600_000);
export const daysLater = (days: number, from = NOW) => hoursLater(days * 24, from);

export const ACTORS: Readonly<Record<CaseActorRole, CaseActor>> = {
  city_admin: { role: 'city_admin', userId: 1, districtCode: null },
  district_lead: { role: 'district_lead', userId: 2, districtCode: DISTRICT },
  district_officer: { role: 'district_officer', userId: 3, districtCode: DISTRICT },
  entity_user: { role: 'entity_user', userId: 4, districtCode: null, entityId: ENTITY },
  tenant: { role: 'tenant', userId: 5, districtCode: null, tenantId: T1 },
  system: { role: 'system', userId: null, districtCode: null },
};

const order = (tenantId: string, fen: bigint, status: RefundOrder['status']): RefundOrder => ({
  tenantId,
  orderedFen: fen,
  recordedFen: status === 'outstanding' ? 0n : fen,
  status,
  settledAt: status === 'confirmed' || status === 'unconfirmable' ? NOW : null,
  unconfirmableReason: status === 'unconfirmable' ? 'TENANT_UNREACHABLE' : null,
});

const registered: EnforcementCase = {
  id: 'C-0001',
  state: 'registered',
  districtCode: DISTRICT,
  entityId: ENTITY,
  periods: ['2025-03', '2025-04', '2025-05'],
  reportIds: ['R-0001'],
  realNameReportIds: ['R-0001'],
  reporterNotices: [],
  assigneeUserId: null,
  registeredAt: daysLater(-2),
  filingDueAt: daysLater(19),
  filingDeadlineExtended: false,
  correctionWindowEndsAt: daysLater(19),
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

const decision = {
  at: daysLater(-1),
  approvedByUserId: 2,
  illegalGainFen: 100_000n,
  refundOrderFen: 100_000n,
  warning: true,
  fineFen: 50_000n,
  confiscationFen: 0n,
  serious: false,
};

/** A plausible case in each state. */
export function caseIn(state: CaseState, changes: Partial<EnforcementCase> = {}): EnforcementCase {
  const assigned = { ...registered, assigneeUserId: 3 };
  const opened = { ...assigned, openedAt: daysLater(-30), decisionDueAt: daysLater(60) };
  const byState: Record<CaseState, EnforcementCase> = {
    registered,
    assigned: { ...assigned, state: 'assigned' },
    verifying: { ...assigned, state: 'verifying' },
    investigating: { ...opened, state: 'investigating' },
    decided: {
      ...opened,
      state: 'decided',
      decision,
      refunds: [order(T1, 60_000n, 'outstanding'), order(T2, 40_000n, 'outstanding')],
    },
    refund_supervision: {
      ...opened,
      state: 'refund_supervision',
      decision,
      refunds: [order(T1, 60_000n, 'recorded'), order(T2, 40_000n, 'outstanding')],
    },
    closed: {
      ...opened,
      state: 'closed',
      decision,
      refunds: [order(T1, 60_000n, 'confirmed'), order(T2, 40_000n, 'unconfirmable')],
      closedAt: daysLater(-1),
    },
    not_opened: {
      ...assigned,
      state: 'not_opened',
      refusal: { at: daysLater(-1), reason: 'NO_VIOLATION', approvedByUserId: 2 },
    },
  };
  return { ...byState[state], ...changes };
}

/** Every order confirmed: what a case needs before it can be closed. */
export const settleAll = (c: EnforcementCase): EnforcementCase => ({
  ...c,
  refunds: c.refunds.map((r) => ({ ...r, recordedFen: r.orderedFen, status: 'confirmed' })),
});

/** An action of each type that is valid for the fixtures above. */
export const VALID_ACTIONS: { [T in CaseActionType]: Extract<CaseAction, { type: T }> } = {
  assign: { type: 'assign', assigneeUserId: 7 },
  start_verification: { type: 'start_verification' },
  record_correction: { type: 'record_correction', refundedFen: 12_345n },
  extend_filing_deadline: { type: 'extend_filing_deadline', newDueAt: daysLater(40) },
  open_case: { type: 'open_case' },
  refuse: { type: 'refuse', reason: 'NO_VIOLATION' },
  transfer: {
    type: 'transfer',
    toDistrict: OTHER_DISTRICT,
    reason: 'PREMISES_IN_OTHER_DISTRICT',
    filingDueAt: daysLater(21),
  },
  extend_decision_deadline: { type: 'extend_decision_deadline' },
  suspend_for_refund_order: { type: 'suspend_for_refund_order' },
  resume_after_refund_order: { type: 'resume_after_refund_order', decisionDueAt: daysLater(70) },
  record_decision: {
    type: 'record_decision',
    illegalGainFen: 100_000n,
    refundOrders: [
      { tenantId: T1, amountFen: 60_000n },
      { tenantId: T2, amountFen: 40_000n },
    ],
    warning: true,
    fineFen: 50_000n,
    confiscationFen: 0n,
  },
  start_refund_supervision: { type: 'start_refund_supervision' },
  record_refund: { type: 'record_refund', tenantId: T2, amountFen: 40_000n },
  confirm_refund: { type: 'confirm_refund', tenantId: T1 },
  mark_refund_unconfirmable: {
    type: 'mark_refund_unconfirmable',
    tenantId: T1,
    reason: 'TENANT_UNREACHABLE',
  },
  close: { type: 'close' },
  merge: { type: 'merge', reportId: 'R-0002', entityId: ENTITY, periods: ['2025-05', '2025-06'] },
  record_reporter_notice: { type: 'record_reporter_notice', reportId: 'R-0001', method: 'PHONE' },
};

export const ACTION_TYPES = Object.keys(VALID_ACTIONS) as CaseActionType[];

/** Who takes each action in the state-matrix test: someone the action is open to. */
export const ACTOR_FOR = (type: CaseActionType): CaseActor =>
  type === 'confirm_refund' ? ACTORS.tenant : ACTORS.city_admin;

/**
 * Makes an allowed state's case meet the action's own precondition: close needs every refund
 * settled (or none ordered), the end of an order to refund needs one running.
 */
export function prepareFor(type: CaseActionType, c: EnforcementCase): EnforcementCase {
  if (type === 'resume_after_refund_order')
    return { ...c, refundOrderPeriods: [{ from: daysLater(-5), to: null, orderedByUserId: 2 }] };
  if (type !== 'close') return c;
  return c.state === 'decided' ? { ...c, refunds: [] } : settleAll(c);
}
