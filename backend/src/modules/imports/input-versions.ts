import { createHash } from 'node:crypto';
import type {
  GridBillLine,
  OwnUse,
  TenantChargeLine,
} from '../reconciliation/domain/reconciliation-input';

/** Lines of one input grouped by (account, period): the unit that is versioned. */
export function groupBySupplyMonth<T extends { accountNo: string; period: string }>(
  rows: T[],
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const key = supplyMonthKey(r.accountNo, r.period);
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  return groups;
}

export function supplyMonthKey(accountNo: string, period: string): string {
  return `${accountNo}|${period}`;
}

const n = (v: bigint | null) => (v === null ? '' : v.toString());

/**
 * A version's identity is its content, in any line order: a redelivery with the same lines
 * adds no version, a correction adds one.
 */
function contentHash(header: string, lines: string[]): string {
  const h = createHash('sha256').update(header);
  for (const l of [...lines].sort()) h.update('\n').update(l);
  return h.digest('hex');
}

export function gridBillHash(lines: GridBillLine[]): string {
  const f = lines[0];
  return contentHash(
    [f.entityId, f.userClass, f.voltage, f.pricing].join(','),
    lines.map((l) =>
      [l.line, l.tou ?? '', n(l.kwhMilli), n(l.unitPriceE5), n(l.amountFen)].join(','),
    ),
  );
}

export function chargeSheetHash(lines: TenantChargeLine[]): string {
  return contentHash(
    lines[0].entityId,
    lines.map((l) =>
      [
        l.tenantId,
        l.tenantName,
        l.item,
        l.tou ?? '',
        n(l.kwhMilli),
        n(l.unitPriceE5),
        n(l.amountFen),
      ].join(','),
    ),
  );
}

export function ownUseHash(row: OwnUse): string {
  return contentHash(row.entityId, [n(row.kwhMilli)]);
}
