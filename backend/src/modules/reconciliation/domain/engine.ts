import { compareCodePoints } from './code-point-order';
import { judgeEnergyLines } from './energy-line-judgement';
import {
  formatFen,
  formatFraction,
  fractionOf,
  parseFraction,
  reduceFraction,
  formatTrimmed,
  type ExactFraction,
} from './exact';
import type { DraftFinding, Finding } from './findings';
import { reconciledSheet, unreconciledSheet } from './month-sheet';
import { refundMonth } from './refunds';
import type { ChargingEntity, ReconciliationInput } from './reconciliation-input';
import type {
  AveragePrice,
  ReconciliationResult,
  Refund,
  SupplyMonthSheet,
} from './reconciliation-result';
import { amountMismatch } from './rules/amount-mismatch';
import { FixedPriceRule } from './rules/fixed-price';
import { lossAboveCap } from './rules/loss-above-cap';
import { missingGridBill } from './rules/missing-grid-bill';
import type { MonthContext, MonthRule } from './rules/month-rule';
import { overCollection } from './rules/over-collection';
import { priceAboveGrid } from './rules/price-above-grid';
import { prohibitedFee } from './rules/prohibited-fee';
import { tariffMismatch } from './rules/tariff-mismatch';
import { tariffUnknown } from './rules/tariff-unknown';
import { computeFigures, groupSupplyMonths, type SupplyMonth } from './supply-month';
import { TariffTable } from './tariff-table';

export const DEFAULT_LOSS_CAP = '0.10';

export interface ReconciliationOptions {
  /** Loss cap as a fraction of G (`0.10` = 10 %). */
  lossCap?: string;
  /**
   * Build the per-month sheets (default true). The contract output needs only findings and
   * refunds, and for a million lines the sheets are most of the time and memory, so callers
   * that want only those (the command line) turn them off; `supplyMonths` is then empty.
   */
  sheets?: boolean;
}

/** The rules that run on each supply month with grid lines (FIXED_PRICE spans months). */
const MONTH_RULES: readonly MonthRule[] = [
  tariffUnknown,
  tariffMismatch,
  priceAboveGrid,
  amountMismatch,
  prohibitedFee,
  lossAboveCap,
  overCollection,
];

/**
 * Reconciles validated input (§2–§4): findings, refunds and the numbers behind them. Pure and
 * deterministic: the same input gives the same result, in the contract's order.
 */
export function reconcile(
  input: ReconciliationInput,
  options: ReconciliationOptions = {},
): ReconciliationResult {
  const lossCapText = options.lossCap ?? DEFAULT_LOSS_CAP;
  const lossCap = parseFraction(lossCapText);
  if (lossCap === null)
    throw new RangeError(`loss cap must be a non-negative decimal: ${lossCapText}`);
  const tariffs = new TariffTable(input.tariffs);
  const entities = new Map(input.entities.map((entity) => [entity.entityId, entity]));
  const fixedPrice = new FixedPriceRule();
  const wantSheets = options.sheets ?? true;
  const supplyMonths: SupplyMonthSheet[] = [];
  const findings: Finding[] = [];
  const refunds: Refund[] = [];
  let totalRefundFen = 0n;
  for (const month of groupSupplyMonths(input)) {
    const entity = entities.get(month.entityId);
    if (month.gridLines.length === 0) {
      if (wantSheets) supplyMonths.push(unreconciledSheet(month, entity));
      findings.push(...missingGridBill(month).map((draft) => toFinding(month, draft)));
      continue;
    }
    const outcome = reconcileMonth(month, entity, tariffs, lossCap, fixedPrice, wantSheets);
    if (outcome.sheet !== null) supplyMonths.push(outcome.sheet);
    findings.push(...outcome.findings);
    refunds.push(...outcome.refunds);
    totalRefundFen += outcome.refundFen;
  }
  findings.push(...fixedPrice.findings());
  findings.sort(compareFindings);
  return {
    lossCap: formatTrimmed(lossCap.value, lossCap.scale),
    supplyMonths,
    findings,
    refunds,
    totalRefund: formatFen(totalRefundFen),
  };
}

interface MonthOutcome {
  sheet: SupplyMonthSheet | null;
  findings: Finding[];
  refunds: Refund[];
  refundFen: bigint;
}

function reconcileMonth(
  month: SupplyMonth,
  entity: ChargingEntity | undefined,
  tariffs: TariffTable,
  lossCap: ExactFraction,
  fixedPrice: FixedPriceRule,
  wantSheet: boolean,
): MonthOutcome {
  const figures = computeFigures(month);
  if (figures.K <= 0n) {
    throw new RangeError(
      `supply month ${month.accountNo} ${month.period} has no grid energy kWh: validate the input first`,
    );
  }
  const avg = averagePrice(figures.G, figures.K);
  const context: MonthContext = {
    month,
    figures,
    gridChecks: tariffs.checkGridEnergyLines(month),
    judgements: judgeEnergyLines(month, figures),
    lossCap,
    lossCapAmountFen: fractionOf(lossCap, figures.G),
    avgDisplay: avg.display,
  };
  const drafts: DraftFinding[] = MONTH_RULES.flatMap((rule) => rule(context));
  fixedPrice.observe(month, figures);
  const monthRefunds = refundMonth(month, figures, drafts);
  let refundFen = 0n;
  const refunds = monthRefunds.shares.map((share): Refund => {
    refundFen += share.total;
    return {
      entityId: month.entityId,
      accountNo: month.accountNo,
      period: month.period,
      tenantId: share.tenantId,
      amount: formatFen(share.total),
      fromFindings: formatFen(share.fromFindings),
      lossShare: formatFen(share.lossShare),
      residualShare: formatFen(share.residualShare),
    };
  });
  const sheet = wantSheet
    ? reconciledSheet({ ...context, entity, avg, drafts, refunds: monthRefunds })
    : null;
  return { sheet, findings: drafts.map((draft) => toFinding(month, draft)), refunds, refundFen };
}

/** avg = G / K in 元/kWh = (G fen / 100) / (K milli-kWh / 1000) = 10 G / K. */
function averagePrice(G: bigint, K: bigint): AveragePrice {
  const [numerator, denominator] = reduceFraction(G * 10n, K);
  return {
    numerator: numerator.toString(),
    denominator: denominator.toString(),
    display: formatFraction(G * 10n, K, 6),
  };
}

function toFinding(month: SupplyMonth, draft: DraftFinding): Finding {
  return {
    type: draft.type,
    entityId: month.entityId,
    accountNo: month.accountNo,
    period: month.period,
    tenantId: draft.tenantId,
    amount: draft.amountFen === null ? null : formatFen(draft.amountFen),
    basis: draft.basis,
  } as Finding;
}

/** §5: entity_id, account_no, period, tenant_id (null first), type. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareCodePoints(a.entityId, b.entityId) ||
    compareCodePoints(a.accountNo, b.accountNo) ||
    compareCodePoints(a.period, b.period) ||
    compareNullFirst(a.tenantId, b.tenantId) ||
    compareCodePoints(a.type, b.type)
  );
}

function compareNullFirst(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return compareCodePoints(a, b);
}
