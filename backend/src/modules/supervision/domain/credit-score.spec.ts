import { describe, expect, it } from 'vitest';
import { assessCredit, classOf, type CaseFacts, type CreditRecord } from './credit-score';

const NOW = new Date('2026-06-01T00:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const clean: CreditRecord = {
  redMonths: 0,
  yellowMonths: 0,
  reports: 0,
  spotCheckViolations: [],
  cases: [],
  listed: false,
};
const decided = (days: number, over: Partial<CaseFacts> = {}): CaseFacts => ({
  open: false,
  opened: true,
  refused: false,
  decidedAt: daysAgo(days),
  penalised: true,
  heavy: false,
  refundOrders: 2,
  refundOrdersSettled: 2,
  ...over,
});
const pending: CaseFacts = {
  open: true,
  opened: false,
  refused: false,
  decidedAt: null,
  penalised: false,
  heavy: false,
  refundOrders: 0,
  refundOrdersSettled: 0,
};

const points = (r: CreditRecord) =>
  Object.fromEntries(assessCredit(r, NOW).factors.map((f) => [f.code, f.points]));

describe('assessCredit', () => {
  it.each<[string, 'A' | 'B' | 'C' | 'D', number, CreditRecord]>([
    ['a clean record', 'A', 0, clean],
    ['one yellow month', 'A', 2, { ...clean, yellowMonths: 1 }],
    ['one red month', 'B', 8, { ...clean, redMonths: 1 }],
    [
      'one red month and a report under check',
      'B',
      13,
      { ...clean, redMonths: 1, reports: 1, cases: [pending] },
    ],
    [
      'three red months and a report',
      'C',
      29,
      { ...clean, redMonths: 3, reports: 1, cases: [pending] },
    ],
    // 24 findings + 6 opened + 10 penalty − 5 refunds done + 10 recent.
    ['red months and a fresh penalty', 'D', 45, { ...clean, redMonths: 4, cases: [decided(30)] }],
    // 6 opened − 5 refunds done − 5 after two years.
    ['one old violation, refunds done', 'A', 0, { ...clean, cases: [decided(800)] }],
    ['listed on 列严', 'D', 100, { ...clean, listed: true }],
    [
      'one violation found on a spot check',
      'B',
      8,
      { ...clean, spotCheckViolations: [daysAgo(10)] },
    ],
    // 8 for the check + 3 for the clue it opened, still before 立案.
    [
      'a spot-check violation and its clue',
      'B',
      11,
      { ...clean, spotCheckViolations: [daysAgo(10)], cases: [pending] },
    ],
    // 16 (two checks, capped) + 8 for a red month.
    [
      'three spot-check violations and a red month',
      'C',
      24,
      { ...clean, redMonths: 1, spotCheckViolations: [daysAgo(10), daysAgo(200), daysAgo(600)] },
    ],
  ])('%s → %s (%i)', (_, cls, score, record) => {
    const a = assessCredit(record, NOW);
    expect(a.creditClass).toBe(cls);
    expect(a.score).toBe(score);
  });

  it('explains every factor, in a fixed order', () => {
    const a = assessCredit({ ...clean, redMonths: 2, yellowMonths: 1 }, NOW);
    expect(a.factors.map((f) => f.code)).toEqual([
      'FINDINGS',
      'REPORTS',
      'SPOT_CHECKS',
      'CASES',
      'PENALTIES',
      'REFUNDS',
      'REPEAT',
      'TIME_SINCE_VIOLATION',
    ]);
    expect(a.factors[0].explanation).toContain('红色预警 2 个月');
    expect(a.factors.every((f) => f.explanation.length > 0)).toBe(true);
  });

  it.each<[string, Date[], number, string]>([
    ['none', [], 0, '未发现违法行为'],
    ['one a year ago', [daysAgo(365)], 8, '发现违法行为 1 次'],
    ['one on the last day of two years', [daysAgo(730)], 8, '1 次'],
    ['one just over two years ago', [daysAgo(731)], 0, '未发现违法行为'],
    ['three, capped', [daysAgo(1), daysAgo(2), daysAgo(3)], 16, '3 次'],
  ])('scores spot-check violations: %s → %i', (_, dates, pts, text) => {
    const f = assessCredit({ ...clean, spotCheckViolations: dates }, NOW).factors.find(
      (x) => x.code === 'SPOT_CHECKS',
    )!;
    expect(f.points).toBe(pts);
    expect(f.label).toBe('双随机抽查');
    expect(f.explanation).toContain(text);
  });

  it('counts repeat conduct only within two years', () => {
    expect(points({ ...clean, cases: [decided(100), decided(400)] }).REPEAT).toBe(15);
    expect(points({ ...clean, cases: [decided(100), decided(900)] }).REPEAT).toBe(0);
  });

  it('weighs outstanding refunds, and rewards refunds completed', () => {
    expect(points({ ...clean, cases: [decided(30, { refundOrdersSettled: 0 })] }).REFUNDS).toBe(6);
    expect(points({ ...clean, cases: [decided(30)] }).REFUNDS).toBe(-5);
    expect(points(clean).REFUNDS).toBe(0);
  });

  it('weighs a heavy penalty twice', () => {
    expect(points({ ...clean, cases: [decided(30, { heavy: true })] }).PENALTIES).toBe(20);
  });

  it.each([
    [0, 'A'],
    [4, 'A'],
    [5, 'B'],
    [19, 'B'],
    [20, 'C'],
    [39, 'C'],
    [40, 'D'],
  ] as const)('score %i is class %s', (score, cls) => {
    expect(classOf(score)).toBe(cls);
  });

  it('never scores below zero', () => {
    // 6 for the case, −5 for refunds done, −5 for a violation over two years old.
    expect(
      assessCredit({ ...clean, cases: [decided(1000, { penalised: false })] }, NOW).score,
    ).toBe(0);
  });
});
