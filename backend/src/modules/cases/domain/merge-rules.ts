import { compareCodePoints } from '../../reconciliation/domain/code-point-order';
import { FINAL_STATES, type CaseState } from './case-model';

/*
 * Repeat reports of the same conduct are merged, not handled twice (order 121, domain §5). The
 * same conduct here means the same charging entity and at least one supply month in common,
 * with a case still open: a closed case or one not opened does not take new reports (a report
 * about handled conduct is refused as DUPLICATE_HANDLED instead).
 */

export interface MergeCandidate {
  id: string;
  entityId: string;
  periods: readonly string[];
  state: CaseState;
}

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

export const isPeriod = (text: string): boolean => PERIOD.test(text);

/** Sorted, without duplicates. */
export function normalisePeriods(periods: readonly string[]): string[] {
  return [...new Set(periods)].sort();
}

export function overlappingMonths(a: readonly string[], b: readonly string[]): number {
  const months = new Set(a);
  return new Set(b.filter((month) => months.has(month))).size;
}

export const isOpenCase = (state: CaseState): boolean => !FINAL_STATES.has(state);

/**
 * The open case a new report joins, or null. With several, the one sharing the most months
 * wins, then the smallest id: the same inputs always pick the same case.
 */
export function findMergeTarget<C extends MergeCandidate>(
  newReport: { entityId: string; periods: readonly string[] },
  openCases: readonly C[],
): C | null {
  let best: { candidate: C; overlap: number } | null = null;
  for (const candidate of openCases) {
    if (candidate.entityId !== newReport.entityId || !isOpenCase(candidate.state)) continue;
    const overlap = overlappingMonths(newReport.periods, candidate.periods);
    if (overlap === 0) continue;
    if (
      best === null ||
      overlap > best.overlap ||
      (overlap === best.overlap && compareCodePoints(candidate.id, best.candidate.id) < 0)
    )
      best = { candidate, overlap };
  }
  return best?.candidate ?? null;
}
