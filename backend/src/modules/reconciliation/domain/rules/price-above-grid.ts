import type { EnergyLineJudgement } from '../energy-line-judgement';
import { ONE_FEN } from '../exact';
import { energyLineFindings } from './energy-line-findings';
import type { MonthRule } from './month-rule';

/** PRICE_ABOVE_GRID: an energy line priced above p* that charged at least 0.01 元 too much. */
export function isPriceAboveGrid(judgement: EnergyLineJudgement): boolean {
  return judgement.aboveAllowedPrice && judgement.differenceFen >= ONE_FEN;
}

export const priceAboveGrid: MonthRule = (context) =>
  energyLineFindings('PRICE_ABOVE_GRID', context, isPriceAboveGrid);
