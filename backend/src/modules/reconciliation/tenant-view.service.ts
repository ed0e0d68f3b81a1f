import { Injectable } from '@nestjs/common';
import type { FindingView, TenantMonthSheet, TenantMonthSummary } from '@zgd/shared-types';
import { AppError } from '../../common/errors/app-error';
import { canSeeTenant, tenantIdsOf, type Principal } from '../auth';
import { supplyMonthKey } from '../imports/input-versions';
import { SettingsService } from '../settings/settings.service';
import { parseScaledOrThrow } from './domain/exact';
import type { FindingType } from './domain/findings';
import { verdictFor } from './domain/verdict';
import { ReconciliationRepository } from './reconciliation.repository';
import type { StoredMonth } from './reconciliation.service';

/**
 * What a tenant sees of the reconciliation: its supply months with a verdict, and for one
 * month the formula sheet. A tenant sees its landlord's grid bill and the month's totals, but
 * never another tenant's lines.
 */
@Injectable()
export class TenantViewService {
  constructor(
    private readonly repo: ReconciliationRepository,
    private readonly settings: SettingsService,
  ) {}

  /** Every month of the firms a tenant is bound to, at their premises; newest first. */
  async myMonths(p: Principal): Promise<TenantMonthSummary[]> {
    const all = await Promise.all(tenantIdsOf(p).map((t) => this.months(p, t)));
    return all
      .flat()
      .sort(
        (a, b) =>
          b.period.localeCompare(a.period) ||
          a.accountNo.localeCompare(b.accountNo) ||
          a.entityId.localeCompare(b.entityId),
      );
  }

  /** A firm's months at the premises the principal may see it at (all, for the city). */
  async months(p: Principal, tenantId: string): Promise<TenantMonthSummary[]> {
    this.assertCanSee(p, tenantId);
    const months = (await this.repo.latestMonthsOfTenant(tenantId)).filter((m) =>
      canSeeTenant(p, tenantId, m.accountNo),
    );
    const runIds = [...new Set(months.map((m) => m.runId))];
    const [findings, refunds, entities, settings] = await Promise.all([
      this.repo.findingsForTenant(tenantId, runIds),
      this.repo.refundsForTenant(tenantId, runIds),
      this.repo.entityNames(months.map((m) => m.entityId)),
      this.verdictSettings(),
    ]);
    const key = (x: { runId: number; accountNo: string; period: string }) =>
      `${x.runId}|${supplyMonthKey(x.accountNo, x.period)}`;
    return months.map((m) => {
      const types = [
        ...new Set(findings.filter((f) => key(f) === key(m)).map((f) => f.type as FindingType)),
      ].sort();
      const refund = refunds.find((r) => key(r) === key(m))?.amountFen ?? 0n;
      const entity = entities.get(m.entityId);
      return {
        entityId: m.entityId,
        entityName: entity?.name ?? null,
        districtCode: entity?.districtCode ?? null,
        accountNo: m.accountNo,
        period: m.period,
        verdict: verdictFor(types, refund, settings),
        findingTypes: types,
        runId: m.runId,
      };
    });
  }

  async sheet(
    p: Principal,
    tenantId: string,
    accountNo: string,
    period: string,
  ): Promise<TenantMonthSheet> {
    this.assertCanSee(p, tenantId, accountNo);
    const row = await this.repo.latestMonth(accountNo, period);
    const stored: StoredMonth | null = row ? JSON.parse(row.sheet) : null;
    const lines = stored?.sheet.tenantLines.filter((l) => l.tenantId === tenantId) ?? [];
    if (!row || !stored || !lines.length) {
      throw new AppError('TENANT_VIEW.NOT_FOUND', '没有找到您在该户号该月份的电费记录');
    }
    const s = stored.sheet;
    const findings = stored.findings.filter(
      (f) => f.tenantId === tenantId || f.tenantId === null,
    ) as FindingView[];
    const refund = stored.refunds.find((r) => r.tenantId === tenantId) ?? null;
    const refundFen = refund ? parseScaledOrThrow(refund.amount, 2) : 0n;
    return {
      entity: { id: s.entityId, name: s.entityName, districtCode: s.districtCode },
      accountNo,
      period,
      runId: row.runId,
      computedAt: new Date().toISOString(),
      status: s.status,
      grid: {
        lines: s.gridLines,
        G: s.G,
        K: s.K,
        avg: s.avg,
        ownUseKwh: s.ownUseKwh,
        own: s.own,
        T: s.T,
        collected: s.collected,
        E: s.E,
      },
      lines,
      findings,
      refund: refund && {
        amount: refund.amount,
        fromFindings: refund.fromFindings,
        lossShare: refund.lossShare,
        residualShare: refund.residualShare,
      },
      verdict: verdictFor(
        [...new Set(findings.map((f) => f.type as FindingType))],
        refundFen,
        await this.verdictSettings(),
      ),
      sources: {
        gridBillId: row.gridBillId,
        chargeSheetId: row.chargeSheetId,
        ownUseId: row.ownUseId,
      },
    };
  }

  private assertCanSee(p: Principal, tenantId: string, accountNo?: string) {
    if (!canSeeTenant(p, tenantId, accountNo))
      throw new AppError('TENANT_VIEW.OUT_OF_SCOPE', '只能查看本企业的电费记录');
  }

  private async verdictSettings() {
    return { redRefundFen: BigInt(await this.settings.get('verdict.red_refund_fen')) };
  }
}
