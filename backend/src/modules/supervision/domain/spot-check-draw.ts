import type { CreditClass } from '@zgd/shared-types';
import { compareCodePoints } from '../../reconciliation/domain/code-point-order';
import { bernoulliBp, mulberry32, PRNG_NAME, uniformBelow } from './prng';

/*
 * 双随机一公开: random entities, random inspectors, results published. The draw is a pure
 * function of its seed, the sampling ratios, the population and the roster, so anyone holding
 * the published seed can repeat it. The order the generator is consumed in is part of the
 * algorithm (ALGORITHM below names the version):
 *
 *   1. candidates sorted by class (A, B, C, D), then by 统一社会信用代码 (code points);
 *   2. one uint32 per candidate, in that order: drawn if it is below ratio × 2^32
 *      (each entity independently, so the sampled share of a class follows Binomial(n, ratio));
 *   3. for each drawn entity in the same order: the roster sorted by user id, without the
 *      inspectors of the entity's last check; the first inspector is uniform over it, the second
 *      uniform over the rest (rejection sampling, no modulo bias).
 */

export const ALGORITHM = `${PRNG_NAME}/bernoulli-by-class/v1`;
export const CREDIT_CLASSES: readonly CreditClass[] = ['A', 'B', 'C', 'D'];

export interface DrawCandidate {
  entityId: string;
  creditClass: CreditClass;
  /** Who inspected it last time: neither may inspect it again now. */
  lastInspectorIds: readonly number[];
}

export interface DrawInput {
  seed: number;
  /** Sampling ratio of each class in basis points (5 % = 500). */
  ratiosBp: Readonly<Record<CreditClass, number>>;
  candidates: readonly DrawCandidate[];
  /** User ids of the district's inspectors (district officers). */
  roster: readonly number[];
}

export interface DrawnItem {
  entityId: string;
  creditClass: CreditClass;
  inspectorIds: [number, number];
}

export type DrawOutcome =
  | { ok: true; items: DrawnItem[]; population: Record<CreditClass, number> }
  | { ok: false; code: 'EMPTY_POPULATION' }
  | { ok: false; code: 'ROSTER_TOO_SMALL'; entityIds: string[] };

const classRank = (c: CreditClass) => CREDIT_CLASSES.indexOf(c);

export function drawSpotChecks(input: DrawInput): DrawOutcome {
  if (!input.candidates.length) return { ok: false, code: 'EMPTY_POPULATION' };
  const next = mulberry32(input.seed);
  const ordered = [...input.candidates].sort(
    (a, b) =>
      classRank(a.creditClass) - classRank(b.creditClass) ||
      compareCodePoints(a.entityId, b.entityId),
  );
  const population = { A: 0, B: 0, C: 0, D: 0 };
  for (const c of ordered) population[c.creditClass]++;
  const drawn = ordered.filter((c) => bernoulliBp(next, input.ratiosBp[c.creditClass]));
  const roster = [...new Set(input.roster)].sort((a, b) => a - b);
  const short = drawn.filter((c) => eligible(roster, c).length < 2).map((c) => c.entityId);
  if (short.length) return { ok: false, code: 'ROSTER_TOO_SMALL', entityIds: short };
  const items = drawn.map((c): DrawnItem => {
    const pool = eligible(roster, c);
    const first = pool.splice(uniformBelow(next, pool.length), 1)[0];
    const second = pool[uniformBelow(next, pool.length)];
    return { entityId: c.entityId, creditClass: c.creditClass, inspectorIds: [first, second] };
  });
  return { ok: true, items, population };
}

function eligible(roster: readonly number[], c: DrawCandidate): number[] {
  const last = new Set(c.lastInspectorIds);
  return roster.filter((id) => !last.has(id));
}

/** "0.05" → 500 basis points; null when it is not a fraction in [0, 1] with ≤ 4 places. */
export function ratioToBp(text: string): number | null {
  const m = /^(0|1)(?:\.(\d{1,4}))?$/.exec(text.trim());
  if (!m) return null;
  const bp = Number(m[1]) * 10_000 + Number((m[2] ?? '').padEnd(4, '0'));
  return bp <= 10_000 ? bp : null;
}
