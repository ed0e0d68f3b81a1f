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
 * reported it (domain §5). A tenant sees a firm only at the premises it is bound to: given
 * `accountNo`, those premises; without, any of them (the caller then filters by premises).
 */
export function canSeeTenant(p: Principal, tenantId: string, accountNo?: string): boolean {
  if (p.role === 'city_admin') return true;
  return (
    p.role === 'tenant' &&
    p.tenantScope.some(
      (s) =>
        s.tenantId === tenantId &&
        (s.accountNo === null || accountNo === undefined || s.accountNo === accountNo),
    )
  );
}

/** The firm a tenant acts for at these premises (the first bound there), or null. */
export function tenantAt(p: Principal, accountNo: string): string | null {
  if (p.role !== 'tenant') return null;
  const bound = p.tenantScope.find((s) => s.accountNo === accountNo);
  return (bound ?? p.tenantScope.find((s) => s.accountNo === null))?.tenantId ?? null;
}

/** Every firm a tenant acts for, in the order of its scope. */
export function tenantIdsOf(p: Principal): string[] {
  return p.role === 'tenant' ? [...new Set(p.tenantScope.map((s) => s.tenantId))] : [];
}
