import { Injectable } from '@nestjs/common';
import { ConsoleErrorCode, type AllowedPriceMonth, type EntityPortalView } from '@zgd/shared-types';
import { AppError } from '../../common/errors/app-error';
import type { Principal } from '../auth';
import { formatFen } from '../reconciliation/domain/exact';
import type { StoredMonth } from '../reconciliation/reconciliation.service';
import { ConsoleRepository } from './console.repository';
import { showsPerTenantFigures } from './domain/console-scope';
import { portalFindings } from './domain/portal-findings';

/**
 * The charging entity's own page: what it may charge each month and what the platform found.
 * Never anything about reports; with few tenants no per-tenant figure (domain §5).
 */
@Injectable()
export class EntityPortalService {
  constructor(private readonly repo: ConsoleRepository) {}

  async overview(p: Principal): Promise<EntityPortalView> {
    if (!p.entityId)
      throw new AppError(
        ConsoleErrorCode.NO_ENTITY,
        '当前账号未关联收费主体，请联系所在区市场监管局',
      );
    const entityId = p.entityId;
    const [entity, counts, sheets, findings] = await Promise.all([
      this.repo.entity(entityId),
      this.repo.entityCounts([entityId]),
      this.repo.currentSheets(entityId),
      this.repo.currentFindings(entityId),
    ]);
    const perTenant = showsPerTenantFigures(counts.get(entityId)?.tenants ?? 0);
    return {
      id: entityId,
      name: entity?.name ?? p.displayName,
      districtCode: entity?.districtCode ?? '',
      perTenantFigures: perTenant,
      months: sheets.map((s) => allowedPrices(s)),
      findings: portalFindings(findings, perTenant),
    };
  }
}

function allowedPrices(
  row: Awaited<ReturnType<ConsoleRepository['currentSheets']>>[number],
): AllowedPriceMonth {
  const { sheet } = JSON.parse(row.sheet) as StoredMonth;
  return {
    accountNo: row.accountNo,
    period: row.period,
    averagePrice: sheet.avg?.display ?? null,
    gridPrices: sheet.gridLines
      .filter((l) => l.line === 'energy' && l.unitPrice !== null)
      .map((l) => ({ tou: l.tou, unitPrice: l.unitPrice! })),
    verdict: row.verdict,
    overcharge: formatFen(row.fen),
  };
}
