import { formatFen } from '../exact';
import type { DraftFinding } from '../findings';
import type { SupplyMonth } from '../supply-month';

/**
 * MISSING_GRID_BILL: tenants were charged for a supply month the grid billed nothing for.
 * The engine runs no other rule on such a month (§3, §4a).
 */
export function missingGridBill(month: SupplyMonth): DraftFinding[] {
  if (month.gridLines.length > 0 || month.tenantLines.length === 0) return [];
  let collected = 0n;
  for (const line of month.tenantLines) collected += line.amountFen;
  return [
    {
      type: 'MISSING_GRID_BILL',
      tenantId: null,
      amountFen: null,
      basis: { tenantLines: month.tenantLines.length, collected: formatFen(collected) },
    },
  ];
}
