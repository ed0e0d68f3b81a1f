import { z } from 'zod';

/**
 * Credit supervision (domain §6): warning levels per charging entity and supply month, credit
 * classes A–D with the factors behind them, 双随机一公开 spot-check draws and the 列严 list.
 * Levels' reasons and credit classes are for regulator staff only; a tenant sees the colour.
 */

export const WarningLevelSchema = z.enum(['green', 'yellow', 'red']);
export type WarningLevel = z.infer<typeof WarningLevelSchema>;

export const WARNING_LEVEL_LABELS: Readonly<Record<WarningLevel, string>> = {
  green: '绿色',
  yellow: '黄色',
  red: '红色',
};

export const WarningReasonCodeSchema = z.enum([
  'REFUND_ABOVE_THRESHOLD',
  'MANY_TENANTS',
  'FIXED_PRICE',
  'PROHIBITED_FEE',
  'SMALL_REFUND',
  'OTHER_FINDINGS',
]);
export type WarningReasonCode = z.infer<typeof WarningReasonCodeSchema>;

export interface WarningReasonView {
  code: WarningReasonCode;
  message: string;
}

/** One supply month of one charging entity, as staff see it. */
export interface WarningMonthView {
  period: string;
  level: WarningLevel;
  reasons: WarningReasonView[];
  /** Refund owed over all the entity's accounts that month, decimal 元. */
  refund: string;
  tenantsAffected: number;
  runId: number;
}

/** The last month against the one before: worse (more severe), better, same; null with one month. */
export type WarningTrend = 'worse' | 'better' | 'same' | null;

export interface EntityWarningsView {
  entityId: string;
  entityName: string | null;
  districtCode: string;
  /** Oldest first. */
  months: WarningMonthView[];
  latestLevel: WarningLevel;
  trend: WarningTrend;
}

/** What a tenant sees for the charging entities that bill it: the colour, nothing else. */
export interface TenantWarningColourView {
  entityId: string;
  entityName: string | null;
  months: { period: string; level: WarningLevel }[];
}

const Uscc = z.string().regex(/^[0-9A-HJ-NP-RTUW-Y]{18}$/, '统一社会信用代码格式不正确');
const District = z.string().regex(/^\d{6}$/, '区划代码应为 6 位数字');
const Period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

/** GET /api/supervision/warnings */
export const WarningListQuerySchema = z.object({
  district: District.optional(),
  entity: Uscc.optional(),
  level: WarningLevelSchema.optional(),
  from: Period.optional(),
  to: Period.optional(),
});
export type WarningListQuery = z.infer<typeof WarningListQuerySchema>;

export const CreditClassSchema = z.enum(['A', 'B', 'C', 'D']);
export type CreditClass = z.infer<typeof CreditClassSchema>;

export const CREDIT_CLASS_LABELS: Readonly<Record<CreditClass, string>> = {
  A: 'A 类（低风险）',
  B: 'B 类（一般风险）',
  C: 'C 类（较高风险）',
  D: 'D 类（高风险）',
};

export const CreditFactorCodeSchema = z.enum([
  'FINDINGS',
  'REPORTS',
  'SPOT_CHECKS',
  'CASES',
  'PENALTIES',
  'REFUNDS',
  'REPEAT',
  'TIME_SINCE_VIOLATION',
  'SERIOUS_LIST',
]);
export type CreditFactorCode = z.infer<typeof CreditFactorCodeSchema>;

/** One factor of a class: its points (positive raises the risk) and why. */
export interface CreditFactorView {
  code: CreditFactorCode;
  label: string;
  points: number;
  explanation: string;
}

export interface CreditAssessmentView {
  id: number;
  entityId: string;
  entityName: string | null;
  districtCode: string;
  creditClass: CreditClass;
  score: number;
  factors: CreditFactorView[];
  /** What recomputed it: `run:12`, `case:<id>`, `list:<id>`. */
  trigger: string;
  computedAt: string;
}

/** GET /api/supervision/credit */
export const CreditListQuerySchema = z.object({
  district: District.optional(),
  creditClass: CreditClassSchema.optional(),
});
export type CreditListQuery = z.infer<typeof CreditListQuerySchema>;

/** POST /api/supervision/draws */
export const DrawBodySchema = z.object({
  districtCode: District,
  /** YYYY-MM-DD: when the checks are planned. */
  plannedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
  /** A 32-bit unsigned seed to repeat a draw; drawn at random when absent. */
  seed: z.number().int().min(0).max(0xffffffff).optional(),
});
export type DrawBody = z.infer<typeof DrawBodySchema>;

export const SpotCheckOutcomeSchema = z.enum(['compliant', 'violation', 'not_found']);
export type SpotCheckOutcome = z.infer<typeof SpotCheckOutcomeSchema>;

export const SPOT_CHECK_OUTCOME_LABELS: Readonly<Record<SpotCheckOutcome, string>> = {
  compliant: '未发现问题',
  violation: '发现违法行为',
  not_found: '经营场所无法联系',
};

/** POST /api/supervision/draws/:id/items/:itemId/result */
export const SpotCheckResultBodySchema = z
  .object({
    outcome: SpotCheckOutcomeSchema,
    note: z.string().trim().max(1000, '说明不能超过 1000 字').default(''),
    /**
     * A violation's supply months, for the clue it opens; the month of the check when absent.
     * Only with a violation.
     */
    periods: z
      .array(Period)
      .min(1, '请至少填写一个所涉月份')
      .max(24, '所涉月份不能超过 24 个')
      .optional(),
  })
  .refine((b) => b.periods === undefined || b.outcome === 'violation', {
    message: '只有发现违法行为时才填写所涉月份',
    path: ['periods'],
  });
export type SpotCheckResultBody = z.infer<typeof SpotCheckResultBodySchema>;

export interface SpotCheckItemView {
  id: number;
  entityId: string;
  entityName: string | null;
  creditClass: CreditClass;
  inspectors: { userId: number; name: string }[];
  outcome: SpotCheckOutcome | null;
  note: string | null;
  resultAt: string | null;
  /** A violation's case in the district's queue: the clue it opened or the open case covering it. */
  case: { id: string; number: string } | null;
}

export interface DrawView {
  id: string;
  districtCode: string;
  plannedDate: string;
  seed: number;
  /** The PRNG and the order it is consumed in, so anyone can repeat the draw. */
  algorithm: string;
  ratios: Record<CreditClass, string>;
  /** Entities per class the draw chose from. */
  population: Record<CreditClass, number>;
  createdAt: string;
  publishedAt: string;
  items: SpotCheckItemView[];
}

/**
 * GET /api/public/spot-checks: what 一公开 publishes to anyone, signed in or not: who is checked,
 * by whom, when, and the result. No credit class (internal) and no ratios per class.
 */
export interface PublicSpotCheckView {
  id: string;
  districtCode: string;
  plannedDate: string;
  publishedAt: string;
  /** With the algorithm, lets anyone holding the population repeat the draw. */
  seed: number;
  algorithm: string;
  items: {
    entityId: string;
    entityName: string | null;
    inspectors: string[];
    outcome: SpotCheckOutcome | null;
  }[];
}

export const BlacklistStatusSchema = z.enum(['proposed', 'listed', 'rejected', 'removed']);
export type BlacklistStatus = z.infer<typeof BlacklistStatusSchema>;

export const BLACKLIST_STATUS_LABELS: Readonly<Record<BlacklistStatus, string>> = {
  proposed: '待审批',
  listed: '已列入',
  rejected: '未批准',
  removed: '已移出',
};

export const BlacklistRemovalReasonSchema = z.enum(['period_ended', 'credit_repair']);
export type BlacklistRemovalReason = z.infer<typeof BlacklistRemovalReasonSchema>;

/** POST /api/supervision/blacklist */
export const BlacklistProposalBodySchema = z
  .object({
    caseId: z.string().uuid('案件 ID 格式不正确').optional(),
    /** The readable number officers know: 沪转供-310112-2026-00001. */
    caseNumber: z
      .string()
      .trim()
      .regex(/^沪转供-\d{6}-\d{4}-\d{5}$/, '案件编号格式应为 沪转供-区划代码-年份-序号')
      .optional(),
    reason: z.string().trim().min(1, '请填写列入理由').max(1000, '理由不能超过 1000 字'),
  })
  .refine((b) => (b.caseId === undefined) !== (b.caseNumber === undefined), {
    message: '请填写案件编号',
    path: ['caseNumber'],
  });
export type BlacklistProposalBody = z.infer<typeof BlacklistProposalBodySchema>;

/** POST /api/supervision/blacklist/:id/remove */
export const BlacklistRemovalBodySchema = z.object({ reason: BlacklistRemovalReasonSchema });
export type BlacklistRemovalBody = z.infer<typeof BlacklistRemovalBodySchema>;

export interface BlacklistEntryView {
  id: string;
  entityId: string;
  entityName: string | null;
  districtCode: string;
  caseId: string;
  caseNumber: string | null;
  status: BlacklistStatus;
  reason: string;
  proposedBy: number;
  proposedAt: string;
  decidedBy: number | null;
  decidedAt: string | null;
  /** YYYY-MM-DD: the listing period ends (set on approval). */
  endsOn: string | null;
  /** YYYY-MM-DD: credit repair may be asked from this day. */
  repairFrom: string | null;
  removedAt: string | null;
  removalReason: BlacklistRemovalReason | null;
}

export const SupervisionErrorCode = {
  ENTITY_NOT_FOUND: 'SUPERVISION.NOT_FOUND',
  OUT_OF_SCOPE: 'SUPERVISION.OUT_OF_SCOPE',
  INVALID_DISTRICT: 'SUPERVISION.INVALID_DISTRICT',
  NO_POPULATION: 'DRAW.EMPTY_POPULATION',
  ROSTER_TOO_SMALL: 'DRAW.INVALID_ROSTER_TOO_SMALL',
  /** A sampling ratio in the settings is not a fraction in [0, 1]. */
  INVALID_RATIO: 'DRAW.NOT_CONFIGURED',
  DRAW_NOT_FOUND: 'DRAW.NOT_FOUND',
  RESULT_ALREADY_RECORDED: 'DRAW.RESULT_ALREADY_RECORDED',
  NOT_AN_INSPECTOR: 'DRAW.FORBIDDEN_NOT_INSPECTOR',
  CASE_NOT_FOUND: 'BLACKLIST_CASE.NOT_FOUND',
  NOT_HEAVY_PENALTY: 'BLACKLIST.INVALID_NOT_HEAVY_PENALTY',
  ALREADY_LISTED: 'BLACKLIST.ALREADY_LISTED',
  ENTRY_NOT_FOUND: 'BLACKLIST.NOT_FOUND',
  WRONG_STATE: 'BLACKLIST.ACTION_NOT_ALLOWED',
  SELF_APPROVAL: 'BLACKLIST.FORBIDDEN_SELF_APPROVAL',
  TOO_EARLY: 'BLACKLIST.INVALID_TOO_EARLY',
} as const;
