import { Injectable } from '@nestjs/common';
import {
  ConsoleErrorCode,
  type EntityAccountView,
  type EntityProfileView,
  type EntitySearchPage,
  type EntitySearchQuery,
} from '@zgd/shared-types';
import { AppError } from '../../common/errors/app-error';
import { canSeeEntity, type Principal } from '../auth';
import { stateLabel } from '../cases/case-views';
import { CASE_STATES } from '../cases/domain';
import { ConsoleRepository } from './console.repository';
import { viewDistrict } from './domain/console-scope';
import { findingsByPeriod } from './domain/money-months';

/** Charging entities for regulator staff: search within their district, and one's profile. */
@Injectable()
export class ChargingEntitiesService {
  constructor(private readonly repo: ConsoleRepository) {}

  async search(p: Principal, q: EntitySearchQuery): Promise<EntitySearchPage> {
    const scope = viewDistrict(p, q.district);
    if (!scope.ok)
      throw new AppError(ConsoleErrorCode.DISTRICT_OUT_OF_SCOPE, '只能查询本区的收费主体');
    const rows = await this.repo.searchEntities({
      q: q.q || undefined,
      districtCode: scope.districtCode,
      after: q.after,
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    const counts = await this.repo.entityCounts(page.map((e) => e.id));
    return {
      items: page.map((e) => ({
        id: e.id,
        name: e.name,
        premisesAddress: e.premisesAddress,
        districtCode: e.districtCode,
        accountCount: counts.get(e.id)?.accounts ?? 0,
        tenantCount: counts.get(e.id)?.tenants ?? 0,
      })),
      nextAfter: rows.length > q.limit ? page[page.length - 1].id : null,
    };
  }

  async profile(p: Principal, id: string): Promise<EntityProfileView> {
    const entity = await this.repo.entity(id);
    if (!entity) throw new AppError(ConsoleErrorCode.ENTITY_NOT_FOUND, '找不到该收费主体');
    if (!canSeeEntity(p, entity.id, entity.districtCode))
      throw new AppError(ConsoleErrorCode.ENTITY_OUT_OF_SCOPE, '该收费主体不属于本区，无权查看');
    const district = p.role === 'city_admin' ? null : p.districtCode;
    const [accountMonths, counts, months, cases] = await Promise.all([
      this.repo.accountMonths(id),
      this.repo.entityCounts([id]),
      this.repo.currentMonthFigures({ entityId: id }),
      this.repo.casesOfEntity(id, district),
    ]);
    const byState = new Map<string, number>();
    for (const c of cases) byState.set(c.state, (byState.get(c.state) ?? 0) + 1);
    return {
      id: entity.id,
      name: entity.name,
      premisesAddress: entity.premisesAddress,
      districtCode: entity.districtCode,
      accounts: accountsOf(accountMonths),
      tenantCount: counts.get(id)?.tenants ?? 0,
      findingsByMonth: findingsByPeriod(months),
      cases: cases.map((c) => ({
        id: c.id,
        number: c.number,
        state: c.state,
        stateLabel: stateLabel(c.state),
        periods: JSON.parse(c.periods) as string[],
        receivedAt: c.receivedAt.toISOString(),
      })),
      casesByState: CASE_STATES.filter((s) => byState.has(s)).map((state) => ({
        state,
        label: stateLabel(state),
        count: byState.get(state)!,
      })),
    };
  }
}

/** One row per account: the months it appears in, described by its newest grid bill. */
function accountsOf(
  rows: Awaited<ReturnType<ConsoleRepository['accountMonths']>>,
): EntityAccountView[] {
  const byAccount = new Map<string, EntityAccountView>();
  const sorted = [...rows].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  for (const r of sorted) {
    const a = byAccount.get(r.accountNo) ?? {
      accountNo: r.accountNo,
      userClass: null,
      voltage: null,
      pricing: null,
      firstPeriod: r.period,
      lastPeriod: r.period,
    };
    a.lastPeriod = r.period;
    if (r.userClass)
      Object.assign(a, { userClass: r.userClass, voltage: r.voltage, pricing: r.pricing });
    byAccount.set(r.accountNo, a);
  }
  return [...byAccount.values()].sort((a, b) => (a.accountNo < b.accountNo ? -1 : 1));
}
