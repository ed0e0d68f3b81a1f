import { compareCodePoints } from './code-point-order';
import { ONE_FEN, type Fen } from './exact';
import type { DraftFinding, FindingType } from './findings';
import type { SupplyMonth, SupplyMonthFigures } from './supply-month';

/** One tenant's refund for a supply month, by the three parts of §4. */
export interface RefundShare {
  tenantId: string;
  fromFindings: Fen;
  lossShare: Fen;
  residualShare: Fen;
  total: Fen;
}

export type ResidualWeights = 'energy_kwh' | 'gross_total';

export interface MonthRefunds {
  /** R = E − (findings refunded + loss shared); only split when ≥ 0.01. */
  R: Fen;
  residualSplitBy: ResidualWeights | null;
  /** Sorted by tenant_id; shares below 0.01 left out. */
  shares: RefundShare[];
}

const REFUNDED_FINDINGS: ReadonlySet<FindingType> = new Set<FindingType>([
  'PRICE_ABOVE_GRID',
  'AMOUNT_MISMATCH',
  'PROHIBITED_FEE',
]);

/** §4 for one supply month with grid lines, from the findings its rules produced. */
export function refundMonth(
  month: SupplyMonth,
  figures: SupplyMonthFigures,
  drafts: readonly DraftFinding[],
): MonthRefunds {
  const fromFindings = new Map<string, Fen>();
  let lossAboveCap = 0n;
  for (const draft of drafts) {
    if (draft.type === 'LOSS_ABOVE_CAP') lossAboveCap += draft.amountFen ?? 0n;
    if (!REFUNDED_FINDINGS.has(draft.type) || draft.tenantId === null) continue;
    fromFindings.set(
      draft.tenantId,
      (fromFindings.get(draft.tenantId) ?? 0n) + (draft.amountFen ?? 0n),
    );
  }
  // Most months owe nothing beyond their findings: the weights are only built when split.
  let weights: TenantWeights | undefined;
  const weightsOf = (): TenantWeights => (weights ??= tenantWeights(month));
  const lossShares =
    lossAboveCap > 0n
      ? splitByLargestRemainder(lossAboveCap, weightsOf().loss)
      : new Map<string, Fen>();
  const R = figures.E - sum(fromFindings.values()) - sum(lossShares.values());
  let residualSplitBy: ResidualWeights | null = null;
  let residualShares = new Map<string, Fen>();
  if (R >= ONE_FEN) {
    const { energyKwh, gross } = weightsOf();
    residualSplitBy = sum(energyKwh.values()) > 0n ? 'energy_kwh' : 'gross_total';
    residualShares = splitByLargestRemainder(
      R,
      residualSplitBy === 'energy_kwh' ? energyKwh : gross,
    );
  }
  return { R, residualSplitBy, shares: collectShares(fromFindings, lossShares, residualShares) };
}

interface TenantWeights {
  loss: Map<string, bigint>;
  /** Only tenants with energy lines: the residual goes to them alone (§4a). */
  energyKwh: Map<string, bigint>;
  gross: Map<string, bigint>;
}

function tenantWeights(month: SupplyMonth): TenantWeights {
  const weights: TenantWeights = { loss: new Map(), energyKwh: new Map(), gross: new Map() };
  for (const line of month.tenantLines) {
    add(weights.gross, line.tenantId, line.amountFen);
    if (line.item === 'loss') add(weights.loss, line.tenantId, line.amountFen);
    if (line.item === 'energy') add(weights.energyKwh, line.tenantId, line.kwhMilli ?? 0n);
  }
  return weights;
}

/**
 * Splits `total` fen in proportion to `weights` exactly to the fen: each share is the exact
 * proportion truncated, and the fens left over go one each to the largest remainders, ties to
 * the smaller tenant_id (code-point order). Nothing is split when the weights sum to zero.
 */
export function splitByLargestRemainder(
  total: Fen,
  weights: ReadonlyMap<string, bigint>,
): Map<string, Fen> {
  const weightSum = sum(weights.values());
  const shares = new Map<string, Fen>();
  if (weightSum <= 0n || total <= 0n) return shares;
  const parts: { tenantId: string; share: Fen; remainder: bigint }[] = [];
  let allocated = 0n;
  for (const [tenantId, weight] of weights) {
    const exact = total * weight;
    const share = exact / weightSum;
    parts.push({ tenantId, share, remainder: exact % weightSum });
    allocated += share;
  }
  parts.sort((a, b) =>
    a.remainder === b.remainder
      ? compareCodePoints(a.tenantId, b.tenantId)
      : a.remainder > b.remainder
        ? -1
        : 1,
  );
  for (let i = 0, left = total - allocated; left > 0n; i++, left--) parts[i].share += 1n;
  for (const part of parts) shares.set(part.tenantId, part.share);
  return shares;
}

function collectShares(
  fromFindings: ReadonlyMap<string, Fen>,
  lossShares: ReadonlyMap<string, Fen>,
  residualShares: ReadonlyMap<string, Fen>,
): RefundShare[] {
  if (fromFindings.size === 0 && lossShares.size === 0 && residualShares.size === 0) return [];
  const tenants = new Set([...fromFindings.keys(), ...lossShares.keys(), ...residualShares.keys()]);
  const shares: RefundShare[] = [];
  for (const tenantId of [...tenants].sort(compareCodePoints)) {
    const share = {
      tenantId,
      fromFindings: fromFindings.get(tenantId) ?? 0n,
      lossShare: lossShares.get(tenantId) ?? 0n,
      residualShare: residualShares.get(tenantId) ?? 0n,
    };
    const total = share.fromFindings + share.lossShare + share.residualShare;
    if (total >= ONE_FEN) shares.push({ ...share, total });
  }
  return shares;
}

function add(map: Map<string, bigint>, key: string, value: bigint): void {
  map.set(key, (map.get(key) ?? 0n) + value);
}

function sum(values: Iterable<bigint>): bigint {
  let total = 0n;
  for (const value of values) total += value;
  return total;
}
