import { describe, expect, it } from 'vitest';
import type { FindingType } from './findings';
import { verdictFor } from './verdict';

describe('verdictFor', () => {
  it.each<[string, FindingType[], bigint, 'green' | 'yellow' | 'red']>([
    ['nothing found', [], 0n, 'green'],
    ['a refund of 9.99 is a small difference', ['AMOUNT_MISMATCH'], 999n, 'yellow'],
    ['a refund of exactly 10.00 is red', ['PRICE_ABOVE_GRID'], 1000n, 'red'],
    ['a residual share alone still counts', ['OVER_COLLECTION'], 1500n, 'red'],
    ['a prohibited fee is red even when tiny', ['PROHIBITED_FEE'], 1n, 'red'],
    ['a fixed price is red with no amount', ['FIXED_PRICE'], 0n, 'red'],
    ['a missing grid bill cannot be green', ['MISSING_GRID_BILL'], 0n, 'yellow'],
    ['a grid-side tariff mismatch is yellow', ['TARIFF_MISMATCH'], 0n, 'yellow'],
  ])('%s', (_, types, refund, level) => {
    const v = verdictFor(types, refund);
    expect(v.level).toBe(level);
    if (level !== 'green') expect(v.reasons.length).toBeGreaterThan(0);
  });

  it('states the refund to the fen', () => {
    expect(verdictFor(['PRICE_ABOVE_GRID'], 123456n)).toMatchObject({
      refund: '1234.56',
      reasons: ['应退还 1234.56 元'],
    });
  });

  it('honours a configured threshold', () => {
    expect(verdictFor(['PRICE_ABOVE_GRID'], 999n, { redRefundFen: 500n }).level).toBe('red');
  });
});
