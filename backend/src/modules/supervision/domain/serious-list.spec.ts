import { describe, expect, it } from 'vitest';
import {
  addMonths,
  approveListing,
  isHeavyPenalty,
  rejectListing,
  removeListing,
  type ListActor,
  type ListingEntry,
} from './serious-list';

const HEAVY = 10_000_000n;
const proposed: ListingEntry = {
  status: 'proposed',
  districtCode: '310112',
  proposedBy: 7,
  endsOn: null,
  repairFrom: null,
};
const lead: ListActor = { userId: 8, role: 'district_lead', districtCode: '310112' };
const city: ListActor = { userId: 1, role: 'city_admin', districtCode: null };
const terms = { periodMonths: 36, repairAfterMonths: 6 };

describe('isHeavyPenalty', () => {
  it.each([
    [
      'a fine below the threshold',
      { fineFen: 9_999_999n, confiscationFen: 0n, serious: false },
      false,
    ],
    ['a fine at the threshold', { fineFen: HEAVY, confiscationFen: 0n, serious: false }, true],
    ['any confiscation', { fineFen: 0n, confiscationFen: 1n, serious: false }, true],
    ['a decision marked serious', { fineFen: 100n, confiscationFen: 0n, serious: true }, true],
    ['a warning only', { fineFen: 0n, confiscationFen: 0n, serious: false }, false],
  ])('%s → %s', (_, p, heavy) => {
    expect(isHeavyPenalty(p, HEAVY)).toBe(heavy);
  });
});

describe('approveListing', () => {
  it('lists for the period, with repair possible after its waiting time', () => {
    const r = approveListing(proposed, lead, '2026-06-01', terms);
    expect(r).toEqual({
      ok: true,
      entry: { ...proposed, status: 'listed', endsOn: '2029-06-01', repairFrom: '2026-12-01' },
    });
    expect(approveListing(proposed, city, '2026-06-01', terms).ok).toBe(true);
  });

  it.each<[string, ListActor, ListingEntry, string]>([
    [
      'an officer',
      { userId: 9, role: 'district_officer', districtCode: '310112' },
      proposed,
      'FORBIDDEN',
    ],
    ["another district's lead", { ...lead, districtCode: '310115' }, proposed, 'FORBIDDEN'],
    ['the proposer', { ...lead, userId: 7 }, proposed, 'SELF_APPROVAL'],
    ['an entry already listed', lead, { ...proposed, status: 'listed' }, 'WRONG_STATE'],
    ['a rejected entry', lead, { ...proposed, status: 'rejected' }, 'WRONG_STATE'],
  ])('refuses %s', (_, actor, entry, code) => {
    const r = approveListing(entry, actor, '2026-06-01', terms);
    expect(r.ok === false && r.code).toBe(code);
  });
});

describe('rejectListing', () => {
  it('rejects a proposal, by a lead who did not propose it', () => {
    expect(rejectListing(proposed, lead)).toMatchObject({
      ok: true,
      entry: { status: 'rejected' },
    });
    const self = rejectListing(proposed, { ...lead, userId: 7 });
    expect(self.ok === false && self.code).toBe('SELF_APPROVAL');
  });
});

describe('removeListing', () => {
  const listed: ListingEntry = {
    ...proposed,
    status: 'listed',
    endsOn: '2029-06-01',
    repairFrom: '2026-12-01',
  };
  it.each<[string, 'period_ended' | 'credit_repair', string, boolean | string]>([
    ['period ended, on the last day', 'period_ended', '2029-06-01', true],
    ['period not yet ended', 'period_ended', '2029-05-31', 'TOO_EARLY'],
    ['credit repaired after the waiting time', 'credit_repair', '2026-12-01', true],
    ['credit repair asked too early', 'credit_repair', '2026-11-30', 'TOO_EARLY'],
  ])('%s', (_, reason, today, expected) => {
    const r = removeListing(listed, reason, lead, today);
    expect(r.ok ? true : r.code).toBe(expected);
    if (r.ok) expect(r.entry.status).toBe('removed');
  });

  it('lets the system remove at the end of the period, and nobody remove twice', () => {
    const system: ListActor = { userId: null, role: 'system', districtCode: null };
    expect(removeListing(listed, 'period_ended', system, '2029-06-02').ok).toBe(true);
    const again = removeListing(
      { ...listed, status: 'removed' },
      'period_ended',
      system,
      '2030-01-01',
    );
    expect(again.ok === false && again.code).toBe('WRONG_STATE');
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-06-01', 36, '2029-06-01'],
    ['2026-11-15', 2, '2027-01-15'],
  ])('%s + %i months → %s', (day, n, expected) => {
    expect(addMonths(day, n)).toBe(expected);
  });
});
