import type { EnergyLineJudgement } from '../energy-line-judgement';
import { ONE_FEN } from '../exact';
import { energyLineFindings } from './energy-line-findings';
import type { MonthRule } from './month-rule';

/**
 * AMOUNT_MISMATCH: the unit price is allowed (≤ p*) but the amount billed exceeds
 * round2(kwh × p*) by at least 0.01 元, e.g. the kWh were multiplied up.
 */
export function isAmountMismatch(judgement: EnergyLineJudgement): boolean {
  return !judgement.aboveAllowedPrice && judgement.differenceFen >= ONE_FEN;
}

export const amountMismatch: MonthRule = (context) =>
  energyLineFindings('AMOUNT_MISMATCH', context, isAmountMismatch);
