import { describe, expect, it } from 'vitest';
import { DEMO_MONTHS, SHEET_2025_03 } from '../../../test/fixtures';
import { barPercents, chartPeriods, pricePoint } from './price-history';

describe('chartPeriods', () => {
  it('takes the newest 12 months of one premises, oldest first', () => {
    const months = Array.from({ length: 15 }, (_, i) => ({
      ...DEMO_MONTHS[0],
      period: `2024-${String((i % 12) + 1).padStart(2, '0')}`.replace(
        /^2024/,
        i < 12 ? '2024' : '2025',
      ),
    }));
    const other = { ...DEMO_MONTHS[0], accountNo: 'other', period: '2026-01' };
    const periods = chartPeriods([...months, other], DEMO_MONTHS[0].entityId, '3100000002');
    expect(periods).toHaveLength(12);
    expect(periods[0]).toBe('2024-04');
    expect(periods[11]).toBe('2025-03');
  });
});

describe('pricePoint', () => {
  it('takes the energy line without time of use, with its allowed price', () => {
    expect(pricePoint(SHEET_2025_03)).toEqual({
      period: '2025-03',
      myPrice: '1.20000',
      allowedPrice: '0.792507',
      tou: null,
      over: true,
    });
  });

  it('takes the time-of-use line with the most kWh when there is no flat one', () => {
    const base = SHEET_2025_03.lines[0];
    const sheet = {
      ...SHEET_2025_03,
      lines: [
        {
          ...base,
          tou: 'valley',
          kwh: '900.000',
          unitPrice: '0.45903',
          allowedPrice: '0.45903',
          difference: '0.00',
        },
        {
          ...base,
          tou: 'peak',
          kwh: '1200.000',
          unitPrice: '0.95000',
          allowedPrice: '0.88844',
          difference: '73.87',
        },
      ],
    };
    expect(pricePoint(sheet)).toMatchObject({ myPrice: '0.95000', tou: 'peak', over: true });
  });

  it('is empty for a month without energy lines', () => {
    expect(pricePoint({ ...SHEET_2025_03, lines: [SHEET_2025_03.lines[1]] }).myPrice).toBeNull();
  });
});

describe('barPercents', () => {
  it('scales every bar to the highest price', () => {
    expect(
      barPercents([
        { period: 'a', myPrice: '1.20000', allowedPrice: '0.600000', tou: null, over: true },
        { period: 'b', myPrice: null, allowedPrice: null, tou: null, over: false },
      ]),
    ).toEqual([
      { my: 100, allowed: 50 },
      { my: 0, allowed: 0 },
    ]);
  });
});
