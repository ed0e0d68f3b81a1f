import type { EnforcementCase } from './case-model';

/*
 * The workflow's EnforcementCase as JSON text and back. Amounts (bigint fen) and instants (Date)
 * are not JSON: they are written tagged, `{"$fen":"123"}` and `{"$at":"2026-…Z"}`, so reading
 * needs no list of which fields hold what, and a new field of either kind just works.
 */

export function caseToJson(c: EnforcementCase): string {
  return JSON.stringify(c, function (this: Record<string, unknown>, key, value: unknown) {
    const raw = this[key];
    if (typeof raw === 'bigint') return { $fen: raw.toString() };
    if (raw instanceof Date) return { $at: raw.toISOString() };
    return value;
  });
}

/** Fields added after cases were first stored: a model written before them reads as empty. */
const ADDED_LATER = { realNameReportIds: [], reporterNotices: [], refundOrderPeriods: [] } as const;

export function caseFromJson(text: string): EnforcementCase {
  const parsed = JSON.parse(text, (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const o = value as Record<string, unknown>;
      const keys = Object.keys(o);
      if (keys.length === 1 && typeof o.$fen === 'string') return BigInt(o.$fen);
      if (keys.length === 1 && typeof o.$at === 'string') return new Date(o.$at);
    }
    return value;
  }) as EnforcementCase;
  return { ...ADDED_LATER, ...parsed };
}
