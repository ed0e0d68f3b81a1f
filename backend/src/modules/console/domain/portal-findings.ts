import type { EntityPortalFinding } from '@zgd/shared-types';
import { formatFen } from '../../reconciliation/domain/exact';

export interface StoredFinding {
  accountNo: string;
  period: string;
  type: string;
  tenantId: string | null;
  fen: bigint | null;
}

/**
 * Findings as the entity may see them. With too few tenants, findings about single tenants are
 * reduced to one line per month and kind, without tenant or amount.
 */
export function portalFindings(
  rows: readonly StoredFinding[],
  perTenant: boolean,
): EntityPortalFinding[] {
  const out: EntityPortalFinding[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const amount = r.fen === null ? null : formatFen(r.fen);
    if (perTenant || r.tenantId === null) {
      out.push({
        accountNo: r.accountNo,
        period: r.period,
        type: r.type,
        tenantId: r.tenantId,
        amount,
      });
      continue;
    }
    const key = `${r.accountNo}|${r.period}|${r.type}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      accountNo: r.accountNo,
      period: r.period,
      type: r.type,
      tenantId: null,
      amount: null,
    });
  }
  return out;
}
