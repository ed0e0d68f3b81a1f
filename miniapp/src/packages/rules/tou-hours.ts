import type { TouBand, TouPeriod } from '@zgd/shared-types';

/** The period of each hour 0–23 from the bands the API gives; null for an hour no band holds. */
export function hourPeriods(bands: readonly TouBand[]): (TouPeriod | null)[] {
  return Array.from({ length: 24 }, (_, hour) => {
    const band = bands.find((b) => b.hours.some(([start, end]) => hour >= start && hour < end));
    return band ? band.tou : null;
  });
}

/** "8–11、18–21 时" for a band. */
export function hoursText(band: TouBand): string {
  return `${band.hours.map(([start, end]) => `${start}–${end}`).join('、')} 时`;
}
