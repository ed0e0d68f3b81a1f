import { formatFen, parseScaledOrThrow, type Fen } from '../../reconciliation/domain/exact';

/*
 * The dashboard's money over time: overcharges found by reconciliation (by supply month)
 * against refunds recorded and fines decided in cases (by the month they were recorded).
 */

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** `YYYY-MM` of an instant in Shanghai (UTC+8, no daylight saving). */
export function shanghaiMonth(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 7);
}

/** Case steps that move money, with the field of their event details holding the 元 amount. */
export const MONEY_STEPS = {
  record_correction: { kind: 'refunded', field: 'refunded' },
  record_refund: { kind: 'refunded', field: 'amount' },
  record_decision: { kind: 'fined', field: 'fine' },
} as const;
export type MoneyStep = keyof typeof MONEY_STEPS;

export interface FoundMonth {
  period: string;
  fen: Fen;
}

export interface MoneyEvent {
  action: string;
  at: Date;
  details: Record<string, unknown>;
}

export interface MoneyMonth {
  month: string;
  found: string;
  refunded: string;
  fined: string;
}

/**
 * Sums by month, in month order, keeping only months within [from, to] when given. A month
 * with nothing in any column is left out. Amounts are exact: fen as bigint throughout.
 */
export function moneyByMonth(
  found: readonly FoundMonth[],
  events: readonly MoneyEvent[],
  range: { from?: string; to?: string } = {},
): MoneyMonth[] {
  const rows = new Map<string, { found: Fen; refunded: Fen; fined: Fen }>();
  const row = (month: string) => {
    let r = rows.get(month);
    if (!r) rows.set(month, (r = { found: 0n, refunded: 0n, fined: 0n }));
    return r;
  };
  for (const f of found) row(f.period).found += f.fen;
  for (const e of events) {
    const step = MONEY_STEPS[e.action as MoneyStep];
    if (!step) continue;
    const value = e.details[step.field];
    if (typeof value !== 'string') continue;
    row(shanghaiMonth(e.at))[step.kind] += parseScaledOrThrow(value, 2);
  }
  const inRange = (m: string) => (!range.from || m >= range.from) && (!range.to || m <= range.to);
  return [...rows.entries()]
    .filter(([month, r]) => inRange(month) && (r.found || r.refunded || r.fined))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([month, r]) => ({
      month,
      found: formatFen(r.found),
      refunded: formatFen(r.refunded),
      fined: formatFen(r.fined),
    }));
}

export interface EntityMonthFigures {
  entityId: string;
  period: string;
  findings: number;
  fen: Fen;
}

/**
 * The entities with most findings: ordered by the number of findings, then by the amount
 * found, then by id, so equal entities always come in the same order.
 */
export function topEntities(
  months: readonly EntityMonthFigures[],
  limit: number,
): { entityId: string; findings: number; fen: Fen }[] {
  const byEntity = new Map<string, { entityId: string; findings: number; fen: Fen }>();
  for (const m of months) {
    const e = byEntity.get(m.entityId) ?? { entityId: m.entityId, findings: 0, fen: 0n };
    e.findings += m.findings;
    e.fen += m.fen;
    byEntity.set(m.entityId, e);
  }
  return [...byEntity.values()]
    .filter((e) => e.findings > 0)
    .sort(
      (a, b) =>
        b.findings - a.findings ||
        (b.fen > a.fen ? 1 : b.fen < a.fen ? -1 : 0) ||
        (a.entityId < b.entityId ? -1 : 1),
    )
    .slice(0, limit);
}

/** Findings and overcharge of an entity per supply month, over all its accounts. */
export function findingsByPeriod(
  months: readonly EntityMonthFigures[],
): { period: string; findings: number; overcharge: string }[] {
  const byPeriod = new Map<string, { findings: number; fen: Fen }>();
  for (const m of months) {
    const p = byPeriod.get(m.period) ?? { findings: 0, fen: 0n };
    p.findings += m.findings;
    p.fen += m.fen;
    byPeriod.set(m.period, p);
  }
  return [...byPeriod.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([period, p]) => ({ period, findings: p.findings, overcharge: formatFen(p.fen) }));
}
