import type { AllowedPriceSource, Finding, FindingType } from './findings';
import type { ResidualWeights } from './refunds';
import type { GridLineKind, TenantItem, Tou } from './reconciliation-input';

/**
 * What the engine returns: the contract's findings and refunds plus every number behind them,
 * as plain JSON (money and quantities as decimal strings), for the tenant's formula sheet and
 * for stored reconciliation runs. Amounts are 元 with 2 decimals, kWh with 3, prices with 5.
 */
export interface ReconciliationResult {
  lossCap: string;
  /** Sorted by entity_id, account_no, period. */
  supplyMonths: SupplyMonthSheet[];
  /** In the contract's order (§5). */
  findings: Finding[];
  /** In the contract's order (§5); rows below 0.01 left out. */
  refunds: Refund[];
  totalRefund: string;
}

export interface Refund {
  entityId: string;
  accountNo: string;
  period: string;
  tenantId: string;
  amount: string;
  /** §4 item 1: PRICE_ABOVE_GRID + AMOUNT_MISMATCH + PROHIBITED_FEE. */
  fromFindings: string;
  /** §4 item 2: share of LOSS_ABOVE_CAP. */
  lossShare: string;
  /** §4 item 3: share of the residual R. */
  residualShare: string;
}

/** avg = G / K in 元/kWh: the exact fraction in lowest terms and a rounded value to show. */
export interface AveragePrice {
  numerator: string;
  denominator: string;
  /** Rounded half away from zero to 6 places. */
  display: string;
}

export interface GridLineSheet {
  sourceLine: number | null;
  line: GridLineKind;
  tou: Tou | null;
  kwh: string | null;
  unitPrice: string | null;
  amount: string;
  /** Energy lines: the tariff row in effect, null when there is none (TARIFF_UNKNOWN). */
  tariff: { unitPrice: string; effectiveFrom: string; effectiveTo: string | null } | null;
  /** round2((unit_price − tariff) × kWh), energy lines with a tariff. */
  tariffDifference: string | null;
}

export interface TenantLineSheet {
  sourceLine: number | null;
  tenantId: string;
  tenantName: string;
  item: TenantItem;
  tou: Tou | null;
  kwh: string | null;
  unitPrice: string | null;
  amount: string;
  /** Energy lines: p*, where it came from, round2(kwh × p*), amount − that. */
  allowedPrice: string | null;
  allowedPriceFrom: AllowedPriceSource | null;
  allowedAmount: string | null;
  difference: string | null;
  /** The finding this line counted toward, if any. */
  fed: FindingType | null;
}

/** The §2 numbers of one supply month. A month without grid lines has only tenant lines. */
export interface SupplyMonthSheet {
  entityId: string;
  accountNo: string;
  period: string;
  entityName: string | null;
  districtCode: string | null;
  status: 'reconciled' | 'missing_grid_bill';
  gridLines: GridLineSheet[];
  G: string | null;
  K: string | null;
  avg: AveragePrice | null;
  ownUseKwh: string | null;
  own: string | null;
  T: string | null;
  collected: string;
  E: string | null;
  loss: { L: string; capAmount: string } | null;
  residual: { R: string; splitBy: ResidualWeights | null } | null;
  tenantLines: TenantLineSheet[];
}
