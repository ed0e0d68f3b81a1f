import type { TenantMonthSheet } from '@zgd/shared-types';
import { useEffect, useState } from 'react';
import { fetchMonthSheet, fetchMyMonths } from '../../services/months-api';
import { chartPeriods, emptyPoint, pricePoint, type PricePoint } from './price-history';

/** Sheets asked for at once; a phone on a weak network should not open twelve requests. */
const PARALLEL = 3;

async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * The price chart's points: the premises' last (up to) 12 months from the months list, each
 * from its sheet (the one already shown is reused). A month that fails to load stays empty.
 */
export function usePriceHistory(sheet: TenantMonthSheet | null): {
  points: PricePoint[];
  loading: boolean;
} {
  const [points, setPoints] = useState<PricePoint[]>([]);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    if (!sheet) return;
    let active = true;
    setLoading(true);
    const load = async () => {
      const months = await fetchMyMonths().catch(() => []);
      const periods = chartPeriods(months, sheet.entity.id, sheet.accountNo);
      if (!periods.includes(sheet.period)) periods.push(sheet.period);
      periods.sort();
      return mapLimited(periods, PARALLEL, async (period) => {
        if (period === sheet.period) return pricePoint(sheet);
        try {
          return pricePoint(await fetchMonthSheet(sheet.accountNo, period));
        } catch {
          return emptyPoint(period);
        }
      });
    };
    load().then((loaded) => {
      if (!active) return;
      setPoints(loaded.slice(-12));
      setLoading(false);
    });
    return () => {
      active = false;
    };
  }, [sheet]);

  return { points, loading };
}
