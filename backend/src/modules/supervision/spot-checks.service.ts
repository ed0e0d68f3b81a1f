import { randomInt, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  isShanghaiDistrictCode,
  SupervisionErrorCode,
  type CreditClass,
  type DrawBody,
  type DrawView,
  type PublicSpotCheckView,
  type SpotCheckResultBody,
} from '@zgd/shared-types';
import { AppError } from '../../common/errors/app-error';
import { JsonLogger } from '../../common/logging/json-logger';
import { AuditService } from '../audit';
import type { Principal } from '../auth';
import { shanghaiDate } from '../calendar';
import { WarningClueService } from '../cases/warning-clue.service';
import { SettingsService } from '../settings/settings.service';
import { CreditService } from './credit.service';
import { ALGORITHM, CREDIT_CLASSES, drawSpotChecks, ratioToBp } from './domain/spot-check-draw';
import {
  assertDistrict,
  districtOfQuery,
  SUPERVISION_CLOCK,
  type SupervisionClock,
} from './supervision-scope';
import type { SpotCheckDrawRow, SpotCheckItemRow } from './supervision.entities';
import { SupervisionRepository } from './supervision.repository';

/** An entity never assessed yet is of general risk, as new firms are (our choice). */
const UNASSESSED: CreditClass = 'B';

/** 双随机一公开: draws, their published lists, and the results of the checks. */
@Injectable()
export class SpotChecksService {
  constructor(
    private readonly repo: SupervisionRepository,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
    private readonly clues: WarningClueService,
    private readonly credit: CreditService,
    private readonly logger: JsonLogger,
    @Inject(SUPERVISION_CLOCK) private readonly clock: SupervisionClock,
  ) {}

  async draw(p: Principal, body: DrawBody): Promise<DrawView> {
    if (!isShanghaiDistrictCode(body.districtCode))
      throw new AppError(SupervisionErrorCode.INVALID_DISTRICT, '区划代码不是本市的区');
    assertDistrict(p, body.districtCode);
    const ratios = await this.ratios();
    const ratiosBp = Object.fromEntries(
      CREDIT_CLASSES.map((c) => {
        const bp = ratioToBp(ratios[c]);
        if (bp === null)
          throw new AppError(
            SupervisionErrorCode.INVALID_RATIO,
            `设置 draw.ratio.${c} 的值“${ratios[c]}”不是 0–1 之间最多四位小数的比例，请管理员更正后再抽取`,
          );
        return [c, bp];
      }),
    ) as Record<CreditClass, number>;
    const [entities, assessments, roster] = await Promise.all([
      this.repo.entitiesOfDistrict(body.districtCode),
      this.repo.currentAssessments(body.districtCode),
      this.repo.rosterOf(body.districtCode),
    ]);
    const classOf = new Map(assessments.map((a) => [a.entityId, a.creditClass]));
    const last = await this.repo.lastInspectors(entities.map((e) => e.id));
    const seed = body.seed ?? randomInt(0, 0x1_0000_0000);
    const outcome = drawSpotChecks({
      seed,
      ratiosBp,
      candidates: entities.map((e) => ({
        entityId: e.id,
        creditClass: classOf.get(e.id) ?? UNASSESSED,
        lastInspectorIds: last.get(e.id) ?? [],
      })),
      roster: roster.map((u) => u.id),
    });
    if (!outcome.ok && outcome.code === 'EMPTY_POPULATION')
      throw new AppError(SupervisionErrorCode.NO_POPULATION, '本区没有可抽取的收费主体');
    if (!outcome.ok)
      throw new AppError(
        SupervisionErrorCode.ROSTER_TOO_SMALL,
        `本区执法人员名录不足：${outcome.entityIds.join('、')} 除上次检查人员外不足两名检查人员`,
        outcome.entityIds.map((id) => ({
          code: SupervisionErrorCode.ROSTER_TOO_SMALL,
          message: `${id} 可选检查人员不足两名`,
          path: 'roster',
        })),
      );
    const now = this.clock.now();
    const draw: SpotCheckDrawRow = {
      id: randomUUID(),
      districtCode: body.districtCode,
      plannedDate: body.plannedDate,
      seed: BigInt(seed),
      algorithm: ALGORITHM,
      ratios: JSON.stringify(ratios),
      population: JSON.stringify(outcome.population),
      createdBy: p.userId,
      createdAt: now,
      publishedAt: now,
    };
    const items = outcome.items.map((x) => ({
      drawId: draw.id,
      entityId: x.entityId,
      creditClass: x.creditClass,
      inspector1UserId: x.inspectorIds[0],
      inspector2UserId: x.inspectorIds[1],
      outcome: null,
      note: null,
      resultBy: null,
      resultAt: null,
      caseId: null,
    }));
    await this.audit.transaction(async (m) => {
      await this.repo.insertDraw(m, draw, items);
      await this.audit.append(
        {
          actorUserId: p.userId,
          actorRole: p.role,
          action: 'spot_check.drawn',
          subjectType: 'spot_check_draw',
          subjectId: draw.id,
          details: {
            districtCode: draw.districtCode,
            seed,
            algorithm: ALGORITHM,
            drawn: items.length,
          },
          at: now,
        },
        m,
      );
    });
    return (await this.views([draw]))[0];
  }

  async list(p: Principal, district?: string): Promise<DrawView[]> {
    return this.views(await this.repo.draws(districtOfQuery(p, district)));
  }

  async get(p: Principal, id: string): Promise<DrawView> {
    const draw = await this.repo.drawById(id);
    if (!draw) throw new AppError(SupervisionErrorCode.DRAW_NOT_FOUND, '没有找到该抽查批次');
    assertDistrict(p, draw.districtCode);
    return (await this.views([draw]))[0];
  }

  /** The published lists for anyone: entities, inspectors, dates, results; never a class. */
  async published(district?: string): Promise<PublicSpotCheckView[]> {
    const views = await this.views(await this.repo.draws(district));
    return views.map((d) => ({
      id: d.id,
      districtCode: d.districtCode,
      plannedDate: d.plannedDate,
      publishedAt: d.publishedAt,
      seed: d.seed,
      algorithm: d.algorithm,
      items: d.items.map((i) => ({
        entityId: i.entityId,
        entityName: i.entityName,
        inspectors: i.inspectors.map((x) => x.name),
        outcome: i.outcome,
      })),
    }));
  }

  /**
   * One inspector of the check, or the district's lead or the city, records its result once. A
   * violation then opens a clue in the district's queue (unless an open case covers it) and,
   * like every result, scores the entity's credit again.
   */
  async recordResult(
    p: Principal,
    drawId: string,
    itemId: number,
    body: SpotCheckResultBody,
  ): Promise<DrawView> {
    const draw = await this.repo.drawById(drawId);
    const item = await this.repo.itemById(itemId);
    if (!draw || !item || item.drawId !== drawId)
      throw new AppError(SupervisionErrorCode.DRAW_NOT_FOUND, '没有找到该抽查事项');
    assertDistrict(p, draw.districtCode);
    const inspector = p.userId === item.inspector1UserId || p.userId === item.inspector2UserId;
    if (!inspector && p.role === 'district_officer')
      throw new AppError(
        SupervisionErrorCode.NOT_AN_INSPECTOR,
        '只有抽中的检查人员可以登记检查结果',
      );
    if (item.outcome !== null)
      throw new AppError(SupervisionErrorCode.RESULT_ALREADY_RECORDED, '该检查结果已登记');
    const now = this.clock.now();
    await this.audit.transaction(async (m) => {
      const saved = await this.repo.recordResult(m, itemId, {
        outcome: body.outcome,
        note: body.note,
        resultBy: p.userId,
        resultAt: now,
      });
      if (!saved)
        throw new AppError(SupervisionErrorCode.RESULT_ALREADY_RECORDED, '该检查结果已登记');
      await this.audit.append(
        {
          actorUserId: p.userId,
          actorRole: p.role,
          action: 'spot_check.result_recorded',
          subjectType: 'spot_check_item',
          subjectId: String(itemId),
          details: { drawId, entityId: item.entityId, outcome: body.outcome },
          at: now,
        },
        m,
      );
    });
    await this.followUp(p, item, body, now);
    return (await this.views([draw]))[0];
  }

  /**
   * After the result is stored: the clue of a violation, then the credit class. Like the
   * follow-up of a run, this never undoes the result: a failure is logged, and the class is
   * computed again by the next run or case step.
   */
  private async followUp(
    p: Principal,
    item: SpotCheckItemRow,
    body: SpotCheckResultBody,
    now: Date,
  ): Promise<void> {
    const context = {
      msg: 'spot check follow-up failed',
      itemId: item.id,
      entityId: item.entityId,
    };
    try {
      if (body.outcome === 'violation') {
        const periods = body.periods ?? [shanghaiDate(now).slice(0, 7)];
        const clue = await this.clues.raise(item.entityId, periods);
        const caseId =
          (clue?.kind === 'open' || clue?.kind === 'covered' ? clue.caseId : null) ?? null;
        if (caseId) await this.repo.setItemCase(item.id, caseId);
        await this.audit.append({
          actorUserId: p.userId,
          actorRole: p.role,
          action: 'spot_check.clue',
          subjectType: 'spot_check_item',
          subjectId: String(item.id),
          details: { entityId: item.entityId, periods, outcome: clue?.kind ?? null, caseId },
          at: now,
        });
      }
      await this.credit.recompute([item.entityId], `spot_check:${item.id}`, now);
    } catch (e) {
      this.logger.emit('error', { ...context, error: (e as Error)?.message }, 'Supervision');
    }
  }

  private async ratios(): Promise<Record<CreditClass, string>> {
    return {
      A: await this.settings.get('draw.ratio.A'),
      B: await this.settings.get('draw.ratio.B'),
      C: await this.settings.get('draw.ratio.C'),
      D: await this.settings.get('draw.ratio.D'),
    };
  }

  private async views(draws: SpotCheckDrawRow[]): Promise<DrawView[]> {
    const items = await this.repo.itemsOfDraws(draws.map((d) => d.id));
    const [names, entities, numbers] = await Promise.all([
      this.repo.userNames(items.flatMap((i) => [i.inspector1UserId, i.inspector2UserId])),
      this.repo.entities(items.map((i) => i.entityId)),
      this.repo.caseNumbers(items.flatMap((i) => (i.caseId ? [i.caseId] : []))),
    ]);
    const itemView = (i: SpotCheckItemRow) => ({
      id: i.id,
      entityId: i.entityId,
      entityName: entities.get(i.entityId)?.name ?? null,
      creditClass: i.creditClass,
      inspectors: [i.inspector1UserId, i.inspector2UserId].map((userId) => ({
        userId,
        name: names.get(userId) ?? `#${userId}`,
      })),
      outcome: i.outcome,
      note: i.note,
      resultAt: i.resultAt ? new Date(i.resultAt).toISOString() : null,
      case: i.caseId ? { id: i.caseId, number: numbers.get(i.caseId) ?? '' } : null,
    });
    return draws.map((d) => ({
      id: d.id,
      districtCode: d.districtCode,
      plannedDate: d.plannedDate,
      seed: Number(d.seed),
      algorithm: d.algorithm,
      ratios: JSON.parse(d.ratios),
      population: JSON.parse(d.population),
      createdAt: new Date(d.createdAt).toISOString(),
      publishedAt: new Date(d.publishedAt).toISOString(),
      items: items.filter((i) => i.drawId === d.id).map(itemView),
    }));
  }
}
