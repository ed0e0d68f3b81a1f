import { z } from 'zod';
import { YuanSchema, type CaseSummaryView } from './cases';

/**
 * The officers' work queue (GET /api/cases): filters, keyset pagination by the nearest
 * deadline, bulk assignment, and the printable documents of a case.
 */

export const CaseQueueErrorCode = {
  /** A cursor that is not one of ours, or was made for other filters. */
  BAD_CURSOR: 'CASE_QUEUE.BAD_CURSOR',
  /** The assignee is not an officer or lead of the case's district. */
  INVALID_ASSIGNEE: 'CASE_QUEUE.INVALID_ASSIGNEE',
  /** An unknown document kind. */
  DOCUMENT_NOT_FOUND: 'CASE_DOCUMENT.NOT_FOUND',
  /** The document needs a step the case has not reached (e.g. no decision yet). */
  DOCUMENT_NOT_READY: 'CASE_DOCUMENT.ACTION_NOT_ALLOWED',
} as const;

export const CASE_QUEUE_STATES = [
  'registered',
  'assigned',
  'verifying',
  'investigating',
  'decided',
  'refund_supervision',
  'closed',
  'not_opened',
] as const;

export const CaseQueueDueSchema = z.enum(['overdue', 'soon', 'all']);
export type CaseQueueDue = z.infer<typeof CaseQueueDueSchema>;

const Yuan = YuanSchema;
const Uscc = z.string().regex(/^[0-9A-HJ-NP-RTUW-Y]{18}$/, '统一社会信用代码格式不正确');

export const CASE_QUEUE_MAX_LIMIT = 100;

/** Exact fen of a checked 元 string ("12.3" → 1230n): amounts are never floats. */
export function yuanToFen(yuan: string): bigint {
  const [int, frac = ''] = yuan.split('.');
  return BigInt(int) * 100n + BigInt((frac + '00').slice(0, 2));
}

/** `status=a,b` or `status=a&status=b`. */
const StatusList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.enum(CASE_QUEUE_STATES, { error: '状态代码不正确' })).max(8));

/** GET /api/cases query. Amounts are 元 with at most two decimals. */
export const CaseQueueQuerySchema = z
  .object({
    status: StatusList.optional(),
    due: CaseQueueDueSchema.default('all'),
    /** The charging entity (统一社会信用代码); `entity` is the older name of the same filter. */
    entityId: Uscc.optional(),
    entity: Uscc.optional(),
    /** Claimed overcharge (Σ of the reports' frozen refunds owed), inclusive bounds. */
    amountMin: Yuan.optional(),
    amountMax: Yuan.optional(),
    /** City only; district staff always see their own district. */
    district: z
      .string()
      .regex(/^\d{6}$/, '区划代码应为 6 位数字')
      .optional(),
    limit: z.coerce
      .number({ error: '每页条数应为整数' })
      .int('每页条数应为整数')
      .min(1, '每页至少 1 条')
      .max(CASE_QUEUE_MAX_LIMIT, `每页最多 ${CASE_QUEUE_MAX_LIMIT} 条`)
      .default(50),
    cursor: z.string().max(400).optional(),
  })
  .refine(
    (q) =>
      q.amountMin === undefined ||
      q.amountMax === undefined ||
      yuanToFen(q.amountMin) <= yuanToFen(q.amountMax),
    { message: '金额下限不能大于上限', path: ['amountMin'] },
  );
export type CaseQueueQuery = z.infer<typeof CaseQueueQuerySchema>;

/**
 * Which deadline orders the queue: 立案决定 before 立案, 处理决定 while investigating, and the
 * notice to a real-name reporter (告知) while one is still to be told, when it is the nearer.
 */
export type CaseQueueDueKind = 'filing_decision' | 'case_decision' | 'reporter_notice';

/** One row of the queue. */
export interface CaseQueueItem extends CaseSummaryView {
  entityName: string | null;
  assigneeName: string | null;
  /** Σ of the overcharges frozen in the case's reports, 元. */
  claimed: string;
  /** The deadline the queue is sorted by (YYYY-MM-DD); null when the state has none. */
  queueDue: string | null;
  queueDueKind: CaseQueueDueKind | null;
  /** Calendar days from today (Shanghai) to queueDue; negative once overdue. */
  queueDaysLeft: number | null;
  overdue: boolean;
  dueSoon: boolean;
}

export interface CaseQueuePage {
  items: CaseQueueItem[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /** The last day (Shanghai) still counted as due soon: 3 working days from today. */
  dueSoonUntil: string;
}

/** POST /api/cases/assign: every case or none. */
export const CaseBulkAssignBodySchema = z.object({
  caseIds: z
    .array(z.string().uuid('案件编号格式不正确'))
    .min(1, '请至少选择一个案件')
    .max(CASE_QUEUE_MAX_LIMIT, `一次最多分派 ${CASE_QUEUE_MAX_LIMIT} 个案件`)
    .refine((ids) => new Set(ids).size === ids.length, '案件不能重复'),
  assigneeId: z.number().int().positive('请指定承办人'),
});
export type CaseBulkAssignBody = z.infer<typeof CaseBulkAssignBodySchema>;

export interface CaseBulkAssignAnswer {
  assigneeId: number;
  cases: { id: string; state: string; version: number }[];
}

/** GET /api/cases/assignees: officers and leads who may be given a case. */
export interface CaseAssigneeView {
  userId: number;
  displayName: string;
  role: 'district_officer' | 'district_lead';
  districtCode: string;
}

/** A reason an officer picks from (refusal, transfer, unconfirmable refund). */
export interface CaseReasonOption {
  code: string;
  label: string;
  basis?: string;
  needsCorrection?: boolean;
}

/** GET /api/cases/:id/workbench: what the signed-in user may do with the case now. */
export interface CaseWorkbenchView {
  actions: { action: string; label: string }[];
  /** What users read for each step of the timeline, by its action code. */
  stepLabels: Record<string, string>;
  refusalReasons: CaseReasonOption[];
  transferReasons: CaseReasonOption[];
  unconfirmableReasons: CaseReasonOption[];
  /** How a real-name reporter may be told the decision on 立案 (告知). */
  noticeMethods: CaseReasonOption[];
  entity: { id: string; name: string | null; premisesAddress: string | null };
  /** Display name of the officer the case is assigned to. */
  assigneeName: string | null;
  claimed: string;
  documents: { kind: CaseDocumentKind; title: string; ready: boolean }[];
  /** The order to refund (责令退还) of the investigation, for its two forms. */
  refundOrder: CaseRefundOrderFacts;
}

/** What the forms that start and end an order to refund show. Days are Shanghai days. */
export interface CaseRefundOrderFacts {
  /** The decision due day as it stands (YYYY-MM-DD); null before 立案. */
  decisionDue: string | null;
  /** The day the running order started; null when none runs. */
  runningSince: string | null;
  /**
   * Were the running order ended today: its days, both ends included (not counted towards the
   * decision deadline), and the decision due day it leaves. Null when none runs, or when the
   * holiday calendar does not cover the days needed.
   */
  ifEndedToday: { days: number; decisionDue: string } | null;
}

export const CASE_DOCUMENT_KINDS = ['filing-approval', 'refund-order'] as const;
export type CaseDocumentKind = (typeof CASE_DOCUMENT_KINDS)[number];
export const CASE_DOCUMENT_TITLES: Record<CaseDocumentKind, string> = {
  'filing-approval': '立案审批表',
  'refund-order': '责令退还多收价款通知书',
};

/**
 * What users read for states, for the console's filters. The backend's workflow labels are the
 * source; a backend test holds these equal to them. Step labels come with the workbench.
 */
export const CASE_QUEUE_STATE_LABELS: Record<(typeof CASE_QUEUE_STATES)[number], string> = {
  registered: '已登记',
  assigned: '已分派',
  verifying: '核查中',
  investigating: '已立案调查',
  decided: '已作出处理决定',
  refund_supervision: '退款监督中',
  closed: '已办结',
  not_opened: '不予立案',
};
