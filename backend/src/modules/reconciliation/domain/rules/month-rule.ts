import type { EnergyLineJudgement } from '../energy-line-judgement';
import type { ExactFraction, Fen } from '../exact';
import type { DraftFinding } from '../findings';
import type { SupplyMonth, SupplyMonthFigures } from '../supply-month';
import type { GridEnergyCheck } from '../tariff-table';

/** What a rule sees of a supply month that has grid lines. */
export interface MonthContext {
  month: SupplyMonth;
  figures: SupplyMonthFigures;
  gridChecks: readonly GridEnergyCheck[];
  judgements: readonly EnergyLineJudgement[];
  lossCap: ExactFraction;
  /** round2(cap × G). */
  lossCapAmountFen: Fen;
  /** Display form of G / K in 元/kWh, for evidence. */
  avgDisplay: string;
}

/** A §3 rule over one supply month. */
export type MonthRule = (context: MonthContext) => DraftFinding[];
