import { findMergeTarget, type MergeCandidate } from '../../cases/domain';
import { normalisePeriods } from '../../cases/domain/merge-rules';

/*
 * When a red warning becomes a clue (线索) in the district's queue. The cases' own merge rule
 * decides "the same conduct": the same charging entity and a supply month in common with an
 * open case. Such a case already covers the red months, so no clue is opened beside it; and a
 * month some case already handled (closed or not opened) is not raised again, so running
 * reconciliation again over the same data never opens a second clue.
 */

export type ClueDecision =
  { kind: 'open'; periods: string[] } | { kind: 'covered'; caseId: string } | { kind: 'handled' };

export function clueDecision(
  entityId: string,
  redPeriods: readonly string[],
  casesOfEntity: readonly MergeCandidate[],
): ClueDecision | null {
  const red = normalisePeriods(redPeriods);
  if (!red.length) return null;
  const own = casesOfEntity.filter((c) => c.entityId === entityId);
  const open = findMergeTarget({ entityId, periods: red }, own);
  if (open) return { kind: 'covered', caseId: open.id };
  const seen = new Set(own.flatMap((c) => c.periods));
  const fresh = red.filter((p) => !seen.has(p));
  return fresh.length ? { kind: 'open', periods: fresh } : { kind: 'handled' };
}
