import { shanghaiDistrictName, type Me, type Role } from '@zgd/shared-types';

export const ROLE_LABELS: Record<Role, string> = {
  city_admin: '市局管理员',
  district_officer: '区局办案人员',
  district_lead: '区局负责人',
  entity_user: '收费主体',
  tenant: '终端用户',
};

/** Regulator staff: the city bureau and the district bureaus. */
export const STAFF_ROLES: readonly Role[] = ['city_admin', 'district_officer', 'district_lead'];

/** Who may use the console at all; tenants use the mini-program instead. */
export const CONSOLE_ROLES: readonly Role[] = [...STAFF_ROLES, 'entity_user'];

export const isStaff = (role: Role) => STAFF_ROLES.includes(role);

/** "浦东新区 · 区局办案人员", or the role alone where no district applies. */
export function roleDescription(user: Me): string {
  const district = user.districtCode ? shanghaiDistrictName(user.districtCode) : undefined;
  return district ? `${district} · ${ROLE_LABELS[user.role]}` : ROLE_LABELS[user.role];
}
