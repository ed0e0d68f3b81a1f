import { z } from 'zod';

export const FindingTypeSchema = z.enum([
  'MISSING_GRID_BILL',
  'TARIFF_UNKNOWN',
  'TARIFF_MISMATCH',
  'PRICE_ABOVE_GRID',
  'AMOUNT_MISMATCH',
  'PROHIBITED_FEE',
  'LOSS_ABOVE_CAP',
  'OVER_COLLECTION',
  'FIXED_PRICE',
]);
export type FindingType = z.infer<typeof FindingTypeSchema>;

export const VerdictLevelSchema = z.enum(['green', 'yellow', 'red']);
export type VerdictLevel = z.infer<typeof VerdictLevelSchema>;

const Money = z.string().regex(/^-?\d+\.\d{2}$/);

export const FindingViewSchema = z.object({
  type: FindingTypeSchema,
  entityId: z.string(),
  accountNo: z.string(),
  period: z.string(),
  tenantId: z.string().nullable(),
  amount: Money.nullable(),
  /** The numbers that produced it (per type; see docs/reconciliation.md). */
  basis: z.record(z.string(), z.unknown()),
});
export type FindingView = z.infer<typeof FindingViewSchema>;

export const RefundViewSchema = z.object({
  amount: Money,
  fromFindings: Money,
  lossShare: Money,
  residualShare: Money,
});
export type RefundView = z.infer<typeof RefundViewSchema>;

export const VerdictSchema = z.object({
  level: VerdictLevelSchema,
  refund: Money,
  reasons: z.array(z.string()),
});
export type Verdict = z.infer<typeof VerdictSchema>;

/** One supply month of a tenant, for its list of premises and months. */
export const TenantMonthSummarySchema = z.object({
  entityId: z.string(),
  entityName: z.string().nullable(),
  districtCode: z.string().nullable(),
  accountNo: z.string(),
  period: z.string(),
  verdict: VerdictSchema,
  findingTypes: z.array(FindingTypeSchema),
  runId: z.number(),
});
export type TenantMonthSummary = z.infer<typeof TenantMonthSummarySchema>;

const GridLineSchema = z.object({
  sourceLine: z.number().nullable(),
  line: z.string(),
  tou: z.string().nullable(),
  kwh: z.string().nullable(),
  unitPrice: z.string().nullable(),
  amount: z.string(),
  tariff: z
    .object({
      unitPrice: z.string(),
      effectiveFrom: z.string(),
      effectiveTo: z.string().nullable(),
    })
    .nullable(),
  tariffDifference: z.string().nullable(),
});

const TenantLineSchema = z.object({
  sourceLine: z.number().nullable(),
  tenantId: z.string(),
  tenantName: z.string(),
  item: z.string(),
  tou: z.string().nullable(),
  kwh: z.string().nullable(),
  unitPrice: z.string().nullable(),
  amount: z.string(),
  allowedPrice: z.string().nullable(),
  allowedPriceFrom: z.enum(['avg', 'grid_tou']).nullable(),
  allowedAmount: z.string().nullable(),
  difference: z.string().nullable(),
  fed: FindingTypeSchema.nullable(),
});

/**
 * The formula sheet of one supply month as one tenant may see it: the entity's grid bill and
 * its average price, the tenant's own lines with what was allowed, the findings that concern
 * it, and the refund it is owed. Other tenants' lines are never included.
 */
export const TenantMonthSheetSchema = z.object({
  entity: z.object({
    id: z.string(),
    name: z.string().nullable(),
    districtCode: z.string().nullable(),
  }),
  accountNo: z.string(),
  period: z.string(),
  runId: z.number(),
  computedAt: z.string(),
  status: z.enum(['reconciled', 'missing_grid_bill']),
  grid: z.object({
    lines: z.array(GridLineSchema),
    G: z.string().nullable(),
    K: z.string().nullable(),
    avg: z
      .object({ numerator: z.string(), denominator: z.string(), display: z.string() })
      .nullable(),
    ownUseKwh: z.string().nullable(),
    own: z.string().nullable(),
    T: z.string().nullable(),
    collected: z.string(),
    E: z.string().nullable(),
  }),
  lines: z.array(TenantLineSchema),
  findings: z.array(FindingViewSchema),
  refund: RefundViewSchema.nullable(),
  verdict: VerdictSchema,
  /** The input versions this result came from. */
  sources: z.object({
    gridBillId: z.number().nullable(),
    chargeSheetId: z.number().nullable(),
    ownUseId: z.number().nullable(),
  }),
});
export type TenantMonthSheet = z.infer<typeof TenantMonthSheetSchema>;

export const RunViewSchema = z.object({
  id: z.number(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  trigger: z.string(),
  lossCap: z.string(),
  inputHash: z.string().nullable(),
  supplyMonths: z.number(),
  findingCount: z.number(),
  totalRefund: Money,
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type RunView = z.infer<typeof RunViewSchema>;
