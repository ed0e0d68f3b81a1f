import { formatFen } from '../exact';
import type { DraftFinding, FindingBasis } from '../findings';
import type { TenantItem } from '../reconciliation-input';
import type { MonthRule } from './month-rule';

/** Charges the law does not allow on top of electricity (电力法 §44): service, basic, equipment, other. */
export const PROHIBITED_ITEMS: ReadonlySet<TenantItem> = new Set<TenantItem>([
  'service_fee',
  'basic_fee',
  'equipment_fee',
  'other',
]);

/** PROHIBITED_FEE: Σ of a tenant's prohibited lines with an amount above zero. */
export const prohibitedFee: MonthRule = ({ month }) => {
  const byTenant = new Map<
    string,
    { amountFen: bigint; lines: FindingBasis['PROHIBITED_FEE']['lines'] }
  >();
  month.tenantLines.forEach((line, index) => {
    if (!PROHIBITED_ITEMS.has(line.item) || line.amountFen <= 0n) return;
    let entry = byTenant.get(line.tenantId);
    if (entry === undefined) byTenant.set(line.tenantId, (entry = { amountFen: 0n, lines: [] }));
    entry.amountFen += line.amountFen;
    entry.lines.push({
      line: index,
      sourceLine: line.sourceLine ?? null,
      item: line.item,
      amount: formatFen(line.amountFen),
    });
  });
  return [...byTenant].map(([tenantId, { amountFen, lines }]): DraftFinding => ({
    type: 'PROHIBITED_FEE',
    tenantId,
    amountFen,
    basis: { lines },
  }));
};
