import { z } from 'zod';
import { SupplyMonthSchema } from './cases';
import { FindingViewSchema, RefundViewSchema, VerdictSchema } from './reconciliation';

/**
 * Tenant declarations (申报): what a tenant says it really paid for a month, judged against the
 * grid's bill by the same engine as the entity's figures and compared with them. A declaration
 * is the tenant's record, stored apart from what the entity reported.
 */
export const DeclarationErrorCode = {
  /** Bad input: every problem is a detail with its field path. */
  INVALID: 'DECLARATION.VALIDATION_FAILED',
  NO_TENANT: 'DECLARATION.FORBIDDEN_NO_TENANT',
  /** The entity reported the firm at these premises: the tenant binds them before declaring. */
  NOT_BOUND: 'DECLARATION.FORBIDDEN_NOT_BOUND',
  NOT_FOUND: 'DECLARATION.NOT_FOUND',
  IDEMPOTENCY_KEY_REUSED: 'DECLARATION.IDEMPOTENCY_KEY_REUSED',
  /** Detail codes inside INVALID. */
  AMOUNT_INCONSISTENT: 'DECLARATION.INVALID_AMOUNT',
  FUTURE_PERIOD: 'DECLARATION.INVALID_PERIOD',
  PHOTO_UNKNOWN: 'DECLARATION.INVALID_PHOTO',
  /** Photos are judged by their first bytes: JPEG, PNG or WebP, at most 10 MB. */
  PHOTO_NOT_IMAGE: 'DECLARATION_PHOTO.UNSUPPORTED_TYPE',
  PHOTO_TOO_LARGE: 'DECLARATION_PHOTO.TOO_LARGE',
  PHOTO_EMPTY: 'DECLARATION_PHOTO.EMPTY_FILE',
  NOTICE_NOT_FOUND: 'DECLARATION_NOTICE.NOT_FOUND',
  ANSWER_WINDOW_CLOSED: 'DECLARATION_NOTICE.WINDOW_CLOSED',
} as const;

export const DECLARATION_TOUS = ['sharp', 'peak', 'flat', 'valley', 'deep_valley', 'none'] as const;
/** The contract's tenant items other than energy (loss, shared area, fees …). */
export const DECLARATION_ITEMS = [
  'loss',
  'shared_area',
  'service_fee',
  'basic_fee',
  'equipment_fee',
  'other',
] as const;

const decimal = (places: number, what: string) =>
  z
    .string()
    .trim()
    .regex(
      new RegExp(`^\\d{1,12}(\\.\\d{1,${places}})?$`),
      `${what}应为不小于 0、最多 ${places} 位小数的数字`,
    );

export const DeclaredEnergyLineSchema = z.object({
  /** none: a meter without time of use. */
  tou: z.enum(DECLARATION_TOUS),
  kwh: decimal(3, '电量'),
  unitPrice: decimal(5, '单价'),
  amount: decimal(2, '金额'),
});
export type DeclaredEnergyLine = z.infer<typeof DeclaredEnergyLineSchema>;

export const DeclaredItemSchema = z.object({
  item: z.enum(DECLARATION_ITEMS),
  amount: decimal(2, '金额'),
});
export type DeclaredItem = z.infer<typeof DeclaredItemSchema>;

/** `<sha256>.<jpeg|png|webp>`, as POST /api/me/declaration-photos answered. */
export const DeclarationPhotoIdSchema = z
  .string()
  .regex(/^[0-9a-f]{64}\.(jpeg|png|webp)$/, '照片编号格式不正确');

/** POST /api/me/declarations */
export const DeclarationBodySchema = z.object({
  /** Chosen by the client per declaration; a retry sends the same key. */
  idempotencyKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, '幂等键应为 8–64 位字母、数字、下划线或连字符'),
  accountNo: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{1,32}$/, '户号格式不正确'),
  period: SupplyMonthSchema,
  energy: z
    .array(DeclaredEnergyLineSchema)
    .min(1, '请至少填写一行电量电费')
    .max(6, '电量电费最多 6 行'),
  items: z.array(DeclaredItemSchema).max(12, '其他费用最多 12 项').default([]),
  photos: z.array(DeclarationPhotoIdSchema).max(6, '照片最多 6 张').default([]),
  note: z.string().trim().max(500, '备注不能超过 500 字').default(''),
});
export type DeclarationBody = z.infer<typeof DeclarationBodySchema>;
export type DeclarationBodyInput = z.input<typeof DeclarationBodySchema>;

export interface DeclarationPhotoView {
  photoId: string;
  kind: 'jpeg' | 'png' | 'webp';
  bytes: number;
}

/** One differing field of REPORT_MISMATCH: what the tenant declared and what the entity reported. */
export const MismatchFieldSchema = z.object({
  /** `energy.none.kwh`, `energy.peak.unitPrice`, `energy.none.amount`, `item.basic_fee`, `total`. */
  field: z.string(),
  label: z.string(),
  declared: z.string().nullable(),
  reported: z.string().nullable(),
});
export type MismatchField = z.infer<typeof MismatchFieldSchema>;

/**
 * The extension finding: the entity reported the same tenant-month with other figures. Amount:
 * declared total − reported total, signed. Not one of the contract's v1 types.
 */
export const ReportMismatchFindingSchema = z.object({
  type: z.literal('REPORT_MISMATCH'),
  entityId: z.string(),
  accountNo: z.string(),
  period: z.string(),
  tenantId: z.string(),
  amount: z.string(),
  basis: z.object({ fields: z.array(MismatchFieldSchema) }),
});
export type ReportMismatchFinding = z.infer<typeof ReportMismatchFindingSchema>;

export const JudgedLineSchema = z.object({
  item: z.string(),
  tou: z.string().nullable(),
  kwh: z.string().nullable(),
  unitPrice: z.string().nullable(),
  amount: z.string(),
  allowedPrice: z.string().nullable(),
  allowedAmount: z.string().nullable(),
  difference: z.string().nullable(),
  fed: z.string().nullable(),
});
export type JudgedLine = z.infer<typeof JudgedLineSchema>;

/** One source's verdict on the tenant's month: the tenant's declaration, or the entity's report. */
export const SourceVerdictSchema = z.object({
  source: z.enum(['declared', 'entity']),
  verdict: VerdictSchema,
  lines: z.array(JudgedLineSchema),
  total: z.string(),
  findings: z.array(FindingViewSchema),
  refund: RefundViewSchema.nullable(),
});
export type SourceVerdict = z.infer<typeof SourceVerdictSchema>;

export const DeclarationStatusSchema = z.enum(['waiting', 'judged']);
export type DeclarationStatus = z.infer<typeof DeclarationStatusSchema>;

export interface EntityAnswerView {
  statement: string;
  at: string;
}

/** GET /api/me/declarations/:id — and the items of GET /api/me/declarations. */
export interface DeclarationView {
  id: string;
  accountNo: string;
  period: string;
  status: DeclarationStatus;
  /** Why a waiting declaration waits, in words for the tenant. */
  statusMessage: string;
  entity: { id: string; name: string | null } | null;
  energy: DeclaredEnergyLine[];
  items: DeclaredItem[];
  photos: DeclarationPhotoView[];
  note: string;
  createdAt: string;
  judgedAt: string | null;
  /** The grid bill this was judged against: its G, K and average price. */
  grid: { G: string; K: string; avg: string } | null;
  /** The declaration judged as if the entity had reported it. */
  declared: SourceVerdict | null;
  /** The entity's own report of the same month, judged by the stored run; null if it reported nothing. */
  reported: SourceVerdict | null;
  mismatch: ReportMismatchFinding | null;
  entityAnswers: EntityAnswerView[];
}

/**
 * GET /api/entity/declaration-notices: that a declaration about one of the entity's tenants
 * differs from what it reported. Never who declared; the differing fields only where the entity
 * has enough tenants for them not to point at one.
 */
export interface EntityDeclarationNotice {
  accountNo: string;
  period: string;
  firstNoticedAt: string;
  correctionWindowEndsAt: string;
  /** Names of the differing fields (e.g. 电量, 金额); null below 5 tenants. */
  differingFields: string[] | null;
  answers: EntityAnswerView[];
}

/** POST /api/entity/declaration-notices/:accountNo/:period/answers */
export const DeclarationAnswerBodySchema = z.object({
  statement: z.string().trim().min(1, '请填写说明').max(2000, '说明不能超过 2000 字'),
});
export type DeclarationAnswerBody = z.infer<typeof DeclarationAnswerBodySchema>;
