import { AMOUNT_SCALE, KWH_SCALE, PRICE_SCALE } from '../exact';
import {
  GRID_LINE_KINDS,
  PRICINGS,
  TENANT_ITEMS,
  TOUS,
  USER_CLASSES,
  VOLTAGES,
  type ChargingEntity,
  type GridBillLine,
  type OwnUse,
  type Tariff,
  type TenantChargeLine,
} from '../reconciliation-input';
import { BatchErrorCode } from './batch-errors';
import type { RowReader } from './row-reader';

/**
 * One function per file: the typed row, or undefined when any value is bad (the reader has
 * recorded why). Every column is read even after a bad one, so all errors of a row are reported.
 */

export function parseEntityRow(r: RowReader): ChargingEntity | undefined {
  const entityId = r.uscc('entity_id');
  const name = r.text('name');
  const premisesAddress = r.text('premises_address');
  const districtCode = r.district('district_code');
  if (!r.ok) return undefined;
  return { entityId: entityId!, name, premisesAddress, districtCode: districtCode! };
}

export function parseTariffRow(r: RowReader): Tariff | undefined {
  const userClass = r.choice('user_class', USER_CLASSES);
  const voltage = r.choice('voltage', VOLTAGES);
  const pricing = r.choice('pricing', PRICINGS);
  const tou = r.choice('tou', TOUS);
  const unitPriceE5 = r.decimal('unit_price', PRICE_SCALE, 'non_negative');
  const effectiveFrom = r.date('effective_from', false);
  const effectiveTo = r.date('effective_to', true);
  if (effectiveFrom && effectiveTo && effectiveTo <= effectiveFrom) {
    r.reject(
      'effective_to',
      effectiveTo,
      BatchErrorCode.INVALID_DATE_RANGE,
      '失效日期（effective_to）应晚于生效日期（effective_from）',
    );
  }
  if (!r.ok) return undefined;
  return {
    userClass: userClass!,
    voltage: voltage!,
    pricing: pricing!,
    tou: tou!,
    unitPriceE5: unitPriceE5!,
    effectiveFrom: effectiveFrom!,
    effectiveTo: effectiveTo ?? null,
    sourceLine: r.line,
  };
}

interface MeteredValues {
  tou: GridBillLine['tou'];
  kwhMilli: bigint | null;
  unitPriceE5: bigint | null;
}

/** tou, kWh and unit price: required on energy lines, blank on every other kind. */
function readMetered(r: RowReader, isEnergy: boolean | undefined, rowKind: string): MeteredValues {
  if (isEnergy === undefined) return { tou: null, kwhMilli: null, unitPriceE5: null };
  if (!isEnergy) {
    r.blank('tou', rowKind);
    r.blank('kwh', rowKind);
    r.blank('unit_price', rowKind);
    return { tou: null, kwhMilli: null, unitPriceE5: null };
  }
  return {
    tou: r.choice('tou', TOUS) ?? null,
    kwhMilli: r.decimal('kwh', KWH_SCALE, 'non_negative') ?? null,
    unitPriceE5: r.decimal('unit_price', PRICE_SCALE, 'non_negative') ?? null,
  };
}

export function parseGridBillRow(r: RowReader): GridBillLine | undefined {
  const accountNo = r.requiredText('account_no');
  const entityId = r.uscc('entity_id');
  const period = r.period('period');
  const userClass = r.choice('user_class', USER_CLASSES);
  const voltage = r.choice('voltage', VOLTAGES);
  const pricing = r.choice('pricing', PRICINGS);
  const line = r.choice('line', GRID_LINE_KINDS);
  const metered = readMetered(
    r,
    line === undefined ? undefined : line === 'energy',
    '非电量（energy）行',
  );
  // Only adjustment lines (力调电费 and other corrections) may be negative.
  const amountFen = r.decimal(
    'amount',
    AMOUNT_SCALE,
    line === 'adjustment' ? 'signed' : 'non_negative',
  );
  if (!r.ok) return undefined;
  return {
    accountNo: accountNo!,
    entityId: entityId!,
    period: period!,
    userClass: userClass!,
    voltage: voltage!,
    pricing: pricing!,
    line: line!,
    ...metered,
    amountFen: amountFen!,
    sourceLine: r.line,
  };
}

export function parseTenantChargeRow(r: RowReader): TenantChargeLine | undefined {
  const entityId = r.uscc('entity_id');
  const accountNo = r.requiredText('account_no');
  const tenantId = r.uscc('tenant_id');
  const tenantName = r.text('tenant_name');
  const period = r.period('period');
  const item = r.choice('item', TENANT_ITEMS);
  const metered = readMetered(
    r,
    item === undefined ? undefined : item === 'energy',
    '非电费（energy）收费行',
  );
  const amountFen = r.decimal('amount', AMOUNT_SCALE, 'non_negative');
  if (!r.ok) return undefined;
  return {
    entityId: entityId!,
    accountNo: accountNo!,
    tenantId: tenantId!,
    tenantName,
    period: period!,
    item: item!,
    tou: metered.tou,
    kwhMilli: metered.kwhMilli,
    unitPriceE5: metered.unitPriceE5,
    amountFen: amountFen!,
    sourceLine: r.line,
  };
}

export function parseOwnUseRow(r: RowReader): OwnUse | undefined {
  const entityId = r.uscc('entity_id');
  const accountNo = r.requiredText('account_no');
  const period = r.period('period');
  const kwhMilli = r.decimal('kwh', KWH_SCALE, 'non_negative');
  if (!r.ok) return undefined;
  return {
    entityId: entityId!,
    accountNo: accountNo!,
    period: period!,
    kwhMilli: kwhMilli!,
    sourceLine: r.line,
  };
}
