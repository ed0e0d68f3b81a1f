import type { Principal } from './principal';

/*
 * What a principal may see, decided on identifiers only: callers load the record, pass its
 * district or owner here, and refuse with an OUT_OF_SCOPE error when the answer is false.
 * Jurisdiction follows the district of the metered premises (domain §5), so callers pass the
 * premises' district, never a tenant's registered address.
 */

const isDistrictStaff = (p: Principal) =>
  p.role === 'district_officer' || p.role === 'district_lead';

/** District-level data (intake queue, cases, statistics): the city, or that district's staff. */
export function canSeeDistrict(p: Principal, districtCode: string): boolean {
  if (p.role === 'city_admin') return true;
  return isDistrictStaff(p) && p.districtCode !== null && p.districtCode === districtCode;
}

/**
 * A charging entity's data: the city, staff of the district its premises are in, and the
 * entity's own users. A tenant reaches its landlord's bill through its premises binding, which
 * this identifier-only check cannot know: that check belongs to the caller.
 */
export function canSeeEntity(p: Principal, entityId: string, entityDistrict: string): boolean {
  if (p.role === 'entity_user') return p.entityId !== null && p.entityId === entityId;
  return canSeeDistrict(p, entityDistrict);
}

/**
 * A tenant's own records (its bindings, charges, reports): the tenant itself and the city.
 * District staff see a tenant only through a case or premises in their district
 * ({@link canSeeDistrict}); a charging entity never does, since it must not learn who
 * reported it (domain §5).
 */
export function canSeeTenant(p: Principal, tenantId: string): boolean {
  if (p.role === 'city_admin') return true;
  return p.role === 'tenant' && p.tenantId !== null && p.tenantId === tenantId;
}
