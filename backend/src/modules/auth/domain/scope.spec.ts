import { describe, expect, it } from 'vitest';
import type { Principal } from './principal';
import { canSeeDistrict, canSeeEntity, canSeeTenant, tenantAt, tenantIdsOf } from './scope';

const PUDONG = '310115';
const MINHANG = '310112';
const ENTITY = '91310112YUYU122BX0'; // in 闵行
const OTHER_ENTITY = '913101154JURQ2830U';
const TENANT = '91310109PRMU98K65L';
const OTHER_TENANT = '913101177JH4BXKF5F';

const principal = (role: Principal['role'], scope: Partial<Principal> = {}): Principal => ({
  userId: 1,
  username: role,
  displayName: role,
  role,
  districtCode: null,
  entityId: null,
  tenantId: null,
  tenantScope: [],
  ...scope,
});

const city = principal('city_admin');
const pudongOfficer = principal('district_officer', { districtCode: PUDONG });
const pudongLead = principal('district_lead', { districtCode: PUDONG });
const minhangOfficer = principal('district_officer', { districtCode: MINHANG });
const officerWithoutDistrict = principal('district_officer');
const entityUser = principal('entity_user', { entityId: ENTITY });
const entityUserWithoutEntity = principal('entity_user');
const ACCOUNT = '3100000002';
const OTHER_ACCOUNT = '3100000003';
/** An account created for its firm: the firm counts at all of its premises. */
const tenant = principal('tenant', {
  tenantId: TENANT,
  tenantScope: [{ tenantId: TENANT, accountNo: null }],
});
/** A WeChat user that bound two firms, each at one premises. */
const boundTwice = principal('tenant', {
  tenantId: TENANT,
  tenantScope: [
    { tenantId: TENANT, accountNo: ACCOUNT },
    { tenantId: OTHER_TENANT, accountNo: OTHER_ACCOUNT },
  ],
});
const unboundTenant = principal('tenant');
// A wrongly filled user: scope fields of another role must not grant anything.
const tenantWithDistrict = principal('tenant', {
  tenantId: TENANT,
  tenantScope: [{ tenantId: TENANT, accountNo: null }],
  districtCode: MINHANG,
  entityId: ENTITY,
});

describe('canSeeDistrict', () => {
  it.each([
    { who: 'the city', p: city, district: PUDONG, sees: true },
    { who: 'the city', p: city, district: MINHANG, sees: true },
    { who: 'a Pudong officer', p: pudongOfficer, district: PUDONG, sees: true },
    { who: 'a Pudong lead', p: pudongLead, district: PUDONG, sees: true },
    { who: 'a Pudong officer', p: pudongOfficer, district: MINHANG, sees: false },
    { who: 'a Minhang officer', p: minhangOfficer, district: PUDONG, sees: false },
    {
      who: 'an officer without a district',
      p: officerWithoutDistrict,
      district: PUDONG,
      sees: false,
    },
    { who: 'an entity user', p: entityUser, district: MINHANG, sees: false },
    {
      who: 'a tenant with stray scope fields',
      p: tenantWithDistrict,
      district: MINHANG,
      sees: false,
    },
  ])('$who, district $district → $sees', ({ p, district, sees }) => {
    expect(canSeeDistrict(p, district)).toBe(sees);
  });
});

describe('canSeeEntity (an entity in 闵行)', () => {
  it.each([
    { who: 'the city', p: city, entityId: ENTITY, sees: true },
    { who: 'staff of the premises district', p: minhangOfficer, entityId: ENTITY, sees: true },
    { who: 'staff of another district', p: pudongOfficer, entityId: ENTITY, sees: false },
    { who: 'a lead of another district', p: pudongLead, entityId: ENTITY, sees: false },
    { who: 'the entity itself', p: entityUser, entityId: ENTITY, sees: true },
    { who: 'the user of another entity', p: entityUser, entityId: OTHER_ENTITY, sees: false },
    {
      who: 'an entity user without an entity',
      p: entityUserWithoutEntity,
      entityId: ENTITY,
      sees: false,
    },
    {
      who: 'a tenant (checked through its premises, not here)',
      p: tenant,
      entityId: ENTITY,
      sees: false,
    },
    {
      who: 'a tenant with stray scope fields',
      p: tenantWithDistrict,
      entityId: ENTITY,
      sees: false,
    },
  ])('$who → $sees', ({ p, entityId, sees }) => {
    expect(canSeeEntity(p, entityId, MINHANG)).toBe(sees);
  });
});

describe('canSeeTenant', () => {
  it.each([
    { who: 'the city', p: city, tenantId: TENANT, sees: true },
    { who: 'the tenant itself', p: tenant, tenantId: TENANT, sees: true },
    { who: 'another tenant', p: tenant, tenantId: OTHER_TENANT, sees: false },
    { who: 'a tenant that has not bound a firm', p: unboundTenant, tenantId: TENANT, sees: false },
    {
      who: 'district staff (only through a case in their district)',
      p: minhangOfficer,
      tenantId: TENANT,
      sees: false,
    },
    {
      who: 'its landlord, which must not learn who reported it',
      p: entityUser,
      tenantId: TENANT,
      sees: false,
    },
  ])('$who → $sees', ({ p, tenantId, sees }) => {
    expect(canSeeTenant(p, tenantId)).toBe(sees);
  });

  it.each([
    { firm: TENANT, account: ACCOUNT, sees: true },
    { firm: TENANT, account: OTHER_ACCOUNT, sees: false },
    { firm: OTHER_TENANT, account: OTHER_ACCOUNT, sees: true },
    { firm: OTHER_TENANT, account: ACCOUNT, sees: false },
  ])('a bound tenant sees $firm at $account → $sees', ({ firm, account, sees }) => {
    expect(canSeeTenant(boundTwice, firm, account)).toBe(sees);
  });

  it('an account firm is seen at any premises; a bound firm only where bound', () => {
    expect(canSeeTenant(tenant, TENANT, OTHER_ACCOUNT)).toBe(true);
    expect(canSeeTenant(boundTwice, TENANT)).toBe(true);
  });
});

describe('tenantAt and tenantIdsOf', () => {
  it.each([
    { who: 'a bound tenant at its premises', p: boundTwice, account: ACCOUNT, firm: TENANT },
    { who: 'at its other premises', p: boundTwice, account: OTHER_ACCOUNT, firm: OTHER_TENANT },
    { who: 'at premises it is not bound to', p: boundTwice, account: '999', firm: null },
    { who: 'an account firm anywhere', p: tenant, account: OTHER_ACCOUNT, firm: TENANT },
    { who: 'an unbound tenant', p: unboundTenant, account: ACCOUNT, firm: null },
    { who: 'staff', p: city, account: ACCOUNT, firm: null },
  ])('$who → $firm', ({ p, account, firm }) => {
    expect(tenantAt(p, account)).toBe(firm);
  });

  it('lists each firm once, and none for other roles', () => {
    expect(tenantIdsOf(boundTwice)).toEqual([TENANT, OTHER_TENANT]);
    expect(tenantIdsOf(tenantWithDistrict)).toEqual([TENANT]);
    expect(tenantIdsOf(entityUser)).toEqual([]);
  });
});
