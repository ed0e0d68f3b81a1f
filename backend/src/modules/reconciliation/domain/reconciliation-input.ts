import type { Fen, KwhMilli, PriceE5 } from './exact';

/**
 * The engine's input: plain objects with exact scaled integers. The CSV batch reader produces
 * them, and the database can feed the same shapes (its columns are the same scaled integers).
 */

export const USER_CLASSES = [
  'general_commercial',
  'large_industrial',
  'residential',
  'agricultural',
] as const;
export const VOLTAGES = ['lt_1kv', 'kv_1_10', 'kv_35', 'kv_110', 'kv_220_plus'] as const;
export const PRICINGS = ['single', 'two_part'] as const;
export const GRID_LINE_KINDS = ['energy', 'capacity', 'adjustment'] as const;
export const TENANT_ITEMS = [
  'energy',
  'loss',
  'shared_area',
  'service_fee',
  'basic_fee',
  'equipment_fee',
  'other',
] as const;
export const TOUS = ['sharp', 'peak', 'flat', 'valley', 'deep_valley', 'none'] as const;

export type UserClass = (typeof USER_CLASSES)[number];
export type Voltage = (typeof VOLTAGES)[number];
export type Pricing = (typeof PRICINGS)[number];
export type GridLineKind = (typeof GRID_LINE_KINDS)[number];
export type TenantItem = (typeof TENANT_ITEMS)[number];
export type Tou = (typeof TOUS)[number];

/** A period is `YYYY-MM`; a date is `YYYY-MM-DD`. */
export type Period = string;

export interface ChargingEntity {
  entityId: string;
  name: string;
  premisesAddress: string;
  districtCode: string;
}

export interface Tariff {
  userClass: UserClass;
  voltage: Voltage;
  pricing: Pricing;
  tou: Tou;
  unitPriceE5: PriceE5;
  effectiveFrom: string;
  /** Exclusive; null = open-ended. */
  effectiveTo: string | null;
  sourceLine?: number;
}

/** Energy lines carry tou, kWh and unit price; capacity and adjustment lines only an amount. */
export interface GridBillLine {
  accountNo: string;
  entityId: string;
  period: Period;
  userClass: UserClass;
  voltage: Voltage;
  pricing: Pricing;
  line: GridLineKind;
  tou: Tou | null;
  kwhMilli: KwhMilli | null;
  unitPriceE5: PriceE5 | null;
  amountFen: Fen;
  /** Where the line came from (file line, header = 1), carried into the sheets. */
  sourceLine?: number;
}

export interface TenantChargeLine {
  entityId: string;
  accountNo: string;
  tenantId: string;
  tenantName: string;
  period: Period;
  item: TenantItem;
  tou: Tou | null;
  kwhMilli: KwhMilli | null;
  unitPriceE5: PriceE5 | null;
  amountFen: Fen;
  sourceLine?: number;
}

export interface OwnUse {
  entityId: string;
  accountNo: string;
  period: Period;
  kwhMilli: KwhMilli;
  sourceLine?: number;
}

export interface ReconciliationInput {
  entities: ChargingEntity[];
  tariffs: Tariff[];
  gridBills: GridBillLine[];
  tenantCharges: TenantChargeLine[];
  ownUse: OwnUse[];
}
