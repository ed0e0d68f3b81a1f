import { SupervisionErrorCode } from '@zgd/shared-types';
import { AppError } from '../../common/errors/app-error';
import { canSeeDistrict, type Principal } from '../auth';

export const outOfScope = () =>
  new AppError(SupervisionErrorCode.OUT_OF_SCOPE, '该收费主体不属于本区，无权查看或办理');

/**
 * The district a staff query reads: the city may name any district or none (all); district
 * staff read their own, and naming another is refused rather than silently narrowed.
 */
export function districtOfQuery(p: Principal, requested?: string): string | undefined {
  if (p.role === 'city_admin') return requested;
  if (requested && !canSeeDistrict(p, requested)) throw outOfScope();
  return p.districtCode ?? '-';
}

export function assertDistrict(p: Principal, districtCode: string): void {
  if (!canSeeDistrict(p, districtCode)) throw outOfScope();
}

/** The time of supervision work, injected so tests can choose the day. */
export interface SupervisionClock {
  now(): Date;
}

export const SUPERVISION_CLOCK = Symbol('SUPERVISION_CLOCK');
