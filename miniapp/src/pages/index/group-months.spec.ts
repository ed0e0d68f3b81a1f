import type { TenantMonthSummary } from '@zgd/shared-types';
import { describe, expect, it } from 'vitest';
import { groupByPremises, pageOfMonths } from './group-months';

const month = (accountNo: string, period: string, entityId = 'E1'): TenantMonthSummary => ({
  entityId,
  entityName: `主体${entityId}`,
  districtCode: '310112',
  accountNo,
  period,
  verdict: { level: 'green', refund: '0.00', reasons: [] },
  findingTypes: [],
  runId: 1,
});

describe('groupByPremises', () => {
  it('groups by entity and account, newest month first, newest premises first', () => {
    const groups = groupByPremises([
      month('A', '2025-01'),
      month('B', '2025-06'),
      month('A', '2025-03'),
      month('A', '2025-03', 'E2'),
    ]);
    expect(groups.map((g) => g.key)).toEqual(['E1/B', 'E1/A', 'E2/A']);
    expect(groups[1].months.map((m) => m.period)).toEqual(['2025-03', '2025-01']);
  });
});

describe('pageOfMonths', () => {
  const many = [
    ...Array.from({ length: 30 }, (_, i) =>
      month('A', `20${10 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`),
    ),
    ...Array.from({ length: 30 }, (_, i) =>
      month('B', `19${70 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`),
    ),
  ];
  const groups = groupByPremises(many);

  it('cuts a premises at a page boundary and shows it on both pages', () => {
    const first = pageOfMonths(groups, 0, 50);
    expect(first).toMatchObject({ page: 0, pageCount: 2, total: 60 });
    expect(first.groups.map((g) => [g.accountNo, g.months.length])).toEqual([
      ['A', 30],
      ['B', 20],
    ]);
    const second = pageOfMonths(groups, 1, 50);
    expect(second.groups.map((g) => [g.accountNo, g.months.length])).toEqual([['B', 10]]);
    expect(second.groups[0].months[0].period).toBe(groups[1].months[20].period);
  });

  it('clamps the page to the pages there are', () => {
    expect(pageOfMonths(groups, 9, 50).page).toBe(1);
    expect(pageOfMonths([], 3).pageCount).toBe(1);
  });
});
