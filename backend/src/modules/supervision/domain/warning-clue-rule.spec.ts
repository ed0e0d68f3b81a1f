import { describe, expect, it } from 'vitest';
import type { MergeCandidate } from '../../cases/domain';
import { clueDecision } from './warning-clue-rule';

const E = '91310112YUYU122BX0';
const OTHER = '91310115MA1K4XYZ3P';
const c = (id: string, periods: string[], state: MergeCandidate['state'], entityId = E) => ({
  id,
  entityId,
  periods,
  state,
});

describe('clueDecision', () => {
  it.each<[string, string[], MergeCandidate[], ReturnType<typeof clueDecision>]>([
    ['no red month', [], [], null],
    [
      'red months, no case',
      ['2025-04', '2025-03', '2025-03'],
      [],
      { kind: 'open', periods: ['2025-03', '2025-04'] },
    ],
    [
      'an open case sharing a month covers it',
      ['2025-03', '2025-04'],
      [c('k1', ['2025-04'], 'verifying')],
      { kind: 'covered', caseId: 'k1' },
    ],
    [
      'an open case of other months does not',
      ['2025-03'],
      [c('k1', ['2025-01'], 'registered')],
      { kind: 'open', periods: ['2025-03'] },
    ],
    [
      "another entity's open case does not",
      ['2025-03'],
      [c('k1', ['2025-03'], 'registered', OTHER)],
      { kind: 'open', periods: ['2025-03'] },
    ],
    [
      'months a closed case handled are not raised again',
      ['2025-03', '2025-04'],
      [c('k1', ['2025-03', '2025-04'], 'closed')],
      { kind: 'handled' },
    ],
    [
      'only the months no case handled',
      ['2025-03', '2025-05'],
      [c('k1', ['2025-03'], 'not_opened')],
      { kind: 'open', periods: ['2025-05'] },
    ],
    [
      'the open case sharing most months wins',
      ['2025-03', '2025-04'],
      [c('k2', ['2025-03'], 'assigned'), c('k1', ['2025-03', '2025-04'], 'investigating')],
      { kind: 'covered', caseId: 'k1' },
    ],
  ])('%s', (_, red, cases, expected) => {
    expect(clueDecision(E, red, cases)).toEqual(expected);
  });
});
