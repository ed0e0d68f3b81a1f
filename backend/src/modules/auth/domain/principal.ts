import type { Role } from '@zgd/shared-types';

export type { Role };

/** The signed-in user a request acts for, as the auth guard resolved it from the session. */
export interface Principal {
  userId: number;
  username: string;
  role: Role;
  /** GB/T 2260 district of district staff; null for everyone else. */
  districtCode: string | null;
  /** 统一社会信用代码 of an entity user's charging entity. */
  entityId: string | null;
  /** 统一社会信用代码 of a tenant's firm; null until a WeChat user binds one. */
  tenantId: string | null;
  displayName: string;
}

/** Roles that work for a regulator, as opposed to the regulated and the reporters. */
export const STAFF_ROLES: readonly Role[] = ['city_admin', 'district_officer', 'district_lead'];
