import { describe, expect, it } from 'vitest';
import { resolveTariffVersions, tariffOn, type TariffVersion } from './tariff-versions';

const row = (
  tou: string,
  from: string,
  to: string | null,
  price = '1',
): TariffVersion & { price: string } => ({
  userClass: 'general_commercial',
  voltage: 'lt_1kv',
  pricing: 'single',
  tou,
  effectiveFrom: from,
  effectiveTo: to,
  price,
});

describe('resolveTariffVersions', () => {
  it.each([
    {
      name: 'a newer open-ended row ends the older open-ended one',
      rows: [row('none', '2025-01-01', null, 'a'), row('none', '2025-07-01', null, 'b')],
      on: { '2025-06-30': 'a', '2025-07-01': 'b', '2030-01-01': 'b', '2024-12-31': undefined },
    },
    {
      name: 'a bounded row keeps its own end when the next row starts later',
      rows: [row('none', '2025-01-01', '2025-02-01', 'a'), row('none', '2025-03-01', null, 'b')],
      on: { '2025-01-31': 'a', '2025-02-15': undefined, '2025-03-01': 'b' },
    },
    {
      name: 'rows arrive in any order',
      rows: [row('none', '2025-07-01', null, 'b'), row('none', '2025-01-01', null, 'a')],
      on: { '2025-03-01': 'a', '2025-08-01': 'b' },
    },
    {
      name: 'keys do not interfere',
      rows: [row('peak', '2025-01-01', null, 'p'), row('valley', '2025-07-01', null, 'v')],
      on: { '2025-08-01': 'p' },
    },
  ])('$name', ({ rows, on }) => {
    const resolved = resolveTariffVersions(rows);
    for (const [day, price] of Object.entries(on)) {
      const key = rows[0].tou;
      expect(
        tariffOn(
          resolved.filter((r) => r.tou === key),
          day,
        )?.price,
        day,
      ).toBe(price);
    }
  });

  it('never leaves two rows of one key in force on the same day', () => {
    const rows = [
      row('none', '2025-01-01', null),
      row('none', '2025-04-01', '2025-09-01'),
      row('none', '2025-06-01', null),
    ];
    const resolved = resolveTariffVersions(rows);
    for (let m = 1; m <= 12; m++) {
      const day = `2025-${String(m).padStart(2, '0')}-15`;
      expect(
        resolved.filter(
          (r) => r.effectiveFrom <= day && (r.effectiveTo === null || day < r.effectiveTo),
        ),
      ).toHaveLength(1);
    }
  });
});
