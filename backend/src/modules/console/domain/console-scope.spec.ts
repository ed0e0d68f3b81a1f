import { describe, expect, it } from 'vitest';
import { showsPerTenantFigures, viewDistrict, type ScopeActor } from './console-scope';

const city: ScopeActor = { role: 'city_admin', districtCode: null };
const pudong: ScopeActor = { role: 'district_officer', districtCode: '310115' };
const lead: ScopeActor = { role: 'district_lead', districtCode: '310112' };
const lostOfficer: ScopeActor = { role: 'district_officer', districtCode: null };
const entity: ScopeActor = { role: 'entity_user', districtCode: null };

describe('viewDistrict', () => {
  it.each([
    ['the city, no district asked', city, undefined, { ok: true, districtCode: null }],
    ['the city, one district', city, '310112', { ok: true, districtCode: '310112' }],
    ['an officer, nothing asked', pudong, undefined, { ok: true, districtCode: '310115' }],
    ['an officer, own district', pudong, '310115', { ok: true, districtCode: '310115' }],
    ['an officer, another district', pudong, '310112', { ok: false }],
    ['a lead, another district', lead, '310115', { ok: false }],
    ['staff without a district', lostOfficer, undefined, { ok: false }],
    ['a charging entity', entity, undefined, { ok: false }],
  ] as const)('%s', (_, actor, requested, want) => {
    expect(viewDistrict(actor, requested)).toEqual(want);
  });
});

describe('showsPerTenantFigures', () => {
  it.each([
    [0, false],
    [1, false],
    [4, false],
    [5, true],
    [300, true],
  ])('%i tenants → %s', (tenants, shown) => {
    expect(showsPerTenantFigures(tenants)).toBe(shown);
  });
});
