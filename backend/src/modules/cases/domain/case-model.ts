import { CASE_QUEUE_STATE_LABELS, CASE_QUEUE_STATES, type Role } from '@zgd/shared-types';
import type { Fen } from '../../reconciliation/domain/exact';
import type {
  NoticeMethodCode,
  RefusalReasonCode,
  TransferReasonCode,
  UnconfirmableReasonCode,
} from './case-reasons';

/**
 * An enforcement case (执法案件) built from one or more tenants' reports about one charging
 * entity, as the procedure of domain §5 moves it along. Plain immutable data: the workflow
 * returns a new case for every step, and the service stores it.
 */

/** The states, as the wire contract (shared-types) spells them for the console's filters. */
export const CASE_STATES = CASE_QUEUE_STATES;
export type CaseState = (typeof CASE_STATES)[number];

/** What officers and tenants read (one table, in shared-types, for the backend and the console). */
export const CASE_STATE_LABELS: Readonly<Record<CaseState, string>> = CASE_QUEUE_STATE_LABELS;

/** No action applies to these any more. */
export const FINAL_STATES: ReadonlySet<CaseState> = new Set<CaseState>(['closed', 'not_opened']);

/** After the decision on 立案 / 不予立案: when a real-name reporter is told of it. */
export const POST_FILING_STATES: readonly CaseState[] = [
  'investigating',
  'decided',
  'refund_supervision',
  'closed',
  'not_opened',
];

/** Before the decision on 立案: the charging entity may still correct and refund. */
export const PRE_FILING_STATES: readonly CaseState[] = ['registered', 'assigned', 'verifying'];

/** A refund the entity made of its own accord before the decision on 立案 (domain §5). */
export interface Correction {
  at: Date;
  refundedFen: Fen;
  recordedByUserId: number | null;
  recordedByRole: CaseActorRole;
}

export interface Refusal {
  at: Date;
  reason: RefusalReasonCode;
  approvedByUserId: number | null;
}

export interface Transfer {
  at: Date;
  fromDistrict: string;
  toDistrict: string;
  reason: TransferReasonCode;
}

/** A real-name reporter told whether a case was opened (告知): who told it, when and how. */
export interface ReporterNotice {
  reportId: string;
  at: Date;
  method: NoticeMethodCode;
  byUserId: number | null;
  byRole: CaseActorRole;
}

/**
 * An order to refund overcharges (责令退还) during the investigation: the days it runs, both
 * ends included, do not count towards the decision deadline. `to` is null while it runs.
 */
export interface RefundOrderPeriod {
  from: Date;
  to: Date | null;
  orderedByUserId: number | null;
}

/** The decision (处理决定): what the entity must refund and what it is penalised with. */
export interface Decision {
  at: Date;
  approvedByUserId: number | null;
  /** 违法所得: what the entity collected above what it may charge. */
  illegalGainFen: Fen;
  /** Σ of the per-tenant refund orders. */
  refundOrderFen: Fen;
  warning: boolean;
  fineFen: Fen;
  /** 没收: the part of the illegal gain that cannot be refunded. */
  confiscationFen: Fen;
  /** 情节较重: only matters for the fine band when there is no illegal gain. */
  serious: boolean;
}

/**
 * One tenant's ordered refund during supervision. `recorded` once the refunds recorded add up
 * to the order; then the tenant confirms it, or an officer marks it unconfirmable with a reason.
 */
export type RefundStatus = 'outstanding' | 'recorded' | 'confirmed' | 'unconfirmable';

export interface RefundOrder {
  /** 统一社会信用代码 of the tenant's firm. */
  tenantId: string;
  orderedFen: Fen;
  recordedFen: Fen;
  status: RefundStatus;
  settledAt: Date | null;
  unconfirmableReason: UnconfirmableReasonCode | null;
}

export interface EnforcementCase {
  readonly id: string;
  readonly state: CaseState;
  /** GB/T 2260 district of the metered premises: the competent bureau (domain §5). */
  readonly districtCode: string;
  /** 统一社会信用代码 of the charging entity. */
  readonly entityId: string;
  /** Supply months the conduct covers, `YYYY-MM`, sorted, unique. */
  readonly periods: readonly string[];
  /** The reports this case handles; later ones joined by merging. */
  readonly reportIds: readonly string[];
  /** Of those, the real-name ones: each reporter must be told the filing decision (告知). */
  readonly realNameReportIds: readonly string[];
  /** The notices given so far, at most one per real-name report. */
  readonly reporterNotices: readonly ReporterNotice[];
  readonly assigneeUserId: number | null;
  readonly registeredAt: Date;
  /** When the decision on 立案 is due (15 working days, computed by the caller's calendar). */
  readonly filingDueAt: Date;
  readonly filingDeadlineExtended: boolean;
  /** The entity's correction window ends here, or earlier at the decision on 立案. */
  readonly correctionWindowEndsAt: Date;
  readonly corrections: readonly Correction[];
  readonly openedAt: Date | null;
  readonly decisionDueAt: Date | null;
  readonly decisionDeadlineExtended: boolean;
  /** Orders to refund during the investigation, in order; at most the last one is running. */
  readonly refundOrderPeriods: readonly RefundOrderPeriod[];
  readonly refusal: Refusal | null;
  readonly decision: Decision | null;
  readonly refunds: readonly RefundOrder[];
  readonly transfers: readonly Transfer[];
  readonly closedAt: Date | null;
  /** Counts transitions: the service stores a step only over the version it read. */
  readonly version: number;
}

/** `system` acts for intake automation: it registers cases and merges repeat reports. */
export type CaseActorRole = Role | 'system';

export interface CaseActor {
  role: CaseActorRole;
  /** Null only for the system. */
  userId: number | null;
  /** District staff's district; null for everyone else. */
  districtCode: string | null;
  /** A tenant's firm (统一社会信用代码). */
  tenantId?: string | null;
  /** An entity user's charging entity (统一社会信用代码). */
  entityId?: string | null;
}

export const SYSTEM_ACTOR: CaseActor = { role: 'system', userId: null, districtCode: null };

/**
 * Values an event carries: identifiers, codes, amounts as decimal 元 strings, times as ISO
 * strings. Never names, phone numbers or free text: events go to the audit log as they are.
 */
export type CaseEventValue = string | number | boolean | null | readonly string[];
export type CaseEventDetails = Readonly<Record<string, CaseEventValue>>;

/** One step, for the audit log and the case's timeline. */
export interface CaseEvent {
  caseId: string;
  action: CaseActionType | 'register';
  at: Date;
  actor: { userId: number | null; role: CaseActorRole };
  from: CaseState | null;
  to: CaseState;
  details: CaseEventDetails;
}

export type CaseActionType = CaseAction['type'];

export type CaseAction =
  | { type: 'assign'; assigneeUserId: number }
  | { type: 'start_verification' }
  | { type: 'record_correction'; refundedFen: Fen }
  | { type: 'extend_filing_deadline'; newDueAt: Date }
  | { type: 'open_case' }
  | { type: 'refuse'; reason: RefusalReasonCode }
  /** `filingDueAt`: the receiving bureau's own 15 working days, from its receipt. */
  | { type: 'transfer'; toDistrict: string; reason: TransferReasonCode; filingDueAt: Date }
  | { type: 'extend_decision_deadline' }
  /** An order to refund starts: its days stop the decision clock. */
  | { type: 'suspend_for_refund_order' }
  /**
   * The order's period ends. `decisionDueAt`: the decision deadline with the period deducted,
   * counted by the caller on the calendar (never earlier than before).
   */
  | { type: 'resume_after_refund_order'; decisionDueAt: Date }
  | {
      type: 'record_decision';
      illegalGainFen: Fen;
      refundOrders: readonly { tenantId: string; amountFen: Fen }[];
      warning: boolean;
      fineFen: Fen;
      confiscationFen: Fen;
      serious?: boolean;
    }
  | { type: 'start_refund_supervision' }
  | { type: 'record_refund'; tenantId: string; amountFen: Fen }
  | { type: 'confirm_refund'; tenantId: string }
  | { type: 'mark_refund_unconfirmable'; tenantId: string; reason: UnconfirmableReasonCode }
  | { type: 'close' }
  | { type: 'record_reporter_notice'; reportId: string; method: NoticeMethodCode }
  | {
      type: 'merge';
      reportId: string;
      entityId: string;
      periods: readonly string[];
      /** A real-name report: its reporter is told the filing decision too. */
      realName?: boolean;
    };

export type CaseActionOf<T extends CaseActionType> = Extract<CaseAction, { type: T }>;
