import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  SupervisionErrorCode,
  type BlacklistEntryView,
  type BlacklistProposalBody,
  type BlacklistRemovalReason,
} from '@zgd/shared-types';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit';
import type { Principal } from '../auth';
import { shanghaiDate } from '../calendar';
import { caseFromJson } from '../cases/domain/case-json';
import { SettingsService } from '../settings/settings.service';
import {
  approveListing,
  isHeavyPenalty,
  rejectListing,
  removeListing,
  type ListActor,
  type ListingStep,
} from './domain/serious-list';
import { CreditService } from './credit.service';
import {
  assertDistrict,
  districtOfQuery,
  SUPERVISION_CLOCK,
  type SupervisionClock,
} from './supervision-scope';
import type { SeriousListEntryRow } from './supervision.entities';
import { SupervisionRepository } from './supervision.repository';

const STEP_ERRORS: Record<Exclude<ListingStep, { ok: true }>['code'], string> = {
  FORBIDDEN: 'BLACKLIST.FORBIDDEN_ROLE',
  SELF_APPROVAL: SupervisionErrorCode.SELF_APPROVAL,
  WRONG_STATE: SupervisionErrorCode.WRONG_STATE,
  TOO_EARLY: SupervisionErrorCode.TOO_EARLY,
};

const SYSTEM: ListActor = { userId: null, role: 'system', districtCode: null };

/** The 列严 list: proposals from a heavy penalty, approval, removal, all kept. */
@Injectable()
export class SeriousListService {
  constructor(
    private readonly repo: SupervisionRepository,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
    private readonly credit: CreditService,
    @Inject(SUPERVISION_CLOCK) private readonly clock: SupervisionClock,
  ) {}

  async list(p: Principal, district?: string): Promise<BlacklistEntryView[]> {
    return this.views(await this.repo.listEntries({ districtCode: districtOfQuery(p, district) }));
  }

  async propose(p: Principal, body: BlacklistProposalBody): Promise<BlacklistEntryView> {
    const row = await this.repo.caseByRef(body);
    if (!row) throw new AppError(SupervisionErrorCode.CASE_NOT_FOUND, '没有找到该案件');
    assertDistrict(p, row.districtCode);
    const decision = caseFromJson(row.model).decision;
    const heavyFineFen = BigInt(await this.settings.get('serious_list.heavy_fine_fen'));
    if (!decision || !isHeavyPenalty(decision, heavyFineFen))
      throw new AppError(
        SupervisionErrorCode.NOT_HEAVY_PENALTY,
        `只有案件作出较重行政处罚（没收违法所得、情节较重，或罚款不低于 ${heavyFineFen / 100n} 元）后才能提出列入严重违法失信名单`,
        [
          {
            code: SupervisionErrorCode.NOT_HEAVY_PENALTY,
            message: '案件无较重处罚',
            path: 'body.caseId',
          },
        ],
      );
    const now = this.clock.now();
    const entry: SeriousListEntryRow = {
      id: randomUUID(),
      entityId: row.entityId,
      districtCode: row.districtCode,
      caseId: row.id,
      status: 'proposed',
      reason: body.reason,
      proposedBy: p.userId,
      proposedAt: now,
      decidedBy: null,
      decidedAt: null,
      endsOn: null,
      repairFrom: null,
      removedBy: null,
      removedAt: null,
      removalReason: null,
    };
    await this.audit.transaction(async (m) => {
      if ((await this.repo.activeEntries(row.entityId, m)).length)
        throw new AppError(
          SupervisionErrorCode.ALREADY_LISTED,
          '该收费主体已在名单中或已有待审批的列入申请',
        );
      await this.repo.insertEntry(m, entry);
      await this.log(m, p, 'serious_list.proposed', entry, now);
    });
    return (await this.views([entry]))[0];
  }

  async approve(p: Principal, id: string): Promise<BlacklistEntryView> {
    const terms = {
      periodMonths: Number(await this.settings.get('serious_list.period_months')),
      repairAfterMonths: Number(await this.settings.get('serious_list.repair_after_months')),
    };
    return this.step(p, id, 'serious_list.approved', (e, today) =>
      approveListing(e, actor(p), today, terms),
    );
  }

  async reject(p: Principal, id: string): Promise<BlacklistEntryView> {
    return this.step(p, id, 'serious_list.rejected', (e) => rejectListing(e, actor(p)));
  }

  async remove(
    p: Principal,
    id: string,
    reason: BlacklistRemovalReason,
  ): Promise<BlacklistEntryView> {
    return this.step(
      p,
      id,
      'serious_list.removed',
      (e, today) => removeListing(e, reason, actor(p), today),
      reason,
    );
  }

  /** Takes off every entry whose period has ended (after each run; also safe to call any time). */
  async removeExpired(): Promise<number> {
    const today = shanghaiDate(this.clock.now());
    let removed = 0;
    for (const e of await this.repo.listedEntries()) {
      if (!e.endsOn || e.endsOn > today) continue;
      await this.apply(
        null,
        e,
        'serious_list.removed',
        removeListing(e, 'period_ended', SYSTEM, today),
        'period_ended',
      );
      removed++;
    }
    return removed;
  }

  private async step(
    p: Principal,
    id: string,
    action: string,
    decide: (e: SeriousListEntryRow, today: string) => ListingStep,
    removalReason?: BlacklistRemovalReason,
  ): Promise<BlacklistEntryView> {
    const e = await this.repo.entryById(id);
    if (!e) throw new AppError(SupervisionErrorCode.ENTRY_NOT_FOUND, '没有找到该名单记录');
    assertDistrict(p, e.districtCode);
    const next = await this.apply(
      p,
      e,
      action,
      decide(e, shanghaiDate(this.clock.now())),
      removalReason,
    );
    return (await this.views([next]))[0];
  }

  private async apply(
    p: Principal | null,
    e: SeriousListEntryRow,
    action: string,
    r: ListingStep,
    removalReason?: BlacklistRemovalReason,
  ): Promise<SeriousListEntryRow> {
    if (!r.ok) throw new AppError(STEP_ERRORS[r.code], r.message);
    const now = this.clock.now();
    const by = p?.userId ?? null;
    const next: SeriousListEntryRow = { ...e, ...r.entry };
    if (r.entry.status === 'listed' || r.entry.status === 'rejected')
      Object.assign(next, { decidedBy: by, decidedAt: now });
    if (r.entry.status === 'removed')
      Object.assign(next, { removedBy: by, removedAt: now, removalReason: removalReason ?? null });
    await this.audit.transaction(async (m) => {
      if (!(await this.repo.updateEntry(m, next, e.status)))
        throw new AppError('BLACKLIST.CONFLICT', '名单记录已被他人更新，请刷新后重试');
      await this.log(m, p, action, next, now);
    });
    if (next.status !== e.status) await this.credit.recompute([e.entityId], `list:${e.id}`, now);
    return next;
  }

  private async log(
    m: EntityManager,
    p: Principal | null,
    action: string,
    e: SeriousListEntryRow,
    at: Date,
  ) {
    await this.audit.append(
      {
        actorUserId: p?.userId ?? null,
        actorRole: p?.role ?? 'system',
        action,
        subjectType: 'serious_list_entry',
        subjectId: e.id,
        details: { entityId: e.entityId, caseId: e.caseId, status: e.status, endsOn: e.endsOn },
        at,
      },
      m,
    );
  }

  private async views(rows: SeriousListEntryRow[]): Promise<BlacklistEntryView[]> {
    const [names, numbers] = await Promise.all([
      this.repo.entities(rows.map((r) => r.entityId)),
      this.repo.caseNumbers(rows.map((r) => r.caseId)),
    ]);
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
    return rows.map((r) => ({
      id: r.id,
      entityId: r.entityId,
      entityName: names.get(r.entityId)?.name ?? null,
      districtCode: r.districtCode,
      caseId: r.caseId,
      caseNumber: numbers.get(r.caseId) ?? null,
      status: r.status,
      reason: r.reason,
      proposedBy: r.proposedBy,
      proposedAt: new Date(r.proposedAt).toISOString(),
      decidedBy: r.decidedBy,
      decidedAt: iso(r.decidedAt),
      endsOn: r.endsOn,
      repairFrom: r.repairFrom,
      removedAt: iso(r.removedAt),
      removalReason: r.removalReason,
    }));
  }
}

const actor = (p: Principal): ListActor => ({
  userId: p.userId,
  role: p.role,
  districtCode: p.districtCode,
});
