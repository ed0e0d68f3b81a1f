import type { TariffView } from '@zgd/shared-types';
import { describe, expect, it } from 'vitest';
import { monthOf, tariffsInForce } from './tariffs-api';

const row = (id: number, tou: string, from: string, to: string | null): TariffView => ({
  id,
  userClass: 'general_commercial',
  voltage: 'kv_1_10',
  pricing: 'two_part',
  tou,
  unitPrice: `0.${id}0000`,
  effectiveFrom: from,
  effectiveTo: to,
});

const rows = [
  row(1, 'peak', '2025-06-01', '2025-07-01'),
  row(2, 'peak', '2025-07-01', '2025-08-01'),
  row(3, 'valley', '2025-07-01', '2025-08-01'),
  row(4, 'peak', '2025-08-01', null),
];

describe('tariffsInForce', () => {
  it('keeps the rows in force on the first day of the month', () => {
    expect(tariffsInForce(rows, '2025-07')).toEqual({ month: '2025-07', rows: [rows[1], rows[2]] });
    expect(tariffsInForce(rows, '2026-11')?.rows).toEqual([rows[3]]);
  });

  it('falls back to the newest table when none is in force that month', () => {
    const ended = rows.slice(0, 3);
    expect(tariffsInForce(ended, '2026-11')).toEqual({
      month: '2025-07',
      rows: [rows[1], rows[2]],
    });
    expect(tariffsInForce([], '2026-11')).toBeNull();
  });

  it('names the month of a date', () => {
    expect(monthOf(new Date(2026, 0, 31))).toBe('2026-01');
  });
});
