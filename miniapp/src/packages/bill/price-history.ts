import type { TenantMonthSheet, TenantMonthSummary } from '@zgd/shared-types';
import { isPositive } from '../../services/format';

/** A month of the chart: the tenant's energy price beside the allowed one, as given. */
export interface PricePoint {
  period: string;
  /** 元/kWh as the API gives it; null when the month has no energy line or did not load. */
  myPrice: string | null;
  allowedPrice: string | null;
  /** The time-of-use period of the line shown, when it is not `none`. */
  tou: string | null;
  over: boolean;
}

export const CHART_MONTHS = 12;

/** The newest months (up to CHART_MONTHS) of one premises, oldest first. */
export function chartPeriods(
  months: readonly TenantMonthSummary[],
  entityId: string,
  accountNo: string,
  limit = CHART_MONTHS,
): string[] {
  const periods = months
    .filter((m) => m.entityId === entityId && m.accountNo === accountNo)
    .map((m) => m.period);
  return [...new Set(periods)].sort().slice(-limit);
}

/**
 * The energy line that stands for the month: the one without time of use (priced at the
 * average), else the one with the most kWh.
 */
export function pricePoint(sheet: TenantMonthSheet): PricePoint {
  const energy = sheet.lines.filter((l) => l.item === 'energy' && l.unitPrice !== null);
  const line =
    energy.find((l) => l.tou === 'none') ??
    // Choosing a line, not computing money: comparing kWh as numbers is safe here.
    [...energy].sort((a, b) => Number(b.kwh ?? 0) - Number(a.kwh ?? 0))[0];
  if (!line) return emptyPoint(sheet.period);
  return {
    period: sheet.period,
    myPrice: line.unitPrice,
    allowedPrice: line.allowedPrice,
    tou: line.tou && line.tou !== 'none' ? line.tou : null,
    over: isPositive(line.difference),
  };
}

export const emptyPoint = (period: string): PricePoint => ({
  period,
  myPrice: null,
  allowedPrice: null,
  tou: null,
  over: false,
});

/**
 * Bar heights in percent of the chart's height. Only for drawing: the figures shown beside
 * the bars are the strings themselves.
 */
export function barPercents(points: readonly PricePoint[]): { my: number; allowed: number }[] {
  const values = points.flatMap((p) => [Number(p.myPrice ?? 0), Number(p.allowedPrice ?? 0)]);
  const top = Math.max(...values, 0);
  const pct = (value: string | null) =>
    top > 0 && value !== null ? Math.round((Number(value) / top) * 1000) / 10 : 0;
  return points.map((p) => ({ my: pct(p.myPrice), allowed: pct(p.allowedPrice) }));
}
