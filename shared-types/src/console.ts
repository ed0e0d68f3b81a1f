import { z } from 'zod';

/*
 * The regulators' console beyond cases and imports: charging-entity search and profile, the
 * dashboard and its Excel export, the audit-log viewer, and the charging entity's own portal.
 * Money is a decimal string of 元 with two decimals ("1234.50"), never a number.
 */

const DISTRICT = /^\d{6}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DistrictCode = z.string().regex(DISTRICT, '区划代码应为 6 位数字');
const Month = z.string().regex(MONTH, '月份格式应为 YYYY-MM');

export const ConsoleErrorCode = {
  ENTITY_NOT_FOUND: 'CHARGING_ENTITY.NOT_FOUND',
  ENTITY_OUT_OF_SCOPE: 'CHARGING_ENTITY.OUT_OF_SCOPE',
  DISTRICT_OUT_OF_SCOPE: 'DASHBOARD.OUT_OF_SCOPE',
  NO_ENTITY: 'ENTITY_PORTAL.FORBIDDEN_NO_ENTITY',
  CASE_NOT_FOUND: 'ENTITY_PORTAL.NOT_FOUND',
} as const;

// ---------------------------------------------------------------------------------------------
// Charging entities

/** GET /api/charging-entities: by name, 统一社会信用代码 or account number; keyset by id. */
export const EntitySearchQuerySchema = z.object({
  q: z.string().trim().max(100, '关键词不能超过 100 字').optional(),
  district: DistrictCode.optional(),
  /** The last id of the previous page. */
  after: z
    .string()
    .regex(/^[0-9A-Z]{1,18}$/, '翻页标记不正确')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type EntitySearchQuery = z.infer<typeof EntitySearchQuerySchema>;

export interface EntitySearchRow {
  id: string;
  name: string;
  premisesAddress: string;
  districtCode: string;
  accountCount: number;
  tenantCount: number;
}

export interface EntitySearchPage {
  items: EntitySearchRow[];
  /** Pass as `after` for the next page; null on the last page. */
  nextAfter: string | null;
}

/** One of the entity's grid accounts, as its newest grid bill describes it. */
export interface EntityAccountView {
  accountNo: string;
  userClass: string | null;
  voltage: string | null;
  pricing: string | null;
  firstPeriod: string;
  lastPeriod: string;
}

/** Findings of the current verdicts of one supply month, over all the entity's accounts. */
export interface EntityFindingMonth {
  period: string;
  findings: number;
  /** Σ of the refunds owed (多收金额), 元. */
  overcharge: string;
}

export interface EntityCaseRow {
  id: string;
  number: string;
  state: string;
  stateLabel: string;
  periods: string[];
  receivedAt: string;
}

/**
 * GET /api/charging-entities/:id. Warnings and the credit class come from the supervision
 * endpoints (`/api/supervision/warnings/:id`, `/api/supervision/credit/:id`), staff only.
 */
export interface EntityProfileView {
  id: string;
  name: string;
  premisesAddress: string;
  districtCode: string;
  accounts: EntityAccountView[];
  tenantCount: number;
  findingsByMonth: EntityFindingMonth[];
  cases: EntityCaseRow[];
  casesByState: { state: string; label: string; count: number }[];
}

// ---------------------------------------------------------------------------------------------
// Dashboard

/** GET /api/dashboard and its export: district staff see their own district only. */
export const DashboardQuerySchema = z
  .object({
    district: DistrictCode.optional(),
    from: Month.optional(),
    to: Month.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: '起始月份不能晚于结束月份',
    path: ['from'],
  });
export type DashboardQuery = z.infer<typeof DashboardQuerySchema>;

export interface DistrictCasesRow {
  districtCode: string;
  districtName: string;
  /** Open and closed cases by state code. */
  byState: Record<string, number>;
  total: number;
  /** Overdue and due soon by the work queue's deadline and flags (its `due` filter). */
  overdue: number;
  dueSoon: number;
}

export interface MoneyMonthRow {
  month: string;
  /** 多收金额 found by reconciliation in supply months of this month. */
  found: string;
  /** Refunds recorded in this month: corrections before 立案 and refunds under supervision. */
  refunded: string;
  /** Fines decided in this month. */
  fined: string;
}

export interface TopEntityRow {
  entityId: string;
  name: string;
  districtCode: string;
  findings: number;
  overcharge: string;
}

export interface DashboardView {
  /** The district shown; null for the whole city. */
  districtCode: string | null;
  states: { state: string; label: string }[];
  casesByDistrict: DistrictCasesRow[];
  overdueTotal: number;
  dueSoonTotal: number;
  moneyByMonth: MoneyMonthRow[];
  topEntities: TopEntityRow[];
}

export const DASHBOARD_LISTS = ['cases-by-district', 'money-by-month', 'top-entities'] as const;
export type DashboardList = (typeof DASHBOARD_LISTS)[number];

/** GET /api/dashboard/export?list=…: one list as an .xlsx workbook. */
export const DashboardExportQuerySchema = z
  .object({
    list: z.enum(DASHBOARD_LISTS, { message: '请选择要导出的列表' }),
    district: DistrictCode.optional(),
    from: Month.optional(),
    to: Month.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: '起始月份不能晚于结束月份',
    path: ['from'],
  });
export type DashboardExportQuery = z.infer<typeof DashboardExportQuerySchema>;

// ---------------------------------------------------------------------------------------------
// Audit log

/** GET /api/audit-logs: newest first, keyset by seq. */
export const AuditLogQuerySchema = z.object({
  action: z
    .string()
    .regex(/^[a-z_.]{1,64}$/, '操作代码不正确')
    .optional(),
  subjectType: z
    .string()
    .regex(/^[a-z_]{1,32}$/, '对象类型不正确')
    .optional(),
  subjectId: z.string().trim().min(1).max(64).optional(),
  actorUserId: z.coerce.number().int().positive().optional(),
  from: z.string().date('日期格式应为 YYYY-MM-DD').optional(),
  to: z.string().date('日期格式应为 YYYY-MM-DD').optional(),
  /** The smallest seq of the previous page. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditLogQuery = z.infer<typeof AuditLogQuerySchema>;

export interface AuditEntryView {
  seq: number;
  at: string;
  actorUserId: number | null;
  actorName: string | null;
  actorRole: string;
  action: string;
  subjectType: string;
  subjectId: string;
  details: Record<string, unknown>;
}

export interface AuditLogPage {
  items: AuditEntryView[];
  nextBefore: number | null;
}

/** GET /api/audit-logs/verification */
export interface AuditChainView {
  ok: boolean;
  count: number;
  problemCount: number;
  firstProblem: { seq: number; kind: string; message: string } | null;
  checkedAt: string;
}

// ---------------------------------------------------------------------------------------------
// Entity portal

export interface EntityPortalFinding {
  accountNo: string;
  period: string;
  type: string;
  /** Null for findings about the whole month, and when the entity has too few tenants. */
  tenantId: string | null;
  amount: string | null;
}

/** What the entity may charge in a supply month: the grid's prices and the average price. */
export interface AllowedPriceMonth {
  accountNo: string;
  period: string;
  /** Average settlement price (平均结算价), 元/kWh to 6 places; null without a grid bill. */
  averagePrice: string | null;
  /** The grid's energy prices of the month by time-of-use period. */
  gridPrices: { tou: string | null; unitPrice: string }[];
  verdict: string;
  overcharge: string;
}

/** GET /api/entity/overview */
export interface EntityPortalView {
  id: string;
  name: string;
  districtCode: string;
  /** False below 5 tenants: per-tenant figures could tell who reported. */
  perTenantFigures: boolean;
  months: AllowedPriceMonth[];
  findings: EntityPortalFinding[];
}

/** A file proving a refund, attached by the entity to one of its cases. */
export interface RefundProofView {
  id: string;
  caseId: string;
  sha256: string;
  kind: string;
  bytes: number;
  at: string;
  /** The name the file was uploaded under; null for proofs stored before names were kept. */
  fileName?: string | null;
}
