import { describe, expect, it } from 'vitest';
import { CaseErrorCode } from './case-errors';
import { SYSTEM_ACTOR, type CaseState } from './case-model';
import { transition } from './case-workflow';
import { findMergeTarget, type MergeCandidate } from './merge-rules';
import { ACTORS, caseIn, ENTITY, NOW, OTHER_ENTITY } from './testing/case-fixtures';

const open = (id: string, periods: string[], state: CaseState = 'verifying', entityId = ENTITY) =>
  ({ id, entityId, periods, state }) satisfies MergeCandidate;

describe('findMergeTarget', () => {
  const report = { entityId: ENTITY, periods: ['2025-03', '2025-04'] };

  it.each([
    { what: 'no cases', cases: [], target: null },
    {
      what: 'the same entity, a month in common',
      cases: [open('C1', ['2025-04', '2025-05'])],
      target: 'C1',
    },
    { what: 'the same entity, no month in common', cases: [open('C1', ['2025-05'])], target: null },
    {
      what: 'another entity, same months',
      cases: [open('C1', ['2025-03'], 'verifying', OTHER_ENTITY)],
      target: null,
    },
    { what: 'a closed case', cases: [open('C1', ['2025-03'], 'closed')], target: null },
    { what: 'a case not opened', cases: [open('C1', ['2025-03'], 'not_opened')], target: null },
    {
      what: 'a case under investigation',
      cases: [open('C1', ['2025-03'], 'investigating')],
      target: 'C1',
    },
    {
      what: 'a case in refund supervision',
      cases: [open('C1', ['2025-03'], 'refund_supervision')],
      target: 'C1',
    },
    {
      what: 'a closed case and an open one',
      cases: [open('C1', ['2025-03', '2025-04'], 'closed'), open('C2', ['2025-04'])],
      target: 'C2',
    },
    {
      what: 'two open cases, one sharing more months',
      cases: [open('C1', ['2025-04']), open('C2', ['2025-03', '2025-04'])],
      target: 'C2',
    },
    {
      what: 'two open cases sharing as many months',
      cases: [open('C7', ['2025-04']), open('C3', ['2025-03'])],
      target: 'C3',
    },
  ])('$what → $target', ({ cases, target }) => {
    expect(findMergeTarget(report, cases)?.id ?? null).toBe(target);
  });

  it('picks the same case whatever order the candidates come in', () => {
    const cases = [open('C9', ['2025-03']), open('C2', ['2025-04']), open('C5', ['2025-03'])];
    const picks = [cases, [...cases].reverse(), [cases[1], cases[2], cases[0]]].map(
      (order) => findMergeTarget(report, order)?.id,
    );
    expect(picks).toEqual(['C2', 'C2', 'C2']);
  });

  it('counts a month listed twice once', () => {
    const twice = { entityId: ENTITY, periods: ['2025-03', '2025-03'] };
    expect(
      findMergeTarget(twice, [open('C1', ['2025-03']), open('C0', ['2025-03', '2025-04'])])?.id,
    ).toBe('C0');
  });
});

describe('merging a report into its case', () => {
  const merge = (changes: object = {}) =>
    ({
      type: 'merge',
      reportId: 'R-0002',
      entityId: ENTITY,
      periods: ['2025-05', '2025-06'],
      ...changes,
    }) as const;

  it('adds the report and its months, keeping the state', () => {
    const done = transition(caseIn('investigating'), merge(), SYSTEM_ACTOR, NOW);
    expect(done).toMatchObject({
      ok: true,
      case: {
        state: 'investigating',
        reportIds: ['R-0001', 'R-0002'],
        periods: ['2025-03', '2025-04', '2025-05', '2025-06'],
      },
      event: {
        action: 'merge',
        actor: { role: 'system', userId: null },
        details: { reportId: 'R-0002' },
      },
    });
  });

  it.each([
    {
      what: 'the same report again',
      changes: { reportId: 'R-0001' },
      code: CaseErrorCode.ALREADY_MERGED,
    },
    {
      what: 'another entity’s conduct',
      changes: { entityId: OTHER_ENTITY },
      code: CaseErrorCode.MERGE_MISMATCH,
    },
    {
      what: 'months not in the case',
      changes: { periods: ['2024-01'] },
      code: CaseErrorCode.MERGE_MISMATCH,
    },
    {
      what: 'a malformed month',
      changes: { periods: ['2025-5'] },
      code: CaseErrorCode.INVALID_PERIOD,
    },
  ])('refuses $what', ({ changes, code }) => {
    expect(
      transition(caseIn('verifying'), merge(changes), ACTORS.district_officer, NOW),
    ).toMatchObject({
      ok: false,
      code,
    });
  });

  it('does not merge into a closed case', () => {
    expect(transition(caseIn('closed'), merge(), SYSTEM_ACTOR, NOW)).toMatchObject({
      code: CaseErrorCode.ALREADY_CLOSED,
    });
  });
});
