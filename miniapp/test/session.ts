import type { Me } from '@zgd/shared-types';
import { saveSession } from '../src/services/session';

/** Signs the tests' user in: a token valid for a day. */
export function signIn(token = 'test-token'): void {
  saveSession({ token, expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
}

export const TENANT: Me = {
  userId: 6,
  username: 'tenant',
  displayName: '租户1号商行',
  role: 'tenant',
  districtCode: null,
  entityId: null,
  tenantId: '91310109PRMU98K65L',
};

export const HEALTHY = { status: 'ok', database: { type: 'sqlite', ok: true }, version: '0.1.0' };
