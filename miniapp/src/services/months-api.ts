import type { TenantMonthSheet, TenantMonthSummary } from '@zgd/shared-types';
import { apiGet } from './http-client';

/** The signed-in tenant's supply months, newest first as the API orders them. */
export const fetchMyMonths = () => apiGet<TenantMonthSummary[]>('/me/months');

export const fetchMonthSheet = (accountNo: string, period: string) =>
  apiGet<TenantMonthSheet>(
    `/me/months/${encodeURIComponent(accountNo)}/${encodeURIComponent(period)}`,
  );
