import { Inject, Injectable } from '@nestjs/common';
import {
  BINDING_DAILY_ATTEMPTS,
  BindingErrorCode,
  MAX_BINDINGS_PER_USER,
  type BindingBody,
  type BindingView,
  type PremisesQuery,
  type PremisesView,
} from '@zgd/shared-types';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit';
import type { Principal } from '../auth';
import { shanghaiDate } from '../calendar';
import { parseScaledOrThrow } from '../reconciliation/domain/exact';
import type { TenantBinding } from './binding.entity';
import { BINDINGS_CLOCK, type BindingsClock } from './bindings-clock';
import { BindingsRepository } from './bindings.repository';
import { billedEnergyMilli, judgeProof } from './domain/tenancy-proof';

const wholeSeconds = (d: Date) => new Date(Math.floor(d.getTime() / 1000) * 1000);
const periodLabel = (p: string) => `${p.slice(0, 4)}年${Number(p.slice(5, 7))}月`;

/**
 * Binding a tenant's firm to premises: find the premises, prove the tenancy with the latest
 * month's kWh, keep the binding. A user's bindings are its scope as a tenant (see
 * auth/domain/scope.ts); the guard reads them on every request.
 */
@Injectable()
export class BindingsService {
  constructor(
    private readonly repo: BindingsRepository,
    private readonly audit: AuditService,
    @Inject(BINDINGS_CLOCK) private readonly clock: BindingsClock,
  ) {}

  premises(q: PremisesQuery): Promise<PremisesView[]> {
    return q.code !== undefined
      ? this.repo.premisesByCode(q.code)
      : this.repo.premisesByName(q.name ?? '');
  }

  async list(p: Principal): Promise<BindingView[]> {
    const rows = await this.repo.bindingsOfUser(p.userId);
    const entities = await this.repo.entities(rows.map((r) => r.entityId));
    return rows.map((r) => view(r, entities.get(r.entityId)));
  }

  async bind(p: Principal, body: BindingBody): Promise<BindingView> {
    const now = this.clock.now();
    const mine = await this.repo.bindingsOfUser(p.userId);
    if (mine.some((b) => b.tenantId === body.tenantId && b.accountNo === body.accountNo))
      throw new AppError(BindingErrorCode.ALREADY_BOUND, '您已绑定过该企业在此户号下的场所');
    if (mine.length >= MAX_BINDINGS_PER_USER)
      throw new AppError(
        BindingErrorCode.LIMIT_REACHED,
        `每个用户最多绑定 ${MAX_BINDINGS_PER_USER} 个场所，请先解绑不再使用的场所`,
      );
    const day = shanghaiDate(now);
    const failuresToday = await this.repo.failuresOn(p.userId, day);
    const latest = await this.repo.latestChargeSheet(body.accountNo);
    if (!latest || latest.sheet.entityId !== body.entityId)
      throw new AppError(
        BindingErrorCode.PREMISES_NOT_FOUND,
        '没有找到该收费主体在此户号下的收费记录，请重新扫码或搜索场所',
        [
          {
            code: BindingErrorCode.PREMISES_NOT_FOUND,
            message: '户号不存在',
            path: 'body.accountNo',
          },
        ],
      );
    const verdict = judgeProof({
      billedMilli: billedEnergyMilli(latest.lines, body.tenantId),
      typedMilli: parseScaledOrThrow(body.latestKwh, 3),
      failuresToday,
      dailyLimit: BINDING_DAILY_ATTEMPTS,
    });
    const period = latest.sheet.period;
    if (!verdict.ok && verdict.reason === 'locked') throw tooManyAttempts();
    if (!verdict.ok) {
      // Counted on its own: the refusal stands even though nothing else is written.
      await this.repo.recordFailure({
        userId: p.userId,
        day,
        accountNo: body.accountNo,
        createdAt: wholeSeconds(now),
      });
      if (verdict.attemptsLeft === 0) throw tooManyAttempts();
      throw new AppError(
        BindingErrorCode.PROOF_MISMATCH,
        `用电量与收费主体上报的${periodLabel(period)}用电量不符，或该企业不在此户号下。` +
          `请核对电费单后重试，今天还可尝试 ${verdict.attemptsLeft} 次`,
        [{ code: BindingErrorCode.PROOF_MISMATCH, message: '用电量不符', path: 'body.latestKwh' }],
      );
    }
    const row = await this.audit.transaction(async (m) => {
      const saved = await this.repo.insertBinding(
        {
          userId: p.userId,
          tenantId: body.tenantId,
          tenantName: body.tenantName,
          entityId: body.entityId,
          accountNo: body.accountNo,
          subMeterNo: body.subMeterNo,
          provenPeriod: period,
          createdAt: wholeSeconds(now),
        },
        m,
      );
      await this.audit.append(
        {
          actorUserId: p.userId,
          actorRole: p.role,
          action: 'binding.create',
          subjectType: 'tenant_binding',
          subjectId: String(saved.id),
          details: { tenantId: body.tenantId, accountNo: body.accountNo, provenPeriod: period },
          at: now,
        },
        m,
      );
      return saved;
    });
    const entities = await this.repo.entities([row.entityId]);
    return view(row, entities.get(row.entityId));
  }

  async unbind(p: Principal, id: number): Promise<void> {
    await this.audit.transaction(async (m) => {
      if (!(await this.repo.deleteBinding(p.userId, id, m)))
        throw new AppError(BindingErrorCode.NOT_FOUND, '没有找到该绑定，可能已经解绑');
      await this.audit.append(
        {
          actorUserId: p.userId,
          actorRole: p.role,
          action: 'binding.delete',
          subjectType: 'tenant_binding',
          subjectId: String(id),
          at: this.clock.now(),
        },
        m,
      );
    });
  }
}

function tooManyAttempts() {
  return new AppError(
    BindingErrorCode.TOO_MANY_ATTEMPTS,
    `今天验证失败已达 ${BINDING_DAILY_ATTEMPTS} 次，为保护企业信息，请明天再试`,
  );
}

function view(
  r: TenantBinding,
  entity: { name: string; premisesAddress: string } | undefined,
): BindingView {
  return {
    id: r.id,
    tenantId: r.tenantId,
    tenantName: r.tenantName,
    entityId: r.entityId,
    entityName: entity?.name ?? null,
    premisesAddress: entity?.premisesAddress ?? null,
    accountNo: r.accountNo,
    subMeterNo: r.subMeterNo,
    provenPeriod: r.provenPeriod,
    boundAt: r.createdAt.toISOString(),
  };
}
