import { z } from 'zod';

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

/** POST /api/reports */
export const ReportBodySchema = z.object({
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
