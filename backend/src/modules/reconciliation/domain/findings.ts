import { FindingTypeSchema } from '@zgd/shared-types';
import type { Fen } from './exact';
import type { TenantItem, Tou } from './reconciliation-input';

/** The contract's finding types (§3), defined once in the wire contracts. */
export const FINDING_TYPES = FindingTypeSchema.options;
export type FindingType = (typeof FINDING_TYPES)[number];

/** Where p* came from: the supply month's average price or the grid's price of the same tou. */
export type AllowedPriceSource = 'avg' | 'grid_tou';

/** A tenant energy line and the numbers that judged it (amounts in 元, prices in 元/kWh). */
export interface EnergyLineEvidence {
  /** Index into the supply month sheet's tenantLines. */
  line: number;
  sourceLine: number | null;
  tou: Tou;
  kwh: string;
  unitPrice: string;
  allowedPrice: string;
  allowedPriceFrom: AllowedPriceSource;
  /** round2(kwh × p*). */
  allowedAmount: string;
  amount: string;
  /** amount − allowedAmount. */
  difference: string;
}

export interface GridLineEvidence {
  sourceLine: number | null;
  tou: Tou;
  kwh: string;
  unitPrice: string;
}

/** The numbers behind each finding type. */
export interface FindingBasis {
  MISSING_GRID_BILL: { tenantLines: number; collected: string };
  TARIFF_UNKNOWN: { lines: GridLineEvidence[] };
  TARIFF_MISMATCH: { lines: (GridLineEvidence & { tariffPrice: string; difference: string })[] };
  PRICE_ABOVE_GRID: { lines: EnergyLineEvidence[] };
  AMOUNT_MISMATCH: { lines: EnergyLineEvidence[] };
  PROHIBITED_FEE: {
    lines: { line: number; sourceLine: number | null; item: TenantItem; amount: string }[];
  };
  LOSS_ABOVE_CAP: { L: string; lossCap: string; G: string; capAmount: string };
  OVER_COLLECTION: { collected: string; G: string; own: string; T: string };
  FIXED_PRICE: { unitPrice: string; months: { period: string; avgRounded4: string }[] };
}

export interface FindingKey {
  entityId: string;
  accountNo: string;
  period: string;
  tenantId: string | null;
}

/** A finding as stored and shown: serialisable, money as strings. */
export type Finding = {
  [T in FindingType]: FindingKey & { type: T; amount: string | null; basis: FindingBasis[T] };
}[FindingType];

/** What a rule reports for one supply month; the engine adds the key and formats the amount. */
export type DraftFinding = {
  [T in FindingType]: {
    type: T;
    tenantId: string | null;
    amountFen: Fen | null;
    basis: FindingBasis[T];
  };
}[FindingType];
