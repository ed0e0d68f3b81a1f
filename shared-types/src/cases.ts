import { z } from 'zod';
import type { CaseDeadlinesView, DeadlineView } from './calendar';

/**
 * One-click reports (一键举报) and the enforcement cases they become: request bodies with their
 * checks, and the codes of intake's expected failures. Responses are typed here too; reason
 * codes (refusal, transfer, unconfirmable) are checked by the backend's case workflow.
 */
export const ReportErrorCode = {
  /** The same idempotency key was sent before with different content. */
  IDEMPOTENCY_KEY_REUSED: 'REPORT.IDEMPOTENCY_KEY_REUSED',
  /** The tenant has no lines in a reported supply month. */
  NO_CHARGES: 'REPORT.INVALID_PERIOD',
  NOT_FOUND: 'REPORT.NOT_FOUND',
  OUT_OF_SCOPE: 'REPORT.OUT_OF_SCOPE',
  NO_TENANT: 'REPORT.FORBIDDEN_NO_TENANT',
  /** Attachments: judged by their first bytes (JPEG, PNG, WebP ≤ 10 MB; PDF ≤ 20 MB). */
  UNSUPPORTED_FILE: 'REPORT_ATTACHMENT.UNSUPPORTED_TYPE',
  FILE_TOO_LARGE: 'REPORT_ATTACHMENT.TOO_LARGE',
  EMPTY_FILE: 'REPORT_ATTACHMENT.EMPTY_FILE',
} as const;

export const CaseHttpErrorCode = {
  NOT_FOUND: 'CASE.NOT_FOUND',
  OUT_OF_SCOPE: 'CASE.OUT_OF_SCOPE',
  /** Someone else changed the case between reading and saving: read it again. */
  CONFLICT: 'CASE.CONFLICT',
} as const;

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
export const SupplyMonthSchema = z.string().regex(PERIOD, '月份格式应为 YYYY-MM');

/** A person's name as people write it: Chinese or Latin letters, a middle dot, spaces. */
export const ReporterNameSchema = z
  .string()
  .trim()
  .min(1, '请填写举报人姓名')
  .max(30, '举报人姓名不能超过 30 个字')
  .regex(/^[\p{Script=Han}A-Za-z·•.\s-]+$/u, '举报人姓名只能包含汉字、字母、间隔号和空格');

/** A mainland mobile (13812345678) or a landline with its area code (021-62345678). */
export const ReporterPhoneSchema = z
  .string()
  .trim()
  .regex(
    /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/,
    '联系电话应为 11 位手机号，或带区号的固定电话（如 021-62345678）',
  );

/** POST /api/reports */
export const ReportBodySchema = z
  .object({
    /** Chosen by the client per report; a retry sends the same key. */
    idempotencyKey: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,64}$/, '幂等键应为 8–64 位字母、数字、下划线或连字符'),
    accountNo: z.string().regex(/^[0-9A-Za-z-]{1,32}$/, '户号格式不正确'),
    periods: z
      .array(SupplyMonthSchema)
      .min(1, '请至少选择一个月份')
      .max(24, '一次最多举报 24 个月份')
      .refine((p) => new Set(p).size === p.length, '月份不能重复'),
    description: z.string().trim().max(2000, '情况说明不能超过 2000 字').default(''),
    /** The reporter gives its name: it is told whether a case was opened (domain §5). */
    realName: z.boolean(),
    /** A real-name reporter's name and phone, for the bureau to reach it; encrypted at rest. */
    reporterName: ReporterNameSchema.optional(),
    reporterPhone: ReporterPhoneSchema.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.realName) return;
    for (const field of ['reporterName', 'reporterPhone'] as const)
      if (body[field] !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: '匿名举报不填写姓名和联系电话；如需留下联系方式，请选择实名举报',
        });
  });
export type ReportBody = z.infer<typeof ReportBodySchema>;

export interface ReportAnswer {
  reportId: string;
  caseNumber: string;
  merged: boolean;
  /**
   * YYYY-MM-DD: when the decision on 立案 is due; null while the holiday calendar does not cover
   * the days it needs (the report is taken all the same).
   */
  filingDue: string | null;
}

/** A decimal amount of 元 with at most two decimals: "1234.5", "0.01". */
export const YuanSchema = z.string().regex(/^\d{1,13}(\.\d{1,2})?$/, '金额应为最多两位小数的元');

const Uscc = z.string().regex(/^[0-9A-HJ-NP-RTUW-Y]{18}$/, '统一社会信用代码格式不正确');

/** POST /api/cases/:id/actions: one step of the workflow. */
export const CaseActionBodySchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('assign'), assigneeUserId: z.number().int().positive() }),
  z.object({ action: z.literal('start_verification') }),
  z.object({ action: z.literal('record_correction'), refunded: YuanSchema }),
  z.object({ action: z.literal('extend_filing_deadline') }),
  z.object({ action: z.literal('open_case') }),
  z.object({ action: z.literal('refuse'), reason: z.string().min(1).max(64) }),
  z.object({
    action: z.literal('transfer'),
    toDistrict: z.string().regex(/^\d{6}$/, '区划代码应为 6 位数字'),
    reason: z.string().min(1).max(64),
  }),
  z.object({ action: z.literal('extend_decision_deadline') }),
  /** 责令退还 during the investigation: its days do not count towards the decision deadline. */
  z.object({ action: z.literal('suspend_for_refund_order') }),
  z.object({ action: z.literal('resume_after_refund_order') }),
  z.object({
    action: z.literal('record_decision'),
    illegalGain: YuanSchema,
    refundOrders: z
      .array(z.object({ tenantId: Uscc, amount: YuanSchema }))
      .max(10_000)
      .refine(
        (orders) => new Set(orders.map((o) => o.tenantId)).size === orders.length,
        '同一企业只能有一条退款责令',
      ),
    warning: z.boolean(),
    fine: YuanSchema,
    confiscation: YuanSchema,
    serious: z.boolean().optional(),
  }),
  z.object({ action: z.literal('start_refund_supervision') }),
  z.object({ action: z.literal('record_refund'), tenantId: Uscc, amount: YuanSchema }),
  z.object({ action: z.literal('confirm_refund'), tenantId: Uscc }),
  z.object({
    action: z.literal('mark_refund_unconfirmable'),
    tenantId: Uscc,
    reason: z.string().min(1).max(64),
  }),
  z.object({ action: z.literal('close') }),
  /** A real-name reporter was told the decision on 立案 (告知), and how. */
  z.object({
    action: z.literal('record_reporter_notice'),
    reportId: z.string().uuid('举报编号格式不正确'),
    method: z.string().min(1).max(32),
  }),
]);
export type CaseActionBody = z.infer<typeof CaseActionBodySchema>;

/** GET /api/cases query. */
export const CaseListQuerySchema = z.object({
  status: z
    .string()
    .regex(/^[a-z_]{1,32}$/, '状态代码不正确')
    .optional(),
  entity: Uscc.optional(),
});
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;

/** One step of a case's timeline. */
export interface CaseEventView {
  seq: number;
  action: string;
  fromState: string | null;
  toState: string;
  actorRole: string;
  at: string;
  details: Record<string, unknown>;
}

/** A file attached to a report, as stored (its name is not kept: it may carry a person's name). */
export interface ReportAttachmentView {
  sha256: string;
  kind: 'jpeg' | 'png' | 'webp' | 'pdf';
  bytes: number;
  at: string;
}

/** A case in a staff queue (GET /api/cases), with its deadlines counted on the holiday calendar. */
export interface CaseSummaryView {
  id: string;
  number: string;
  districtCode: string;
  entityId: string;
  state: string;
  stateLabel: string;
  periods: string[];
  source: string;
  assigneeUserId: number | null;
  receivedAt: string;
  reportCount: number;
  deadlines: CaseDeadlinesView | null;
  urgent: DeadlineView | null;
  /** Set when the holiday calendar lacks a year this case's deadlines need. */
  calendarGap: string | null;
}

/** GET /api/cases/due */
export interface CasesDueView {
  overdue: CaseSummaryView[];
  dueSoon: CaseSummaryView[];
}

/** The decision (处理决定), amounts in 元. */
export interface CaseDecisionView {
  at: string;
  illegalGain: string;
  refundOrdered: string;
  warning: boolean;
  fine: string;
  confiscation: string;
  serious: boolean;
}

export interface CaseRefundView {
  tenantId: string;
  ordered: string;
  recorded: string;
  status: 'outstanding' | 'recorded' | 'confirmed' | 'unconfirmable';
  settledAt: string | null;
  unconfirmableReason: string | null;
}

/** A report as its district's staff see it (each such read is audited). */
export interface CaseReportStaffView {
  id: string;
  tenantId: string;
  realName: boolean;
  /**
   * Given on a real-name report (null otherwise). In full only for the city, the district's
   * lead and the assigned officer; masked for other staff (张*明, 138****5678).
   */
  reporterName: string | null;
  reporterPhone: string | null;
  /** True when the name and phone above are masked for this reader. */
  contactMasked: boolean;
  accountNo: string;
  periods: string[];
  description: string;
  createdAt: string;
  evidenceHash: string;
  attachments: ReportAttachmentView[];
}

/** GET /api/cases/:id */
export interface CaseDetailView extends CaseSummaryView {
  decision: CaseDecisionView | null;
  refunds: CaseRefundView[];
  corrections: { at: string; refunded: string; recordedByRole: string }[];
  refusal: { at: string; reason: string } | null;
  transfers: { at: string; fromDistrict: string; toDistrict: string; reason: string }[];
  /** Orders to refund during the investigation (责令退还), not counted in the decision period. */
  refundOrderPeriods: { from: string; to: string | null }[];
  /** Real-name reporters told the decision on 立案 (告知): which report, when, how, by whom. */
  reporterNotices: { reportId: string; at: string; method: string; byRole: string }[];
  reports: CaseReportStaffView[];
  timeline: CaseEventView[];
}

/** POST /api/cases/:id/actions */
export interface CaseActionAnswer {
  id: string;
  state: string;
  version: number;
}

/** GET /api/entity/cases: never a reporter, a tenant id or a count of reports. */
export interface EntityCaseView {
  id: string;
  number: string;
  state: string;
  stateLabel: string;
  periods: string[];
  receivedAt: string;
  correctionWindowEndsAt: string;
  corrections: { at: string; refunded: string }[];
  decision: CaseDecisionView | null;
  /** Null when the entity has too few tenants for a count to stay anonymous. */
  refundsOutstanding: number | null;
  filingDecision: DeadlineView | null;
  caseDecision: DeadlineView | null;
  calendarGap: string | null;
  /** Public steps only, without their details. */
  timeline: CaseEventView[];
}

/** GET /api/me/reports */
export interface TenantReportView {
  reportId: string;
  createdAt: string;
  accountNo: string;
  periods: string[];
  realName: boolean;
  /** The contact the tenant gave, masked as in every list. */
  reporterName: string | null;
  reporterPhone: string | null;
  caseId: string;
  caseNumber: string;
  state: string;
  stateLabel: string;
  filingDecision: DeadlineView | null;
  reporterNotice: DeadlineView | null;
  caseDecision: DeadlineView | null;
  calendarGap: string | null;
  refund: { ordered: string; recorded: string; status: CaseRefundView['status'] } | null;
  timeline: CaseEventView[];
}
