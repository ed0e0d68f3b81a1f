import type {
  WarningLevel,
  WarningReasonCode,
  WarningReasonView,
  WarningTrend,
} from '@zgd/shared-types';
import { formatFen, type Fen } from '../../reconciliation/domain/exact';

/*
 * The warning model (预警模型, domain §6): one level per charging entity and supply month, from
 * what the newest reconciliation found over all the entity's accounts that month. It flags risk
 * before anyone reports it, like the grid's red/yellow/green fee code. The thresholds are ours
 * (settings), not the law's.
 */

/** What the newest runs found for one entity in one supply month, over all its accounts. */
export interface EntityMonthRecord {
  entityId: string;
  period: string;
  /** Σ refunds owed that month. */
  refundFen: Fen;
  /** Distinct tenants owed a refund or named in a finding. */
  tenantsAffected: number;
  /** Finding types present (the contract's §3 types). */
  findingTypes: readonly string[];
}

export interface WarningThresholds {
  /** Red from this much refund owed in the month (setting `warning.red_refund_fen`). */
  redRefundFen: Fen;
  /** Red when at least this many tenants are owed or named (setting `warning.red_tenant_count`). */
  redTenantCount: number;
}

export interface WarningOutcome {
  level: WarningLevel;
  reasons: WarningReasonView[];
}

/** Published violation patterns: red whatever the amount. */
const RED_PATTERNS: Readonly<Record<string, WarningReasonCode>> = {
  FIXED_PRICE: 'FIXED_PRICE',
  PROHIBITED_FEE: 'PROHIBITED_FEE',
};

/**
 * Red: refund owed at or above the threshold, refunds or findings touching at least the
 * threshold of tenants, a fixed price held through a change of the grid price, or a prohibited
 * fee. Yellow: any smaller refund or other finding. Green: nothing found.
 */
export function warningLevelOf(m: EntityMonthRecord, t: WarningThresholds): WarningOutcome {
  const red: WarningReasonView[] = [];
  if (m.refundFen >= t.redRefundFen && m.refundFen > 0n)
    red.push({
      code: 'REFUND_ABOVE_THRESHOLD',
      message: `应退电费 ${formatFen(m.refundFen)} 元，达到红色预警线 ${formatFen(t.redRefundFen)} 元`,
    });
  if (m.tenantsAffected >= t.redTenantCount && m.tenantsAffected > 0)
    red.push({
      code: 'MANY_TENANTS',
      message: `涉及 ${m.tenantsAffected} 户租户，达到红色预警线 ${t.redTenantCount} 户`,
    });
  const types = [...new Set(m.findingTypes)].sort();
  for (const type of types) {
    const code = RED_PATTERNS[type];
    if (code) red.push({ code, message: RED_MESSAGES[code] });
  }
  if (red.length) return { level: 'red', reasons: red };
  const yellow: WarningReasonView[] = [];
  if (m.refundFen > 0n)
    yellow.push({ code: 'SMALL_REFUND', message: `应退电费 ${formatFen(m.refundFen)} 元` });
  const others = types.filter((x) => !RED_PATTERNS[x]);
  if (others.length)
    yellow.push({ code: 'OTHER_FINDINGS', message: `核查发现：${others.join('、')}` });
  return yellow.length ? { level: 'yellow', reasons: yellow } : { level: 'green', reasons: [] };
}

const RED_MESSAGES: Record<string, string> = {
  FIXED_PRICE: '电网价格变动后仍按固定单价收费',
  PROHIBITED_FEE: '加收了不得收取的费用（如基础电费、管理费）',
};

const SEVERITY: Readonly<Record<WarningLevel, number>> = { green: 0, yellow: 1, red: 2 };

export const isMoreSevere = (a: WarningLevel, b: WarningLevel) => SEVERITY[a] > SEVERITY[b];

/** The last month against the one before it (months oldest first). */
export function trendOf(levels: readonly WarningLevel[]): WarningTrend {
  if (levels.length < 2) return null;
  const [before, last] = levels.slice(-2);
  if (isMoreSevere(last, before)) return 'worse';
  if (isMoreSevere(before, last)) return 'better';
  return 'same';
}

/** One account's newest result for a supply month: what the month rows, refunds and findings say. */
export interface AccountMonthFacts {
  entityId: string;
  period: string;
  refunds: readonly { tenantId: string; amountFen: Fen }[];
  findings: readonly { type: string; tenantId: string | null }[];
}

/** Sums each entity's month over its accounts: refunds, tenants touched, finding types. */
export function entityMonthRecords(
  facts: readonly AccountMonthFacts[],
): Map<string, EntityMonthRecord> {
  const acc = new Map<string, { refundFen: bigint; tenants: Set<string>; types: Set<string> }>();
  for (const f of facts) {
    const k = `${f.entityId}|${f.period}`;
    const a = acc.get(k) ?? { refundFen: 0n, tenants: new Set<string>(), types: new Set<string>() };
    for (const r of f.refunds) {
      a.refundFen += r.amountFen;
      if (r.amountFen > 0n) a.tenants.add(r.tenantId);
    }
    for (const x of f.findings) {
      a.types.add(x.type);
      if (x.tenantId) a.tenants.add(x.tenantId);
    }
    acc.set(k, a);
  }
  const out = new Map<string, EntityMonthRecord>();
  for (const [k, a] of acc) {
    const [entityId, period] = k.split('|');
    out.set(k, {
      entityId,
      period,
      refundFen: a.refundFen,
      tenantsAffected: a.tenants.size,
      findingTypes: [...a.types].sort(),
    });
  }
  return out;
}
