import type { HealthResponse } from '@zgd/shared-types';
import { apiGet } from './http-client';

export const fetchHealth = () => apiGet<HealthResponse>('/health');

/** True only when the API answered and says it (and its database) can serve requests. */
export async function isServiceAvailable(): Promise<boolean> {
  try {
    const health = await fetchHealth();
    return health.status === 'ok';
  } catch {
    return false;
  }
}
