import type { BlacklistRemovalReason, BlacklistStatus, Role } from '@zgd/shared-types';
import type { Fen } from '../../reconciliation/domain/exact';

/*
 * 严重违法失信名单 ("列严", 总局令第44号, domain §6): an entity is listed only after a heavy
 * (较重) penalty recorded in a case, and only once a district lead or the city approves the
 * proposal (four eyes: never the proposer). It leaves the list when the listing period ends, or
 * earlier after credit repair, which may be asked once the repair waiting time has passed.
 * Pure: dates are Shanghai days (YYYY-MM-DD) passed in.
 */

export interface PenaltyFacts {
  fineFen: Fen;
  confiscationFen: Fen;
  /** 情节较重 recorded with the decision. */
  serious: boolean;
}

/** A confiscation, a decision marked serious, or a fine at or above the setting. */
export function isHeavyPenalty(p: PenaltyFacts, heavyFineFen: Fen): boolean {
  return p.confiscationFen > 0n || p.serious || p.fineFen >= heavyFineFen;
}

export interface ListingEntry {
  status: BlacklistStatus;
  districtCode: string;
  proposedBy: number;
  endsOn: string | null;
  repairFrom: string | null;
}

export interface ListActor {
  userId: number | null;
  role: Role | 'system';
  districtCode: string | null;
}

export interface ListingTerms {
  periodMonths: number;
  repairAfterMonths: number;
}

export type ListingStep =
  | { ok: true; entry: ListingEntry }
  | {
      ok: false;
      code: 'FORBIDDEN' | 'SELF_APPROVAL' | 'WRONG_STATE' | 'TOO_EARLY';
      message: string;
    };

const approver = (a: ListActor, district: string) =>
  a.role === 'city_admin' || (a.role === 'district_lead' && a.districtCode === district);

const forbidden = (): ListingStep => ({
  ok: false,
  code: 'FORBIDDEN',
  message: '只有本区负责人或市局可以审批、移出列严名单',
});

export function approveListing(
  e: ListingEntry,
  a: ListActor,
  today: string,
  terms: ListingTerms,
): ListingStep {
  if (!approver(a, e.districtCode)) return forbidden();
  if (e.status !== 'proposed')
    return { ok: false, code: 'WRONG_STATE', message: '只能审批待审批的列入申请' };
  if (a.userId === e.proposedBy)
    return { ok: false, code: 'SELF_APPROVAL', message: '提出列入的人员不能自行审批' };
  return {
    ok: true,
    entry: {
      ...e,
      status: 'listed',
      endsOn: addMonths(today, terms.periodMonths),
      repairFrom: addMonths(today, terms.repairAfterMonths),
    },
  };
}

export function rejectListing(e: ListingEntry, a: ListActor): ListingStep {
  if (!approver(a, e.districtCode)) return forbidden();
  if (e.status !== 'proposed')
    return { ok: false, code: 'WRONG_STATE', message: '只能驳回待审批的列入申请' };
  if (a.userId === e.proposedBy)
    return { ok: false, code: 'SELF_APPROVAL', message: '提出列入的人员不能自行审批' };
  return { ok: true, entry: { ...e, status: 'rejected' } };
}

export function removeListing(
  e: ListingEntry,
  reason: BlacklistRemovalReason,
  a: ListActor,
  today: string,
): ListingStep {
  if (a.role !== 'system' && !approver(a, e.districtCode)) return forbidden();
  if (e.status !== 'listed')
    return { ok: false, code: 'WRONG_STATE', message: '只能移出已列入名单的企业' };
  const from = reason === 'period_ended' ? e.endsOn : e.repairFrom;
  if (from === null || today < from)
    return {
      ok: false,
      code: 'TOO_EARLY',
      message:
        reason === 'period_ended'
          ? `列入期限至 ${e.endsOn} 届满，届满前不能以期满为由移出`
          : `信用修复自 ${e.repairFrom} 起方可申请`,
    };
  return { ok: true, entry: { ...e, status: 'removed' } };
}

/** YYYY-MM-DD plus whole months; the 31st becomes the month's last day. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
