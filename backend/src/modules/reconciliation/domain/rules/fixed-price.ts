import { averageRoundedTo4, formatPrice, formatScaled, type PriceE5 } from '../exact';
import type { Finding } from '../findings';
import { monthIndex, type SupplyMonth, type SupplyMonthFigures } from '../supply-month';

/** One eligible month of one tenant: a single tou = none price, and the month has grid lines. */
interface PriceMonth {
  index: number;
  period: string;
  priceE5: PriceE5;
  avgRounded4: bigint;
}

interface TenantHistory {
  entityId: string;
  accountNo: string;
  tenantId: string;
  months: PriceMonth[];
}

/** Runs of at least this many consecutive months at one price are suspicious. */
const MIN_RUN = 3;

/**
 * FIXED_PRICE looks across supply months, so the engine feeds it each month with grid lines and
 * asks for the findings at the end.
 */
export class FixedPriceRule {
  /** `entity\0account` → tenant_id → history: one string key per month, not per tenant. */
  private readonly histories = new Map<string, Map<string, TenantHistory>>();

  /** Records each tenant's single tou = none price of the month; several prices make it ineligible. */
  observe(month: SupplyMonth, figures: SupplyMonthFigures): void {
    const prices = new Map<string, PriceE5 | 'several'>();
    for (const line of month.tenantLines) {
      if (line.item !== 'energy' || line.tou !== 'none' || line.unitPriceE5 === null) continue;
      const seen = prices.get(line.tenantId);
      if (seen === undefined) prices.set(line.tenantId, line.unitPriceE5);
      else if (seen !== line.unitPriceE5) prices.set(line.tenantId, 'several');
    }
    if (prices.size === 0) return;
    const index = monthIndex(month.period);
    const avgRounded4 = averageRoundedTo4(figures.G, figures.K);
    const tenants = this.tenantsOf(month);
    for (const [tenantId, priceE5] of prices) {
      if (priceE5 === 'several') continue;
      let history = tenants.get(tenantId);
      if (history === undefined) {
        history = { entityId: month.entityId, accountNo: month.accountNo, tenantId, months: [] };
        tenants.set(tenantId, history);
      }
      history.months.push({ index, period: month.period, priceE5, avgRounded4 });
    }
  }

  /** One finding per maximal run of ≥ 3 months at one price over which the average moved. */
  findings(): Finding[] {
    const findings: Finding[] = [];
    for (const tenants of this.histories.values()) {
      for (const history of tenants.values()) findings.push(...runFindings(history));
    }
    return findings;
  }

  private tenantsOf(month: SupplyMonth): Map<string, TenantHistory> {
    const key = `${month.entityId}\u0000${month.accountNo}`;
    let tenants = this.histories.get(key);
    if (tenants === undefined) this.histories.set(key, (tenants = new Map()));
    return tenants;
  }
}

/** Splits a tenant's eligible months into maximal runs of consecutive months at one price. */
function runFindings(history: TenantHistory): Finding[] {
  const findings: Finding[] = [];
  const months = history.months.sort((a, b) => a.index - b.index);
  let start = 0;
  for (let i = 1; i <= months.length; i++) {
    const continues =
      i < months.length &&
      months[i].index === months[i - 1].index + 1 &&
      months[i].priceE5 === months[start].priceE5;
    if (continues) continue;
    const finding = runFinding(history, months.slice(start, i));
    if (finding !== null) findings.push(finding);
    start = i;
  }
  return findings;
}

function runFinding(history: TenantHistory, run: PriceMonth[]): Finding | null {
  if (run.length < MIN_RUN) return null;
  if (run.every((month) => month.avgRounded4 === run[0].avgRounded4)) return null;
  return {
    type: 'FIXED_PRICE',
    entityId: history.entityId,
    accountNo: history.accountNo,
    period: run[0].period,
    tenantId: history.tenantId,
    amount: null,
    basis: {
      unitPrice: formatPrice(run[0].priceE5),
      months: run.map((month) => ({
        period: month.period,
        avgRounded4: formatScaled(month.avgRounded4, 4),
      })),
    },
  };
}
