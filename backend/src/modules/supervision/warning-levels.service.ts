import { Injectable } from '@nestjs/common';
import {
  SupervisionErrorCode,
  type EntityWarningsView,
  type TenantWarningColourView,
  type WarningListQuery,
  type WarningMonthView,
  type WarningReasonView,
} from '@zgd/shared-types';
import { AppError } from '../../common/errors/app-error';
import type { Principal } from '../auth';
import { formatFen } from '../reconciliation/domain/exact';
import { SettingsService } from '../settings/settings.service';
import { entityMonthRecords, trendOf, warningLevelOf } from './domain/warning-level';
import { assertDistrict, districtOfQuery } from './supervision-scope';
import type { WarningLevelRow } from './supervision.entities';
import { SupervisionRepository } from './supervision.repository';

/** The warning model over stored runs: levels per entity and month, and who sees what. */
@Injectable()
export class WarningLevelsService {
  constructor(
    private readonly repo: SupervisionRepository,
    private readonly settings: SettingsService,
  ) {}

  /**
   * Levels of the (entity, month) pairs a run judged, each over all the entity's accounts'
   * newest results. Stored once per run (a job retried does not store them twice). Returns the
   * red months per entity, for clues.
   */
  async evaluateRun(runId: number, now: Date): Promise<Map<string, string[]>> {
    const red = new Map<string, string[]>();
    if (await this.repo.hasLevelsOfRun(runId)) return red;
    const judged = await this.repo.monthsOfRun(runId);
    if (!judged.length) return red;
    const entityIds = [...new Set(judged.map((j) => j.entityId))].sort();
    const [facts, entities, thresholds] = await Promise.all([
      this.repo.latestMonthsOfEntities(entityIds),
      this.repo.entities(entityIds),
      this.thresholds(),
    ]);
    const records = entityMonthRecords(facts);
    const rows: Omit<WarningLevelRow, 'id'>[] = [];
    for (const { entityId, period } of judged) {
      const record = records.get(`${entityId}|${period}`);
      const entity = entities.get(entityId);
      if (!record || !entity) continue;
      const outcome = warningLevelOf(record, thresholds);
      rows.push({
        runId,
        entityId,
        districtCode: entity.districtCode,
        period,
        level: outcome.level,
        reasons: JSON.stringify(outcome.reasons),
        refundFen: record.refundFen,
        tenantsAffected: record.tenantsAffected,
        createdAt: now,
      });
      if (outcome.level === 'red') red.set(entityId, [...(red.get(entityId) ?? []), period]);
    }
    await this.repo.insertLevels(rows);
    return red;
  }

  async list(p: Principal, q: WarningListQuery): Promise<EntityWarningsView[]> {
    const districtCode = districtOfQuery(p, q.district);
    const rows = await this.repo.currentLevels({
      districtCode,
      entityIds: q.entity ? [q.entity] : undefined,
      from: q.from,
      to: q.to,
    });
    const views = await this.views(rows);
    return q.level ? views.filter((v) => v.months.some((m) => m.level === q.level)) : views;
  }

  async ofEntity(p: Principal, entityId: string): Promise<EntityWarningsView> {
    const entity = (await this.repo.entities([entityId])).get(entityId);
    if (!entity) throw new AppError(SupervisionErrorCode.ENTITY_NOT_FOUND, '没有找到该收费主体');
    assertDistrict(p, entity.districtCode);
    const [view] = await this.views(await this.repo.currentLevels({ entityIds: [entityId] }));
    return (
      view ?? {
        entityId,
        entityName: entity.name,
        districtCode: entity.districtCode,
        months: [],
        latestLevel: 'green',
        trend: null,
      }
    );
  }

  /** The colour of each month of the entities that bill the tenant; no reasons, no amounts. */
  async tenantColours(p: Principal): Promise<TenantWarningColourView[]> {
    // Only at the premises the tenant is bound to (its scope), never a firm's other premises.
    const found = new Set<string>();
    for (const s of p.tenantScope)
      for (const id of await this.repo.entitiesBillingTenant(s.tenantId, s.accountNo))
        found.add(id);
    const entityIds = [...found].sort();
    const rows = await this.repo.currentLevels({ entityIds });
    const names = await this.repo.entities(entityIds);
    return entityIds.map((entityId) => ({
      entityId,
      entityName: names.get(entityId)?.name ?? null,
      months: rows
        .filter((r) => r.entityId === entityId)
        .map((r) => ({ period: r.period, level: r.level })),
    }));
  }

  private async views(rows: WarningLevelRow[]): Promise<EntityWarningsView[]> {
    const byEntity = new Map<string, WarningLevelRow[]>();
    for (const r of rows) byEntity.set(r.entityId, [...(byEntity.get(r.entityId) ?? []), r]);
    const names = await this.repo.entities([...byEntity.keys()]);
    return [...byEntity.entries()].map(([entityId, list]) => {
      const months: WarningMonthView[] = list.map((r) => ({
        period: r.period,
        level: r.level,
        reasons: JSON.parse(r.reasons) as WarningReasonView[],
        refund: formatFen(r.refundFen),
        tenantsAffected: r.tenantsAffected,
        runId: r.runId,
      }));
      return {
        entityId,
        entityName: names.get(entityId)?.name ?? null,
        districtCode: list[0].districtCode,
        months,
        latestLevel: months[months.length - 1].level,
        trend: trendOf(months.map((m) => m.level)),
      };
    });
  }

  private async thresholds() {
    return {
      redRefundFen: BigInt(await this.settings.get('warning.red_refund_fen')),
      redTenantCount: Number(await this.settings.get('warning.red_tenant_count')),
    };
  }
}
