import type { TouPeriod } from '@zgd/shared-types';

/** Period colours: warm for dear hours, cool for cheap ones; text colour readable on each. */
export const TOU_COLORS: Record<TouPeriod, { background: string; text: string }> = {
  sharp: { background: '#a8071a', text: '#fff' },
  peak: { background: '#fa8c16', text: '#fff' },
  flat: { background: '#ffe58f', text: 'rgba(0,0,0,0.85)' },
  valley: { background: '#69b1ff', text: '#fff' },
  deep_valley: { background: '#003eb3', text: '#fff' },
  none: { background: '#d9d9d9', text: 'rgba(0,0,0,0.85)' },
};
