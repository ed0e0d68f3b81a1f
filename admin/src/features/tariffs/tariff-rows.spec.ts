import type { TariffView } from '@zgd/shared-types';
import { describe, expect, it } from 'vitest';
import { compareMonths, inForce, latestMonth } from './tariff-rows';

let id = 0;
function row(tou: string, unitPrice: string, from: string, to: string | null): TariffView {
  id += 1;
  return {
    id,
    userClass: 'general_commercial',
    voltage: 'kv_1_10',
    pricing: 'two_part',
    tou,
    unitPrice,
    effectiveFrom: from,
    effectiveTo: to,
  };
}

const july = [
  row('valley', '0.31910', '2025-07-01', '2025-08-01'),
  row('peak', '1.16370', '2025-07-01', '2025-08-01'),
  row('sharp', '1.43520', '2025-07-01', '2025-08-01'),
  row('flat', '0.68110', '2025-07-01', '2025-08-01'),
];
const august = [
  row('peak', '1.20778', '2025-08-01', '2025-09-01'),
  row('flat', '0.70570', '2025-08-01', '2025-09-01'),
];
const september = [row('peak', '1.14136', '2025-09-01', null)];
const rows = [...july, ...august, ...september];

describe('inForce', () => {
  it('keeps the rows in force on the first of the month, dearest period first', () => {
    expect(inForce(rows, '2025-07').map((r) => r.tou)).toEqual(['sharp', 'peak', 'flat', 'valley']);
  });

  it('treats the end date as exclusive and an open end as lasting', () => {
    expect(inForce(rows, '2025-08').map((r) => r.unitPrice)).toEqual(['1.20778', '0.70570']);
    expect(inForce(rows, '2026-03').map((r) => r.unitPrice)).toEqual(['1.14136']);
    expect(inForce(rows, '2025-06')).toEqual([]);
  });
});

describe('latestMonth', () => {
  it('is the month of the newest start date, or the next one for a mid-month start', () => {
    expect(latestMonth(rows)).toBe('2025-09');
    expect(latestMonth([row('peak', '1', '2025-12-15', null)])).toBe('2026-01');
    expect(latestMonth([])).toBeNull();
  });
});

describe('compareMonths', () => {
  it('pairs the periods of two months with the exact difference', () => {
    const compared = compareMonths(rows, '2025-07', '2025-08');
    expect(
      compared.map((c) => [c.tou, c.base?.unitPrice, c.other?.unitPrice, c.difference]),
    ).toEqual([
      ['sharp', '1.43520', undefined, null],
      ['peak', '1.16370', '1.20778', '0.04408'],
      ['flat', '0.68110', '0.70570', '0.02460'],
      ['valley', '0.31910', undefined, null],
    ]);
    expect(compared[1]!.percent).toBe('3.79');
  });

  it('lists a period found only in the second month', () => {
    const compared = compareMonths(rows, '2025-09', '2025-07');
    expect(compared.map((c) => c.tou)).toEqual(['sharp', 'peak', 'flat', 'valley']);
    expect(compared[0]!.base).toBeUndefined();
    expect(compared[1]!.difference).toBe('0.02234');
  });
});
