import type { TariffQuery, TariffView, TouBand } from '@zgd/shared-types';
import { apiGet, queryString, type RequestOptions } from './http-client';

/** Every stored version of the matching prices, each with the dates it is in force. */
export const fetchTariffs = (query: TariffQuery, options?: RequestOptions) =>
  apiGet<TariffView[]>(`/tariffs${queryString({ ...query })}`, options);

/** Shanghai's time-of-use hours for a pricing and a calendar month (1–12). */
export const fetchTouHours = (
  pricing: 'single' | 'two_part',
  month: number,
  options?: RequestOptions,
) => apiGet<TouBand[]>(`/tariffs/tou-hours${queryString({ pricing, month })}`, options);
