import { describe, expect, it } from 'vitest';
import { parseScaledOrThrow } from '../exact';
import type { TenantChargeLine, TenantItem, Tou } from '../reconciliation-input';
import { reportMismatch, type MismatchField } from './report-mismatch';

const TENANT = '91310109PRMU98K65L';

function energy(tou: Tou, kwh: string, price: string, amount: string): TenantChargeLine {
  return {
    entityId: '91310112YUYU122BX0',
    accountNo: '3100000002',
    tenantId: TENANT,
    tenantName: '租户',
    period: '2025-04',
    item: 'energy',
    tou,
    kwhMilli: parseScaledOrThrow(kwh, 3),
    unitPriceE5: parseScaledOrThrow(price, 5),
    amountFen: parseScaledOrThrow(amount, 2),
  };
}

function fee(item: TenantItem, amount: string): TenantChargeLine {
  return {
    ...energy('none', '0', '0', amount),
    item,
    tou: null,
    kwhMilli: null,
    unitPriceE5: null,
  };
}

type Row = [string, TenantChargeLine[], TenantChargeLine[], MismatchField[] | null, string?];
const f = (field: string, label: string, declared: string | null, reported: string | null) => ({
  field,
  label,
  declared,
  reported,
});

describe('REPORT_MISMATCH: declared vs reported, field by field', () => {
  const rows: Row[] = [
    [
      'identical figures: no finding',
      [energy('none', '3944', '1.2', '4732.80'), fee('basic_fee', '480')],
      [energy('none', '3944', '1.20000', '4732.80'), fee('basic_fee', '480.00')],
      null,
    ],
    [
      'nothing reported by the entity: nothing to compare',
      [energy('none', '3944', '1.2', '4732.80')],
      [],
      null,
    ],
    [
      'kWh differs by one kWh: reported with both values',
      [energy('none', '3944', '1.2', '4732.80')],
      [energy('none', '3943', '1.2', '4732.80')],
      [f('energy.none.kwh', '电量（不分时）', '3944.000', '3943.000')],
      '0.00',
    ],
    [
      'amounts one fen apart: rounding, not a mismatch',
      [energy('none', '3944', '1.2', '4732.81')],
      [energy('none', '3944', '1.2', '4732.80')],
      null,
    ],
    [
      'amounts two fen apart: a mismatch, and the total too',
      [energy('none', '3944', '1.2', '4732.82')],
      [energy('none', '3944', '1.2', '4732.80')],
      [
        f('energy.none.amount', '电费金额（不分时）', '4732.82', '4732.80'),
        f('total', '合计金额', '4732.82', '4732.80'),
      ],
      '0.02',
    ],
    [
      'a 4-place printed price of a 5-place price moving money by less than a fen: same',
      // |0.77070 − 0.7707| = 0; |0.77071 − 0.7707| × 100 kWh = 0.001 元.
      [energy('none', '100', '0.7707', '77.07')],
      [energy('none', '100', '0.77071', '77.07')],
      null,
    ],
    [
      'a price difference worth more than a fen at the declared kWh',
      // 0.00001 × 3944 kWh = 0.03944 元 > 0.01.
      [energy('none', '3944', '1.20001', '4732.84')],
      [energy('none', '3944', '1.2', '4732.84')],
      [f('energy.none.unitPrice', '单价（不分时）', '1.20001', '1.20000')],
      '0.00',
    ],
    [
      'an item the entity left out',
      [energy('none', '3944', '1.2', '4732.80'), fee('basic_fee', '480')],
      [energy('none', '3944', '1.2', '4732.80')],
      [
        f('item.basic_fee', '基础电费', '480.00', null),
        f('total', '合计金额', '5212.80', '4732.80'),
      ],
      '480.00',
    ],
    [
      'a zero item on one side is the same as none',
      [energy('none', '3944', '1.2', '4732.80'), fee('service_fee', '0')],
      [energy('none', '3944', '1.2', '4732.80')],
      null,
    ],
    [
      'a time-of-use period on one side only: all its fields, null on the other',
      [energy('peak', '100', '0.9', '90.00'), energy('valley', '50', '0.4', '20.00')],
      [energy('peak', '100', '0.9', '90.00')],
      [
        f('energy.valley.kwh', '电量（低谷）', '50.000', null),
        f('energy.valley.unitPrice', '单价（低谷）', '0.40000', null),
        f('energy.valley.amount', '电费金额（低谷）', '20.00', null),
        f('total', '合计金额', '110.00', '90.00'),
      ],
      '20.00',
    ],
    [
      'several lines of one period are summed before comparing',
      [energy('none', '100', '1', '100.00'), energy('none', '50', '1', '50.00')],
      [energy('none', '150', '1', '150.00')],
      null,
    ],
    [
      'the entity reported less than the tenant paid: negative amount',
      [energy('none', '1000', '1.2', '1200.00')],
      [energy('none', '1000', '0.9', '900.00')],
      [
        f('energy.none.unitPrice', '单价（不分时）', '1.20000', '0.90000'),
        f('energy.none.amount', '电费金额（不分时）', '1200.00', '900.00'),
        f('total', '合计金额', '1200.00', '900.00'),
      ],
      '300.00',
    ],
  ];

  it.each(rows)('%s', (_name, declared, reported, fields, amount) => {
    const finding = reportMismatch(TENANT, declared, reported);
    if (fields === null) {
      expect(finding).toBeNull();
      return;
    }
    expect(finding).not.toBeNull();
    expect(finding!.type).toBe('REPORT_MISMATCH');
    expect(finding!.tenantId).toBe(TENANT);
    expect(finding!.basis.fields).toEqual(fields);
    expect(finding!.amountFen).toBe(parseScaledOrThrow(amount!, 2));
  });
});
