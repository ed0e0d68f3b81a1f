import type { TenantMonthSummary } from '@zgd/shared-types';

/** One metered premises (a charging entity's grid account) with its months, newest first. */
export interface PremisesGroup {
  key: string;
  entityId: string;
  entityName: string | null;
  accountNo: string;
  months: TenantMonthSummary[];
}

export const premisesKey = (m: Pick<TenantMonthSummary, 'entityId' | 'accountNo'>) =>
  `${m.entityId}/${m.accountNo}`;

/** Groups months by premises; the premises with the newest month comes first. */
export function groupByPremises(months: readonly TenantMonthSummary[]): PremisesGroup[] {
  const groups = new Map<string, PremisesGroup>();
  for (const month of months) {
    const key = premisesKey(month);
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        entityId: month.entityId,
        entityName: month.entityName,
        accountNo: month.accountNo,
        months: [],
      };
      groups.set(key, group);
    }
    group.months.push(month);
  }
  const list = [...groups.values()];
  for (const group of list) group.months.sort((a, b) => b.period.localeCompare(a.period));
  return list.sort(
    (a, b) => b.months[0].period.localeCompare(a.months[0].period) || a.key.localeCompare(b.key),
  );
}

/** Lists up to this many months on one screen; longer lists are paged. */
export const PAGE_SIZE = 50;

export interface MonthPage {
  groups: PremisesGroup[];
  /** 0-based, clamped to the pages there are. */
  page: number;
  pageCount: number;
  total: number;
}

/**
 * The `page`-th slice of PAGE_SIZE months, in group order, regrouped: a premises cut by a page
 * boundary appears on both pages with the months of each.
 */
export function pageOfMonths(
  groups: readonly PremisesGroup[],
  page: number,
  pageSize = PAGE_SIZE,
): MonthPage {
  const total = groups.reduce((n, g) => n + g.months.length, 0);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(0, page), pageCount - 1);
  const start = current * pageSize;
  const end = start + pageSize;
  const sliced: PremisesGroup[] = [];
  let offset = 0;
  for (const group of groups) {
    const from = Math.max(start - offset, 0);
    const to = Math.min(end - offset, group.months.length);
    if (from < to) sliced.push({ ...group, months: group.months.slice(from, to) });
    offset += group.months.length;
    if (offset >= end) break;
  }
  return { groups: sliced, page: current, pageCount, total };
}
