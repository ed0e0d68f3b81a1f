import type { Role } from '@zgd/shared-types';

/** Who asks, reduced to what the console's district scope needs. */
export interface ScopeActor {
  role: Role;
  districtCode: string | null;
}

/**
 * The district a console view covers: the city sees every district or the one it asks for;
 * district staff see their own district only, and asking for another is refused (not silently
 * answered with their own, so a wrong link cannot pass for another district's figures).
 */
export function viewDistrict(
  actor: ScopeActor,
  requested: string | undefined,
): { ok: true; districtCode: string | null } | { ok: false } {
  if (actor.role === 'city_admin') return { ok: true, districtCode: requested ?? null };
  if ((actor.role === 'district_officer' || actor.role === 'district_lead') && actor.districtCode)
    return requested === undefined || requested === actor.districtCode
      ? { ok: true, districtCode: actor.districtCode }
      : { ok: false };
  return { ok: false };
}

/** Charging entities have few tenants: below this, any per-tenant figure could name one. */
export const MIN_TENANTS_FOR_FIGURES = 5;

export const showsPerTenantFigures = (tenantCount: number) =>
  tenantCount >= MIN_TENANTS_FOR_FIGURES;
