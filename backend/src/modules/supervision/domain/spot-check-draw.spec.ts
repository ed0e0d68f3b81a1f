import type { CreditClass } from '@zgd/shared-types';
import { describe, expect, it } from 'vitest';
import { drawSpotChecks, ratioToBp, type DrawCandidate, type DrawInput } from './spot-check-draw';

const DEFAULT_BP = { A: 500, B: 2000, C: 6000, D: 10_000 };
const uscc = (cls: string, i: number) => `9131011200${cls}${String(i).padStart(7, '0')}`;
const population = (perClass: number, last: number[] = []): DrawCandidate[] =>
  (['A', 'B', 'C', 'D'] as const).flatMap((creditClass) =>
    Array.from({ length: perClass }, (_, i) => ({
      entityId: uscc(creditClass, i),
      creditClass,
      lastInspectorIds: last,
    })),
  );
const input = (over: Partial<DrawInput> = {}): DrawInput => ({
  seed: 42,
  ratiosBp: DEFAULT_BP,
  candidates: population(20),
  roster: [11, 12, 13, 14, 15],
  ...over,
});
const items = (i: DrawInput) => {
  const r = drawSpotChecks(i);
  if (!r.ok) throw new Error(r.code);
  return r.items;
};

describe('drawSpotChecks', () => {
  it('repeats exactly from the same seed, whatever order the population comes in', () => {
    const a = items(input());
    const b = items(
      input({ candidates: [...population(20)].reverse(), roster: [15, 14, 13, 12, 11] }),
    );
    expect(b).toEqual(a);
    expect(items(input({ seed: 43 }))).not.toEqual(a);
  });

  it('draws every D entity and no entity of a class at 0 %', () => {
    const drawn = items(input({ ratiosBp: { A: 0, B: 0, C: 0, D: 10_000 } }));
    expect(drawn.map((x) => x.entityId)).toEqual(
      population(20)
        .filter((c) => c.creditClass === 'D')
        .map((c) => c.entityId),
    );
  });

  it('gives each entity two different inspectors, never one of its last check', () => {
    for (let seed = 0; seed < 200; seed++) {
      const drawn = items(input({ seed, candidates: population(5, [11, 13]) }));
      for (const x of drawn) {
        const [a, b] = x.inspectorIds;
        expect(a).not.toBe(b);
        expect([12, 14, 15]).toContain(a);
        expect([12, 14, 15]).toContain(b);
      }
    }
  });

  it('refuses a draw whose roster leaves fewer than two inspectors, naming the entities', () => {
    const r = drawSpotChecks(
      input({
        candidates: [{ entityId: uscc('D', 1), creditClass: 'D', lastInspectorIds: [11, 12] }],
        roster: [11, 12, 13],
      }),
    );
    expect(r).toEqual({ ok: false, code: 'ROSTER_TOO_SMALL', entityIds: [uscc('D', 1)] });
  });

  it('refuses an empty population', () => {
    expect(drawSpotChecks(input({ candidates: [] }))).toEqual({
      ok: false,
      code: 'EMPTY_POPULATION',
    });
  });

  it('counts the population per class', () => {
    const r = drawSpotChecks(input({ candidates: population(3).slice(0, 7) }));
    expect(r.ok && r.population).toEqual({ A: 3, B: 3, C: 1, D: 0 });
  });

  /*
   * Over many fixed seeds the share drawn of each class must match its ratio. Each entity is a
   * Bernoulli(p) trial, so over N trials Hoeffding's bound gives
   *   P(|p̂ − p| ≥ ε) ≤ 2·exp(−2Nε²);  ε = sqrt(ln(2/δ) / 2N)
   * With δ = 1e-9 a correct generator would fail this less than once in a billion seed sets;
   * the seeds are fixed, so it passes or fails the same way every time (never flaky).
   */
  it('samples each class at its ratio over 400 seeds, within the Hoeffding bound', () => {
    const perClass = 100;
    const seeds = 400;
    const candidates = population(perClass);
    const count: Record<CreditClass, number> = { A: 0, B: 0, C: 0, D: 0 };
    for (let seed = 1; seed <= seeds; seed++) {
      for (const x of items(
        input({ seed: (seed * 2_654_435_761) >>> 0, candidates, roster: [1, 2, 3] }),
      ))
        count[x.creditClass]++;
    }
    const n = perClass * seeds;
    const epsilon = Math.sqrt(Math.log(2 / 1e-9) / (2 * n));
    expect(epsilon).toBeLessThan(0.017);
    for (const cls of ['A', 'B', 'C', 'D'] as const) {
      const p = DEFAULT_BP[cls] / 10_000;
      expect(Math.abs(count[cls] / n - p), `class ${cls}`).toBeLessThan(epsilon);
    }
  });

  it('spreads the inspectors evenly over the roster', () => {
    const tally = new Map<number, number>();
    let picks = 0;
    for (let seed = 1; seed <= 300; seed++)
      for (const x of items(
        input({ seed, ratiosBp: { A: 10_000, B: 10_000, C: 10_000, D: 10_000 } }),
      ))
        for (const id of x.inspectorIds) {
          tally.set(id, (tally.get(id) ?? 0) + 1);
          picks++;
        }
    // Each of 5 inspectors takes 2/5 of the entities: share 1/5 of the picks.
    const epsilon = Math.sqrt(Math.log(2 / 1e-9) / (2 * (picks / 2)));
    for (const id of [11, 12, 13, 14, 15])
      expect(Math.abs((tally.get(id) ?? 0) / picks - 0.2), `inspector ${id}`).toBeLessThan(epsilon);
  });
});

describe('ratioToBp', () => {
  it.each([
    ['0.05', 500],
    ['0.2', 2000],
    ['1', 10_000],
    ['1.0', 10_000],
    ['0', 0],
    ['0.0001', 1],
    ['1.5', null],
    ['0.00001', null],
    ['5%', null],
    ['-0.1', null],
  ])('%s → %s', (text, bp) => {
    expect(ratioToBp(text)).toBe(bp);
  });
});
