import { kwhTimesAverage, kwhTimesPrice, priceAboveAverage, type Fen, type PriceE5 } from './exact';
import type { TenantChargeLine, Tou } from './reconciliation-input';
import type { SupplyMonth, SupplyMonthFigures } from './supply-month';

/** A tenant energy line measured against its allowed price p* (§2). */
export interface EnergyLineJudgement {
  /** Index into the supply month's tenant lines. */
  index: number;
  line: TenantChargeLine & { tou: Tou; kwhMilli: bigint; unitPriceE5: bigint };
  /** The grid's price of the line's tou, or null when p* is the average price G / K. */
  gridPriceE5: PriceE5 | null;
  /** unit_price > p*, compared exactly. */
  aboveAllowedPrice: boolean;
  /** round2(kwh × p*). */
  allowedFen: Fen;
  /** amount − round2(kwh × p*). */
  differenceFen: Fen;
}

/** Judges every energy line of a month on its own (§4a: lines never offset each other). */
export function judgeEnergyLines(
  month: SupplyMonth,
  figures: SupplyMonthFigures,
): EnergyLineJudgement[] {
  const { G, K, gridPriceByTou } = figures;
  const judgements: EnergyLineJudgement[] = [];
  const lines = month.tenantLines;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (
      line.item !== 'energy' ||
      line.tou === null ||
      line.kwhMilli === null ||
      line.unitPriceE5 === null
    ) {
      continue;
    }
    const gridPriceE5 = line.tou === 'none' ? null : (gridPriceByTou.get(line.tou) ?? null);
    const allowedFen =
      gridPriceE5 === null
        ? kwhTimesAverage(line.kwhMilli, G, K)
        : kwhTimesPrice(line.kwhMilli, gridPriceE5);
    const aboveAllowedPrice =
      gridPriceE5 === null
        ? priceAboveAverage(line.unitPriceE5, G, K)
        : line.unitPriceE5 > gridPriceE5;
    judgements.push({
      index,
      line: line as EnergyLineJudgement['line'],
      gridPriceE5,
      aboveAllowedPrice,
      allowedFen,
      differenceFen: line.amountFen - allowedFen,
    });
  }
  return judgements;
}
