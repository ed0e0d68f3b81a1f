import { z } from 'zod';

/**
 * Shanghai's time-of-use hours (沪发改价管〔2022〕50号), kept as data so users can be shown which
 * hours belong to which period. Hours are [start, end) on a 24-hour clock; 22–6 is split at
 * midnight. Source: domain brief §4.
 */
export const TouPeriodSchema = z.enum(['sharp', 'peak', 'flat', 'valley', 'deep_valley', 'none']);
export type TouPeriod = z.infer<typeof TouPeriodSchema>;

export type HourRange = readonly [number, number];
export interface TouBand {
  tou: TouPeriod;
  hours: readonly HourRange[];
}

const VALLEY: TouBand = {
  tou: 'valley',
  hours: [
    [0, 6],
    [22, 24],
  ],
};

/** Two-part (两部制) users, by calendar month 1–12. */
const TWO_PART: Record<'summer' | 'september' | 'winter' | 'other', readonly TouBand[]> = {
  // July, August
  summer: [
    { tou: 'sharp', hours: [[12, 14]] },
    {
      tou: 'peak',
      hours: [
        [8, 12],
        [14, 15],
        [18, 21],
      ],
    },
    {
      tou: 'flat',
      hours: [
        [6, 8],
        [15, 18],
        [21, 22],
      ],
    },
    VALLEY,
  ],
  september: [
    {
      tou: 'peak',
      hours: [
        [8, 15],
        [18, 21],
      ],
    },
    {
      tou: 'flat',
      hours: [
        [6, 8],
        [15, 18],
        [21, 22],
      ],
    },
    VALLEY,
  ],
  // January, December
  winter: [
    { tou: 'sharp', hours: [[19, 21]] },
    {
      tou: 'peak',
      hours: [
        [8, 11],
        [18, 19],
      ],
    },
    {
      tou: 'flat',
      hours: [
        [6, 8],
        [11, 18],
        [21, 22],
      ],
    },
    VALLEY,
  ],
  other: [
    {
      tou: 'peak',
      hours: [
        [8, 11],
        [18, 21],
      ],
    },
    {
      tou: 'flat',
      hours: [
        [6, 8],
        [11, 18],
        [21, 22],
      ],
    },
    VALLEY,
  ],
};

/** Single-part (单一制) users: peak 6–22, valley 22–6, all year. */
const SINGLE_PART: readonly TouBand[] = [{ tou: 'peak', hours: [[6, 22]] }, VALLEY];

export function touSchedule(pricing: 'single' | 'two_part', month: number): readonly TouBand[] {
  if (!Number.isInteger(month) || month < 1 || month > 12)
    throw new RangeError(`month must be 1–12: ${month}`);
  if (pricing === 'single') return SINGLE_PART;
  if (month === 7 || month === 8) return TWO_PART.summer;
  if (month === 9) return TWO_PART.september;
  if (month === 1 || month === 12) return TWO_PART.winter;
  return TWO_PART.other;
}

/** The period an hour of the day (0–23) falls in. */
export function touAt(pricing: 'single' | 'two_part', month: number, hour: number): TouPeriod {
  const band = touSchedule(pricing, month).find((b) =>
    b.hours.some(([s, e]) => hour >= s && hour < e),
  );
  if (!band) throw new RangeError(`hour must be 0–23: ${hour}`);
  return band.tou;
}
