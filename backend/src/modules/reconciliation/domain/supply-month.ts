import { compareCodePoints } from './code-point-order';
import { kwhTimesAverage, type Fen, type KwhMilli, type PriceE5 } from './exact';
import type {
  GridBillLine,
  OwnUse,
  ReconciliationInput,
  TenantChargeLine,
  Tou,
} from './reconciliation-input';

/** One (entity_id, account_no, period) with everything the batch says about it. */
export interface SupplyMonth {
  entityId: string;
  accountNo: string;
  period: string;
  gridLines: GridBillLine[];
  tenantLines: TenantChargeLine[];
  ownUse: OwnUse | null;
}

/** The §2 definitions for a supply month that has grid lines. */
export interface SupplyMonthFigures {
  /** Σ grid amounts, fen. */
  G: Fen;
  /** Σ grid energy kWh, milli-kWh; positive in a valid batch. */
  K: KwhMilli;
  /** round2(own_use_kwh × avg). */
  own: Fen;
  /** G − own: the most the tenants may be charged together. */
  T: Fen;
  /** Σ all tenant amounts. */
  collected: Fen;
  /** collected − T. */
  E: Fen;
  /** Σ tenant loss lines. */
  L: Fen;
  gridPriceByTou: ReadonlyMap<Tou, PriceE5>;
}

type ByPeriod = Map<string, SupplyMonth[]>;

/**
 * Groups the input by supply month, sorted by entity_id, account_no, period. Nested maps on
 * account and period (small arrays for the entity) avoid building a key string per line.
 */
export function groupSupplyMonths(input: ReconciliationInput): SupplyMonth[] {
  const byAccount = new Map<string, ByPeriod>();
  const all: SupplyMonth[] = [];
  const monthOf = (entityId: string, accountNo: string, period: string): SupplyMonth => {
    let byPeriod = byAccount.get(accountNo);
    if (byPeriod === undefined) byAccount.set(accountNo, (byPeriod = new Map()));
    let months = byPeriod.get(period);
    if (months === undefined) byPeriod.set(period, (months = []));
    for (const month of months) if (month.entityId === entityId) return month;
    const month: SupplyMonth = {
      entityId,
      accountNo,
      period,
      gridLines: [],
      tenantLines: [],
      ownUse: null,
    };
    months.push(month);
    all.push(month);
    return month;
  };
  for (const line of input.gridBills)
    monthOf(line.entityId, line.accountNo, line.period).gridLines.push(line);
  for (const line of input.tenantCharges)
    monthOf(line.entityId, line.accountNo, line.period).tenantLines.push(line);
  for (const row of input.ownUse) monthOf(row.entityId, row.accountNo, row.period).ownUse = row;
  return all.sort(compareSupplyMonths);
}

export function compareSupplyMonths(
  a: Pick<SupplyMonth, 'entityId' | 'accountNo' | 'period'>,
  b: Pick<SupplyMonth, 'entityId' | 'accountNo' | 'period'>,
): number {
  return (
    compareCodePoints(a.entityId, b.entityId) ||
    compareCodePoints(a.accountNo, b.accountNo) ||
    compareCodePoints(a.period, b.period)
  );
}

/** G, K, own, T, collected and E of a supply month with grid lines (K > 0). */
export function computeFigures(month: SupplyMonth): SupplyMonthFigures {
  let G = 0n;
  let K = 0n;
  const gridPriceByTou = new Map<Tou, PriceE5>();
  for (const line of month.gridLines) {
    G += line.amountFen;
    if (line.line !== 'energy') continue;
    K += line.kwhMilli ?? 0n;
    if (line.tou !== null && line.unitPriceE5 !== null)
      gridPriceByTou.set(line.tou, line.unitPriceE5);
  }
  const own = month.ownUse === null ? 0n : kwhTimesAverage(month.ownUse.kwhMilli, G, K);
  let collected = 0n;
  let L = 0n;
  for (const line of month.tenantLines) {
    collected += line.amountFen;
    if (line.item === 'loss') L += line.amountFen;
  }
  const T = G - own;
  return { G, K, own, T, collected, E: collected - T, L, gridPriceByTou };
}

/** `2025-07` → months since year 0, so consecutive calendar months differ by 1. */
export function monthIndex(period: string): number {
  return Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
}
