import type { SettingView } from '@zgd/shared-types';
import { apiGet, request, type RequestOptions } from '../../api/http-client';

export const fetchSettings = (options?: RequestOptions) =>
  apiGet<SettingView[]>('/settings', options);

export const updateSetting = (key: string, value: string) =>
  request<SettingView>('PUT', `/settings/${encodeURIComponent(key)}`, { value });
