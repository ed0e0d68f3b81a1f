import { describe, expect, it } from 'vitest';
import { trendOf, warningLevelOf, type EntityMonthRecord } from './warning-level';

const t = { redRefundFen: 50_000n, redTenantCount: 3 };
const month = (over: Partial<EntityMonthRecord>): EntityMonthRecord => ({
  entityId: '91310112YUYU122BX0',
  period: '2025-03',
  refundFen: 0n,
  tenantsAffected: 0,
  findingTypes: [],
  ...over,
});

describe('warningLevelOf', () => {
  it.each([
    ['nothing found', {}, 'green', []],
    ['a small refund', { refundFen: 49_999n, tenantsAffected: 1 }, 'yellow', ['SMALL_REFUND']],
    [
      'a refund at the threshold',
      { refundFen: 50_000n, tenantsAffected: 1 },
      'red',
      ['REFUND_ABOVE_THRESHOLD'],
    ],
    [
      'three tenants owed a little',
      { refundFen: 300n, tenantsAffected: 3 },
      'red',
      ['MANY_TENANTS'],
    ],
    [
      'a fixed price through a price change',
      { findingTypes: ['FIXED_PRICE'], tenantsAffected: 1 },
      'red',
      ['FIXED_PRICE'],
    ],
    ['a prohibited fee', { findingTypes: ['PROHIBITED_FEE'] }, 'red', ['PROHIBITED_FEE']],
    [
      'a month that cannot be judged',
      { findingTypes: ['MISSING_GRID_BILL'] },
      'yellow',
      ['OTHER_FINDINGS'],
    ],
    [
      'every red reason at once, in a stable order',
      { refundFen: 900_000n, tenantsAffected: 5, findingTypes: ['PROHIBITED_FEE', 'FIXED_PRICE'] },
      'red',
      ['REFUND_ABOVE_THRESHOLD', 'MANY_TENANTS', 'FIXED_PRICE', 'PROHIBITED_FEE'],
    ],
  ] as const)('%s → %s', (_, over, level, codes) => {
    const r = warningLevelOf(month(over), t);
    expect(r.level).toBe(level);
    expect(r.reasons.map((x) => x.code)).toEqual(codes);
  });

  it('says the amount and the threshold in the reason, in 元', () => {
    const r = warningLevelOf(month({ refundFen: 123_456n, tenantsAffected: 1 }), t);
    expect(r.reasons[0].message).toBe('应退电费 1234.56 元，达到红色预警线 500.00 元');
  });

  it('a zero threshold does not make an empty month red', () => {
    expect(warningLevelOf(month({}), { redRefundFen: 0n, redTenantCount: 0 }).level).toBe('green');
  });
});

describe('trendOf', () => {
  it.each([
    [[], null],
    [['red'], null],
    [['green', 'red'], 'worse'],
    [['red', 'yellow'], 'better'],
    [['red', 'green', 'green'], 'same'],
    [['green', 'yellow'], 'worse'],
  ] as const)('%j → %s', (levels, trend) => {
    expect(trendOf(levels)).toBe(trend);
  });
});
