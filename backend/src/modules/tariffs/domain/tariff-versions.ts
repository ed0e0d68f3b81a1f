/**
 * Stored tariffs are never edited: a newer row for the same class, voltage, pricing and period
 * takes over from its effective date, even where an older row was open-ended. This turns the
 * stored rows into the non-overlapping table the reconciliation contract assumes, by ending
 * each row where the next one of its key begins.
 */
export interface TariffVersion {
  userClass: string;
  voltage: string;
  pricing: string;
  tou: string;
  effectiveFrom: string;
  effectiveTo: string | null;
}

export function resolveTariffVersions<T extends TariffVersion>(rows: readonly T[]): T[] {
  const byKey = new Map<string, T[]>();
  for (const r of rows) {
    const key = [r.userClass, r.voltage, r.pricing, r.tou].join('|');
    const list = byKey.get(key);
    if (list) list.push(r);
    else byKey.set(key, [r]);
  }
  const out: T[] = [];
  for (const list of byKey.values()) {
    list.sort((a, b) =>
      a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0,
    );
    list.forEach((row, i) => {
      const next = list[i + 1]?.effectiveFrom;
      const end =
        next !== undefined && (row.effectiveTo === null || next < row.effectiveTo)
          ? next
          : row.effectiveTo;
      out.push(end === row.effectiveTo ? row : { ...row, effectiveTo: end });
    });
  }
  return out;
}

/** The row in force on a day (YYYY-MM-DD) among resolved versions, if any. */
export function tariffOn<T extends TariffVersion>(
  resolved: readonly T[],
  day: string,
): T | undefined {
  return resolved.find(
    (r) => r.effectiveFrom <= day && (r.effectiveTo === null || day < r.effectiveTo),
  );
}
