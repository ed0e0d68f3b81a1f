import { Injectable } from '@nestjs/common';
import {
  SupervisionErrorCode,
  type CreditAssessmentView,
  type CreditFactorView,
  type CreditListQuery,
} from '@zgd/shared-types';
import { AppError } from '../../common/errors/app-error';
import type { Principal } from '../auth';
import { caseFromJson } from '../cases/domain/case-json';
import { SettingsService } from '../settings/settings.service';
import { assessCredit, caseFacts, type CreditRecord } from './domain/credit-score';
import { addMonths } from './domain/serious-list';
import { assertDistrict, districtOfQuery } from './supervision-scope';
import type { CreditAssessmentRow } from './supervision.entities';
import { SupervisionRepository } from './supervision.repository';

const DAY_MS = 86_400_000;

/** Credit classes: gathered from the record, scored by the pure core, kept as history. */
@Injectable()
export class CreditService {
  constructor(
    private readonly repo: SupervisionRepository,
    private readonly settings: SettingsService,
  ) {}

  /** Scores each entity again; a new row only when its class, score or reasons changed. */
  async recompute(entityIds: readonly string[], trigger: string, now: Date): Promise<void> {
    const entities = await this.repo.entities(entityIds);
    const heavyFineFen = BigInt(await this.settings.get('serious_list.heavy_fine_fen'));
    for (const id of [...new Set(entityIds)].sort()) {
      const entity = entities.get(id);
      if (!entity) continue;
      const record = await this.record(id, now, heavyFineFen);
      const a = assessCredit(record, now);
      const factors = JSON.stringify(a.factors);
      const current = await this.repo.currentAssessment(id);
      if (
        current &&
        current.creditClass === a.creditClass &&
        current.score === a.score &&
        current.factors === factors
      )
        continue;
      await this.repo.insertAssessment({
        entityId: id,
        districtCode: entity.districtCode,
        creditClass: a.creditClass,
        score: a.score,
        factors,
        trigger,
        computedAt: now,
      });
    }
  }

  async list(p: Principal, q: CreditListQuery): Promise<CreditAssessmentView[]> {
    const rows = await this.repo.currentAssessments(districtOfQuery(p, q.district));
    const views = await this.views(rows);
    return q.creditClass ? views.filter((v) => v.creditClass === q.creditClass) : views;
  }

  async history(p: Principal, entityId: string): Promise<CreditAssessmentView[]> {
    const entity = (await this.repo.entities([entityId])).get(entityId);
    if (!entity) throw new AppError(SupervisionErrorCode.ENTITY_NOT_FOUND, '没有找到该收费主体');
    assertDistrict(p, entity.districtCode);
    return this.views(await this.repo.assessmentHistory(entityId));
  }

  private async record(entityId: string, now: Date, heavyFineFen: bigint): Promise<CreditRecord> {
    const [all, cases, reports, active, checks] = await Promise.all([
      this.repo.currentLevels({ entityIds: [entityId] }),
      this.repo.casesOfEntity(entityId),
      this.repo.reportTimesOfEntity(entityId),
      this.repo.activeEntries(entityId),
      this.repo.spotCheckViolationTimes(entityId),
    ]);
    // The 12 supply months up to the newest one judged: bills arrive months late.
    const newest = all.reduce((m, l) => (l.period > m ? l.period : m), '0000-01');
    const since = addMonths(`${newest}-01`, -11).slice(0, 7);
    const levels = all.filter((l) => l.period >= since);
    return {
      redMonths: levels.filter((l) => l.level === 'red').length,
      yellowMonths: levels.filter((l) => l.level === 'yellow').length,
      reports: reports.filter((t) => now.getTime() - t.getTime() <= 730 * DAY_MS).length,
      spotCheckViolations: checks,
      cases: cases.map((row) => caseFacts(caseFromJson(row.model), heavyFineFen)),
      listed: active.some((e) => e.status === 'listed'),
    };
  }

  private async views(rows: CreditAssessmentRow[]): Promise<CreditAssessmentView[]> {
    const names = await this.repo.entities(rows.map((r) => r.entityId));
    return rows.map((r) => ({
      id: r.id,
      entityId: r.entityId,
      entityName: names.get(r.entityId)?.name ?? null,
      districtCode: r.districtCode,
      creditClass: r.creditClass,
      score: r.score,
      factors: JSON.parse(r.factors) as CreditFactorView[],
      trigger: r.trigger,
      computedAt: new Date(r.computedAt).toISOString(),
    }));
  }
}
