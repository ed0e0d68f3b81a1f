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
  /**
   * 统一社会信用代码 of a tenant's firm: the one the account was given, else its first binding;
   * null until a WeChat user binds one. Kept for callers that know one firm only: scope checks
   * use {@link tenantScope}.
   */
  tenantId: string | null;
  /** Where a tenant may see its firms' data and report: its data scope. Empty for other roles. */
  tenantScope: readonly TenantScopeEntry[];
  displayName: string;
}

/**
 * A firm and the premises (grid account) where the tenant acts for it: a binding the user
 * proved, or (accountNo null) the firm an account was created with, at all of its premises.
 */
export interface TenantScopeEntry {
  tenantId: string;
  accountNo: string | null;
}

/** Roles that work for a regulator, as opposed to the regulated and the reporters. */
export const STAFF_ROLES: readonly Role[] = ['city_admin', 'district_officer', 'district_lead'];
