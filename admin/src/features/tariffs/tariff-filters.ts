import {
  PRICING_LABELS,
  USER_CLASS_LABELS,
  VOLTAGE_LABELS,
  type TariffQuery,
} from '@zgd/shared-types';

/** What the page shows, kept in the address so a view can be shared or bookmarked. */
export interface TariffFilters {
  userClass: NonNullable<TariffQuery['userClass']>;
  voltage: NonNullable<TariffQuery['voltage']>;
  pricing: NonNullable<TariffQuery['pricing']>;
  /** YYYY-MM; undefined: the newest month with prices. */
  month?: string;
  /** YYYY-MM to compare `month` with. */
  compare?: string;
}

export const DEFAULT_FILTERS: TariffFilters = {
  userClass: 'general_commercial',
  voltage: 'kv_1_10',
  pricing: 'two_part',
};

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const oneOf = <T extends string>(
  labels: Record<string, string>,
  value: string | null,
  fallback: T,
) => (value !== null && value in labels ? (value as T) : fallback);

export function filtersFrom(params: URLSearchParams): TariffFilters {
  const month = params.get('month');
  const compare = params.get('compare');
  return {
    userClass: oneOf(USER_CLASS_LABELS, params.get('userClass'), DEFAULT_FILTERS.userClass),
    voltage: oneOf(VOLTAGE_LABELS, params.get('voltage'), DEFAULT_FILTERS.voltage),
    pricing: oneOf(PRICING_LABELS, params.get('pricing'), DEFAULT_FILTERS.pricing),
    month: month && MONTH.test(month) ? month : undefined,
    compare: compare && MONTH.test(compare) ? compare : undefined,
  };
}

export function paramsFrom(filters: TariffFilters): Record<string, string> {
  const params: Record<string, string> = {
    userClass: filters.userClass,
    voltage: filters.voltage,
    pricing: filters.pricing,
  };
  if (filters.month) params.month = filters.month;
  if (filters.compare) params.compare = filters.compare;
  return params;
}

export const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
