import type { EnergyLineJudgement } from '../energy-line-judgement';
import { formatFen, formatKwh, formatPrice } from '../exact';
import type { DraftFinding, EnergyLineEvidence } from '../findings';
import type { MonthContext } from './month-rule';

/**
 * Sums the differences of the energy lines a rule selected into one finding per tenant, in the
 * order tenants first appear. Each selected line passed the threshold on its own.
 */
export function energyLineFindings(
  type: 'PRICE_ABOVE_GRID' | 'AMOUNT_MISMATCH',
  context: MonthContext,
  selected: (judgement: EnergyLineJudgement) => boolean,
): DraftFinding[] {
  const byTenant = new Map<string, { amountFen: bigint; lines: EnergyLineEvidence[] }>();
  for (const judgement of context.judgements) {
    if (!selected(judgement)) continue;
    const tenantId = judgement.line.tenantId;
    let entry = byTenant.get(tenantId);
    if (entry === undefined) byTenant.set(tenantId, (entry = { amountFen: 0n, lines: [] }));
    entry.amountFen += judgement.differenceFen;
    entry.lines.push(energyLineEvidence(judgement, context.avgDisplay));
  }
  return [...byTenant].map(([tenantId, { amountFen, lines }]) => ({
    type,
    tenantId,
    amountFen,
    basis: { lines },
  }));
}

export function energyLineEvidence(
  judgement: EnergyLineJudgement,
  avgDisplay: string,
): EnergyLineEvidence {
  const { line, gridPriceE5 } = judgement;
  return {
    line: judgement.index,
    sourceLine: line.sourceLine ?? null,
    tou: line.tou,
    kwh: formatKwh(line.kwhMilli),
    unitPrice: formatPrice(line.unitPriceE5),
    allowedPrice: gridPriceE5 === null ? avgDisplay : formatPrice(gridPriceE5),
    allowedPriceFrom: gridPriceE5 === null ? 'avg' : 'grid_tou',
    allowedAmount: formatFen(judgement.allowedFen),
    amount: formatFen(line.amountFen),
    difference: formatFen(judgement.differenceFen),
  };
}
