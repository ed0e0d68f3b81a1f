import type { HealthResponse } from '@zgd/shared-types';
import { apiGet, type RequestOptions } from './http-client';

export const fetchHealth = (options?: RequestOptions) => apiGet<HealthResponse>('/health', options);
