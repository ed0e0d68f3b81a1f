import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  DeclarationErrorCode,
  type DeclarationBody,
  type DeclarationPhotoView,
  type DeclarationView,
  type SourceVerdict,
  type TenantMonthSheet,
} from '@zgd/shared-types';
import { AppError } from '../../common/errors/app-error';
import { JsonLogger } from '../../common/logging/json-logger';
import { canonicalJson } from '../audit/domain/audit-chain';
import { tenantAt, tenantIdsOf, type Principal } from '../auth';
import { supplyMonthKey } from '../imports/input-versions';
import {
  formatFen,
  formatKwh,
  formatPrice,
  parseScaledOrThrow,
} from '../reconciliation/domain/exact';
import type { TenantItem, Tou } from '../reconciliation/domain/reconciliation-input';
import { ReconciliationRepository } from '../reconciliation/reconciliation.repository';
import { TenantViewService } from '../reconciliation/tenant-view.service';
import { SettingsService } from '../settings/settings.service';
import { DeclarationPhotosService, photoKey } from './declaration-photos.service';
import { TenantDeclaration, type TenantDeclarationLine } from './declaration.entity';
import { DECLARATIONS_CLOCK, type DeclarationsClock } from './declarations-clock';
import { DeclarationsRepository } from './declarations.repository';
import {
  checkDeclaration,
  declaredLines,
  shanghaiPeriod,
  type DeclaredLine,
} from './domain/declaration-checks';
import { judgedLine, judgeDeclarations, type DeclaredJudgement } from './domain/declared-judgement';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Tenant declarations: kept as the tenant's own record, judged by the reconciliation engine
 * against the account's grid bill as if the entity had reported them, compared with what the
 * entity did report, and judged again whenever an import changes the account.
 */
@Injectable()
export class DeclarationsService {
  constructor(
    private readonly repo: DeclarationsRepository,
    private readonly inputs: ReconciliationRepository,
    private readonly tenantView: TenantViewService,
    private readonly settings: SettingsService,
    private readonly photos: DeclarationPhotosService,
    private readonly logger: JsonLogger,
    @Inject(DECLARATIONS_CLOCK) private readonly clock: DeclarationsClock,
  ) {}

  async declare(
    p: Principal,
    body: DeclarationBody,
  ): Promise<{ view: DeclarationView; replayed: boolean }> {
    const tenantId = await this.declarerAt(p, body.accountNo);
    const { idempotencyKey: _key, ...content } = body;
    const contentHash = sha256(canonicalJson(content));
    const earlier = await this.repo.byKey(p.userId, body.idempotencyKey);
    if (earlier) return { view: await this.replay(p, earlier, contentHash), replayed: true };

    const now = this.clock.now();
    const problems = checkDeclaration(body, shanghaiPeriod(now));
    const { photos, problems: photoProblems } = await this.photos.resolve(p.userId, body.photos);
    problems.push(...photoProblems);
    if (problems.length)
      throw new AppError(
        DeclarationErrorCode.INVALID,
        `申报内容有误：${problems.map((d) => d.message).join('；')}`,
        problems,
      );
    const row = Object.assign(new TenantDeclaration(), {
      id: randomUUID(),
      tenantId,
      declarerUserId: p.userId,
      idempotencyKey: body.idempotencyKey,
      contentHash,
      accountNo: body.accountNo,
      period: body.period,
      entityId: null,
      photos: JSON.stringify(photos),
      note: body.note,
      isCurrent: true,
      status: 'waiting' as const,
      judgement: null,
      mismatch: false,
      gridBillId: null,
      chargeSheetId: null,
      createdAt: now,
      judgedAt: null,
      noticedAt: null,
    });
    const lines = declaredLines(body).map((l, seq) => ({ ...l, declarationId: row.id, seq }));
    try {
      await this.repo.insert(row, lines);
    } catch (e) {
      // A retry that raced this one committed first: answer it.
      const raced = await this.repo.byKey(p.userId, body.idempotencyKey);
      if (raced) return { view: await this.replay(p, raced, contentHash), replayed: true };
      throw e;
    }
    await this.judgeAccounts([body.accountNo]);
    return { view: await this.get(p, row.id), replayed: false };
  }

  private async replay(p: Principal, earlier: TenantDeclaration, contentHash: string) {
    if (earlier.contentHash !== contentHash)
      throw new AppError(
        DeclarationErrorCode.IDEMPOTENCY_KEY_REUSED,
        '该幂等键已用于另一份内容不同的申报，请为新申报生成新的幂等键',
      );
    return this.get(p, earlier.id);
  }

  /**
   * Judges again the current declarations of these accounts (an import changed their grid
   * bill or their tenant charges). A failure is logged and leaves the declarations as they
   * were: the import that called this is already stored.
   */
  async judgeAccounts(accounts: string[]): Promise<void> {
    for (const accountNo of await this.repo.declaredAccounts([...new Set(accounts)])) {
      try {
        await this.judgeAccount(accountNo);
      } catch (e) {
        this.logger.error(
          { msg: 'judging declarations failed', accountNo, error: String(e) },
          'DeclarationsService',
        );
      }
    }
  }

  private async judgeAccount(accountNo: string): Promise<void> {
    const rows = await this.repo.currentOfAccount(accountNo);
    if (!rows.length) return;
    const lines = await this.repo.linesOf(rows.map((r) => r.id));
    const { input, versions } = await this.inputs.loadInput([accountNo]);
    const lossCap = await this.settings.get('reconciliation.loss_cap');
    const redRefundFen = BigInt(await this.settings.get('verdict.red_refund_fen'));
    const now = this.clock.now();
    const byTenant = new Map<string, TenantDeclaration[]>();
    for (const r of rows) byTenant.set(r.tenantId, [...(byTenant.get(r.tenantId) ?? []), r]);
    for (const [tenantId, own] of byTenant) {
      const results = judgeDeclarations({
        input,
        accountNo,
        tenantId,
        declarations: own.map((r) => ({
          id: r.id,
          period: r.period,
          lines: lines.get(r.id)!.map(toDeclaredLine),
        })),
        lossCap,
        verdict: { redRefundFen },
      });
      for (const r of own) {
        const result = results.get(r.id)!;
        const v = versions.get(supplyMonthKey(accountNo, r.period));
        r.gridBillId = v?.gridBillId ?? null;
        r.chargeSheetId = v?.chargeSheetId ?? null;
        r.judgedAt = now;
        if (result.status === 'waiting') {
          Object.assign(r, { status: 'waiting', judgement: null, mismatch: false });
          continue;
        }
        r.status = 'judged';
        r.entityId = result.entityId;
        r.judgement = JSON.stringify(result);
        r.mismatch = result.mismatch !== null;
        if (r.mismatch) r.noticedAt ??= now;
      }
    }
    await this.repo.saveJudgements(rows);
  }

  async list(p: Principal): Promise<DeclarationView[]> {
    const rows = await this.repo.ofTenants(tenantIdsOf(p));
    const lines = await this.repo.linesOf(rows.map((r) => r.id));
    return Promise.all(rows.map((r) => this.view(p, r, lines.get(r.id) ?? [])));
  }

  async get(p: Principal, id: string): Promise<DeclarationView> {
    const row = await this.repo.byId(id);
    if (!row || !tenantIdsOf(p).includes(row.tenantId))
      throw new AppError(DeclarationErrorCode.NOT_FOUND, '没有找到您的这份申报');
    const lines = await this.repo.linesOf([id]);
    return this.view(p, row, lines.get(id) ?? []);
  }

  /**
   * What a report's evidence carries of the tenant's own declarations of the reported months:
   * the declared lines, their judgement and the photos (by hash, where they are kept).
   */
  async evidence(p: Principal, tenantId: string, accountNo: string, periods: string[]) {
    const rows = (await this.repo.ofTenants([tenantId])).filter(
      (r) => r.isCurrent && r.accountNo === accountNo && periods.includes(r.period),
    );
    const lines = await this.repo.linesOf(rows.map((r) => r.id));
    const views = await Promise.all(rows.map((r) => this.view(p, r, lines.get(r.id) ?? [])));
    return views.map((v, i) => ({
      ...v,
      photos: v.photos.map((x) => ({ ...x, key: photoKey(rows[i].declarerUserId, x.photoId) })),
    }));
  }

  private async view(
    p: Principal,
    row: TenantDeclaration,
    lines: TenantDeclarationLine[],
  ): Promise<DeclarationView> {
    const judged = row.judgement ? (JSON.parse(row.judgement) as DeclaredJudgement) : null;
    const reported = await this.reportedVerdict(p, row);
    const entityId = row.entityId ?? reported?.entityId ?? null;
    const names = entityId ? await this.inputs.entityNames([entityId]) : new Map();
    const answers =
      entityId && row.mismatch
        ? await this.repo.answersOf(entityId, [{ accountNo: row.accountNo, period: row.period }])
        : [];
    const ok = judged?.status === 'judged' ? judged : null;
    return {
      id: row.id,
      accountNo: row.accountNo,
      period: row.period,
      status: row.status,
      statusMessage:
        row.status === 'waiting'
          ? `户号 ${row.accountNo} ${row.period} 的电网账单尚未收到，收到后将自动核对并更新结果`
          : '已按该户号当月的电网账单核对',
      entity: entityId ? { id: entityId, name: names.get(entityId)?.name ?? null } : null,
      energy: lines
        .filter((l) => l.item === 'energy')
        .map((l) => ({
          tou: l.tou as Tou,
          kwh: formatKwh(l.kwhMilli ?? 0n),
          unitPrice: formatPrice(l.unitPriceE5 ?? 0n),
          amount: formatFen(l.amountFen),
        })),
      items: lines
        .filter((l) => l.item !== 'energy')
        .map((l) => ({
          item: l.item as Exclude<TenantItem, 'energy'>,
          amount: formatFen(l.amountFen),
        })),
      photos: JSON.parse(row.photos) as DeclarationPhotoView[],
      note: row.note,
      createdAt: new Date(row.createdAt).toISOString(),
      judgedAt: row.judgedAt ? new Date(row.judgedAt).toISOString() : null,
      grid: ok?.grid ?? null,
      declared: ok?.declared ?? null,
      reported: reported?.verdict ?? null,
      mismatch: ok?.mismatch ?? null,
      entityAnswers: answers.map((a) => ({
        statement: a.statement,
        at: new Date(a.createdAt).toISOString(),
      })),
    };
  }

  /** The entity's report of the same tenant-month, as its stored run judged it. */
  private async reportedVerdict(
    p: Principal,
    row: TenantDeclaration,
  ): Promise<{ entityId: string; verdict: SourceVerdict } | null> {
    let sheet: TenantMonthSheet;
    try {
      sheet = await this.tenantView.sheet(p, row.tenantId, row.accountNo, row.period);
    } catch (e) {
      // Nothing reported, or premises the tenant names but is not bound to (nothing to show).
      if (e instanceof AppError && /(NOT_FOUND|OUT_OF_SCOPE)$/.test(e.code)) return null;
      throw e;
    }
    const total = sheet.lines.reduce((s, l) => s + parseScaledOrThrow(l.amount, 2), 0n);
    return {
      entityId: sheet.entity.id,
      verdict: {
        source: 'entity',
        verdict: sheet.verdict,
        lines: sheet.lines.map(judgedLine),
        total: formatFen(total),
        findings: sheet.findings,
        refund: sheet.refund,
      },
    };
  }

  /**
   * The firm that declares at these premises: the one the tenant is bound to there; at premises
   * it is not bound to, its firm, but only where the entity never reported that firm there (it
   * names the premises by the entity's account number). Where the entity did, binding comes
   * first: the binding is what proves the firm rents there.
   */
  private async declarerAt(p: Principal, accountNo: string): Promise<string> {
    const bound = tenantAt(p, accountNo);
    if (bound) return bound;
    const firm = tenantIdsOf(p)[0];
    if (!firm) throw new AppError(DeclarationErrorCode.NO_TENANT, '请先绑定您的企业后再申报');
    if (await this.repo.entityReported(firm, accountNo))
      throw new AppError(
        DeclarationErrorCode.NOT_BOUND,
        `收费主体已上报贵企业在户号 ${accountNo} 的电费，请先绑定该经营场所后再申报`,
      );
    return firm;
  }
}

function toDeclaredLine(l: TenantDeclarationLine): DeclaredLine {
  return {
    item: l.item as TenantItem,
    tou: l.tou as Tou | null,
    kwhMilli: l.kwhMilli,
    unitPriceE5: l.unitPriceE5,
    amountFen: l.amountFen,
  };
}
