import { describe, expect, it } from 'vitest';
import {
  ACCOUNT,
  ENTITY,
  gridCsv,
  OTHER_ENTITY,
  ownUseCsv,
  readFiles,
  TENANT_A,
  tariffCsv,
  tenantCsv,
  type Files,
} from '../testing/csv-batch-builder';
import { formatBatchError, type BatchError } from './batch-errors';
import { readBatch } from './batch-reader';
import { memoryBatchSource } from './memory-batch-source';

/** A valid one-month batch: 1000 kWh peak + 500 kWh valley, one tenant. */
const GRID = gridCsv(
  ['2025-07', 'energy', 'peak', '1000', '0.87970', '879.70'],
  ['2025-07', 'energy', 'valley', '500', '0.44550', '222.75'],
);
const TENANTS = tenantCsv([TENANT_A, '2025-07', 'energy', 'none', '800', '0.7', '560.00']);

function errorsOf(files: Files): Pick<BatchError, 'file' | 'line' | 'column' | 'code'>[] {
  const result = readFiles(files);
  if (result.ok) return [];
  return result.errors.map(({ file, line, column, code }) => ({ file, line, column, code }));
}

function onlyError(files: Files): Pick<BatchError, 'file' | 'line' | 'column' | 'code'> {
  const errors = errorsOf(files);
  expect(errors).toHaveLength(1);
  return errors[0];
}

const TENANT_HEADER =
  'entity_id,account_no,tenant_id,tenant_name,period,item,tou,kwh,unit_price,amount';
const tenantRow = (cells: Partial<Record<string, string>>): string => {
  const row: Record<string, string> = {
    entity_id: ENTITY,
    account_no: ACCOUNT,
    tenant_id: TENANT_A,
    tenant_name: '租户',
    period: '2025-07',
    item: 'energy',
    tou: 'none',
    kwh: '800',
    unit_price: '0.7',
    amount: '560.00',
    ...cells,
  };
  return `${TENANT_HEADER}\n${TENANT_HEADER.split(',')
    .map((c) => row[c])
    .join(',')}\n`;
};

describe('readBatch: a valid batch', () => {
  it('returns typed rows with exact scaled integers', () => {
    const result = readFiles({ 'grid_bills.csv': GRID, 'tenant_charges.csv': TENANTS });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input.gridBills[0]).toMatchObject({
      kwhMilli: 1_000_000n,
      unitPriceE5: 87_970n,
      amountFen: 87_970n,
      sourceLine: 2,
    });
    expect(result.input.tenantCharges[0]).toMatchObject({
      tou: 'none',
      kwhMilli: 800_000n,
      unitPriceE5: 70_000n,
      amountFen: 56_000n,
    });
  });

  it('accepts columns in any order, unknown columns, a BOM and CRLF', () => {
    const grid =
      '\ufeffnote,amount,unit_price,kwh,tou,line,pricing,voltage,user_class,period,entity_id,account_no\r\n' +
      `x,879.70,0.87970,1000,peak,energy,single,lt_1kv,general_commercial,2025-07,${ENTITY},${ACCOUNT}\r\n`;
    expect(readFiles({ 'grid_bills.csv': grid }).ok).toBe(true);
  });

  it('accepts an empty folder (every file is optional)', () => {
    expect(readFiles({}).ok).toBe(true);
  });

  it('allows a negative amount on an adjustment line only', () => {
    const grid =
      GRID + `${ACCOUNT},${ENTITY},2025-07,general_commercial,lt_1kv,single,adjustment,,,,-12.30\n`;
    expect(readFiles({ 'grid_bills.csv': grid }).ok).toBe(true);
  });
});

describe('readBatch: the file shape', () => {
  it('reports a missing required column on the header line', () => {
    const grid = GRID.replace(',amount\n', '\n').replace(/,879\.70|,222\.75/g, '');
    expect(errorsOf({ 'grid_bills.csv': grid })).toEqual([
      { file: 'grid_bills.csv', line: 1, column: 'amount', code: 'CSV.MISSING_COLUMN' },
    ]);
  });

  it('reports a contract column given twice', () => {
    const csv = `period,entity_id,account_no,period,kwh\n2025-07,${ENTITY},${ACCOUNT},2025-07,1\n`;
    expect(onlyError({ 'own_use.csv': csv })).toEqual({
      file: 'own_use.csv',
      line: 1,
      column: 'period',
      code: 'CSV.DUPLICATE_COLUMN',
    });
  });

  it('reports a present but empty file', () => {
    expect(onlyError({ 'entities.csv': '' })).toEqual({
      file: 'entities.csv',
      line: 1,
      column: '',
      code: 'CSV.MISSING_HEADER',
    });
  });

  it('reports a row with more or fewer fields than the header', () => {
    expect(onlyError({ 'tenant_charges.csv': TENANTS + `${ENTITY},${ACCOUNT}\n` })).toEqual({
      file: 'tenant_charges.csv',
      line: 3,
      column: '',
      code: 'CSV.FIELD_COUNT',
    });
  });

  it('reports an unterminated quote and a wrong encoding', () => {
    expect(onlyError({ 'tenant_charges.csv': TENANTS + `${ENTITY},"${ACCOUNT}\n` })).toMatchObject({
      line: 3,
      code: 'CSV.UNTERMINATED_QUOTE',
    });
    const gbk = new Uint8Array([
      ...new TextEncoder().encode('entity_id,name,premises_address,district_code\n'),
      0xc9,
      0xcf,
    ]);
    const result = readBatch(memoryBatchSource({ 'entities.csv': gbk }));
    expect(result).toMatchObject({
      ok: false,
      errors: [{ file: 'entities.csv', line: 1, code: 'CSV.INVALID_ENCODING' }],
    });
  });
});

describe('readBatch: value domains (one error, at its file, line and column)', () => {
  const cases: [string, Files, Pick<BatchError, 'file' | 'line' | 'column' | 'code'>][] = [
    [
      'a tenant_id with a wrong check character',
      { 'tenant_charges.csv': tenantRow({ tenant_id: '913101077L4UXGCP74' }) },
      { file: 'tenant_charges.csv', line: 2, column: 'tenant_id', code: 'CSV.INVALID_USCC' },
    ],
    [
      'an entity_id that is too short',
      { 'tenant_charges.csv': tenantRow({ entity_id: '9131011' }) },
      { file: 'tenant_charges.csv', line: 2, column: 'entity_id', code: 'CSV.INVALID_USCC' },
    ],
    [
      'a district code outside Shanghai',
      {
        'entities.csv': `entity_id,name,premises_address,district_code\n${ENTITY},某园区,上海,310108\n`,
      },
      { file: 'entities.csv', line: 2, column: 'district_code', code: 'CSV.INVALID_DISTRICT' },
    ],
    [
      'a period that is not YYYY-MM',
      { 'tenant_charges.csv': tenantRow({ period: '2025-7' }) },
      { file: 'tenant_charges.csv', line: 2, column: 'period', code: 'CSV.INVALID_PERIOD' },
    ],
    [
      'month 13',
      { 'own_use.csv': ownUseCsv(['2025-13', '1']) },
      { file: 'own_use.csv', line: 2, column: 'period', code: 'CSV.INVALID_PERIOD' },
    ],
    [
      'a date that does not exist',
      { 'tariffs.csv': tariffCsv(['none', '0.7', '2025-02-29', '']) },
      { file: 'tariffs.csv', line: 2, column: 'effective_from', code: 'CSV.INVALID_DATE' },
    ],
    [
      'effective_to not after effective_from',
      { 'tariffs.csv': tariffCsv(['none', '0.7', '2025-03-01', '2025-03-01']) },
      { file: 'tariffs.csv', line: 2, column: 'effective_to', code: 'CSV.INVALID_DATE_RANGE' },
    ],
    [
      'an unknown item',
      {
        'tenant_charges.csv': tenantRow({
          item: 'management_fee',
          tou: '',
          kwh: '',
          unit_price: '',
        }),
      },
      { file: 'tenant_charges.csv', line: 2, column: 'item', code: 'CSV.INVALID_CHOICE' },
    ],
    [
      'an unknown tou',
      { 'tenant_charges.csv': tenantRow({ tou: 'night' }) },
      { file: 'tenant_charges.csv', line: 2, column: 'tou', code: 'CSV.INVALID_CHOICE' },
    ],
    [
      'an unknown voltage',
      { 'tariffs.csv': tariffCsv(['none', '0.7', '2025-01-01', '']).replace('lt_1kv', '10kv') },
      { file: 'tariffs.csv', line: 2, column: 'voltage', code: 'CSV.INVALID_CHOICE' },
    ],
    [
      'kWh with 4 places',
      { 'tenant_charges.csv': tenantRow({ kwh: '800.0001' }) },
      { file: 'tenant_charges.csv', line: 2, column: 'kwh', code: 'CSV.TOO_MANY_DECIMALS' },
    ],
    [
      'a unit price with 6 places',
      { 'tenant_charges.csv': tenantRow({ unit_price: '0.700001' }) },
      { file: 'tenant_charges.csv', line: 2, column: 'unit_price', code: 'CSV.TOO_MANY_DECIMALS' },
    ],
    [
      'an amount with 3 places',
      { 'tenant_charges.csv': tenantRow({ amount: '560.001' }) },
      { file: 'tenant_charges.csv', line: 2, column: 'amount', code: 'CSV.TOO_MANY_DECIMALS' },
    ],
    [
      'a thousands separator',
      { 'tenant_charges.csv': tenantRow({ amount: '"1,560.00"' }) },
      { file: 'tenant_charges.csv', line: 2, column: 'amount', code: 'CSV.INVALID_DECIMAL' },
    ],
    [
      'negative kWh',
      { 'own_use.csv': ownUseCsv(['2025-07', '-1']) },
      { file: 'own_use.csv', line: 2, column: 'kwh', code: 'CSV.NEGATIVE' },
    ],
    [
      'a negative tenant amount',
      {
        'tenant_charges.csv': tenantRow({
          item: 'loss',
          tou: '',
          kwh: '',
          unit_price: '',
          amount: '-5.00',
        }),
      },
      { file: 'tenant_charges.csv', line: 2, column: 'amount', code: 'CSV.NEGATIVE' },
    ],
    [
      'a negative amount on a grid energy line',
      { 'grid_bills.csv': GRID.replace('879.70', '-879.70') },
      { file: 'grid_bills.csv', line: 2, column: 'amount', code: 'CSV.NEGATIVE' },
    ],
    [
      'a negative capacity charge',
      {
        'grid_bills.csv':
          GRID +
          `${ACCOUNT},${ENTITY},2025-07,general_commercial,lt_1kv,single,capacity,,,,-1.00\n`,
      },
      { file: 'grid_bills.csv', line: 4, column: 'amount', code: 'CSV.NEGATIVE' },
    ],
    [
      'an energy line without kWh',
      { 'tenant_charges.csv': tenantRow({ kwh: '' }) },
      { file: 'tenant_charges.csv', line: 2, column: 'kwh', code: 'CSV.REQUIRED' },
    ],
    [
      'a grid energy line without tou',
      { 'grid_bills.csv': GRID.replace(',peak,', ',,') },
      { file: 'grid_bills.csv', line: 2, column: 'tou', code: 'CSV.REQUIRED' },
    ],
    [
      'a blank account_no',
      { 'tenant_charges.csv': tenantRow({ account_no: '' }) },
      { file: 'tenant_charges.csv', line: 2, column: 'account_no', code: 'CSV.REQUIRED' },
    ],
    [
      'a tou on a capacity line',
      {
        'grid_bills.csv':
          GRID +
          `${ACCOUNT},${ENTITY},2025-07,general_commercial,lt_1kv,single,capacity,peak,,,1.00\n`,
      },
      { file: 'grid_bills.csv', line: 4, column: 'tou', code: 'CSV.MUST_BE_BLANK' },
    ],
    [
      'kWh on a loss line',
      { 'tenant_charges.csv': tenantRow({ item: 'loss', tou: '', kwh: '30', unit_price: '' }) },
      { file: 'tenant_charges.csv', line: 2, column: 'kwh', code: 'CSV.MUST_BE_BLANK' },
    ],
  ];

  it.each(cases)('rejects %s', (_name, files, expected) => {
    expect(onlyError(files)).toEqual(expected);
  });
});

describe('readBatch: rows that contradict each other', () => {
  it('rejects a second energy line of the same account, period and tou', () => {
    const grid =
      GRID +
      `${ACCOUNT},${ENTITY},2025-07,general_commercial,lt_1kv,single,energy,peak,1,0.87970,0.88\n`;
    expect(onlyError({ 'grid_bills.csv': grid })).toEqual({
      file: 'grid_bills.csv',
      line: 4,
      column: 'tou',
      code: 'BATCH.DUPLICATE_ENERGY_LINE',
    });
  });

  it('rejects tariff rows of one key whose periods overlap', () => {
    const tariffs = tariffCsv(
      ['none', '0.7', '2025-01-01', '2025-03-01'],
      ['peak', '0.9', '2025-01-01', ''],
      ['none', '0.8', '2025-02-01', '2025-04-01'],
    );
    expect(onlyError({ 'tariffs.csv': tariffs })).toEqual({
      file: 'tariffs.csv',
      line: 4,
      column: 'effective_from',
      code: 'BATCH.OVERLAPPING_TARIFF',
    });
  });

  it('rejects any row after an open-ended tariff of the same key', () => {
    const tariffs = tariffCsv(['none', '0.7', '2025-01-01', ''], ['none', '0.8', '2026-01-01', '']);
    expect(onlyError({ 'tariffs.csv': tariffs })).toMatchObject({
      line: 3,
      code: 'BATCH.OVERLAPPING_TARIFF',
    });
  });

  it('accepts tariffs that touch (effective_to is exclusive)', () => {
    expect(
      readFiles({
        'tariffs.csv': tariffCsv(
          ['none', '0.7', '2025-01-01', '2025-02-01'],
          ['none', '0.8', '2025-02-01', ''],
        ),
      }).ok,
    ).toBe(true);
  });

  it.each([
    [
      'entity_id',
      GRID.replace(
        `${ENTITY},2025-07,general_commercial,lt_1kv,single,energy,valley`,
        `${OTHER_ENTITY},2025-07,general_commercial,lt_1kv,single,energy,valley`,
      ),
    ],
    [
      'user_class',
      GRID.replace(
        'general_commercial,lt_1kv,single,energy,valley',
        'large_industrial,lt_1kv,single,energy,valley',
      ),
    ],
    ['voltage', GRID.replace('lt_1kv,single,energy,valley', 'kv_1_10,single,energy,valley')],
    ['pricing', GRID.replace('single,energy,valley', 'two_part,energy,valley')],
  ])('rejects grid lines of one account and period that disagree on %s', (column, grid) => {
    expect(onlyError({ 'grid_bills.csv': grid })).toEqual({
      file: 'grid_bills.csv',
      line: 3,
      column,
      code: 'BATCH.GRID_BILL_DISAGREES',
    });
  });

  it('rejects a grid bill with no energy kWh', () => {
    const grid = gridCsv(
      ['2025-08', 'capacity', '', '', '', '300.00'],
      ['2025-09', 'energy', 'none', '0', '0.7', '0.00'],
    );
    expect(errorsOf({ 'grid_bills.csv': grid })).toEqual([
      { file: 'grid_bills.csv', line: 2, column: 'kwh', code: 'BATCH.NO_ENERGY_KWH' },
      { file: 'grid_bills.csv', line: 3, column: 'kwh', code: 'BATCH.NO_ENERGY_KWH' },
    ]);
  });

  it('rejects two own-use rows for one account and period', () => {
    expect(
      onlyError({
        'grid_bills.csv': GRID,
        'own_use.csv': ownUseCsv(['2025-07', '10'], ['2025-07', '20']),
      }),
    ).toEqual({
      file: 'own_use.csv',
      line: 3,
      column: 'period',
      code: 'BATCH.DUPLICATE_OWN_USE',
    });
  });

  it('rejects own use above the grid energy of its account and period', () => {
    // K = 1000 + 500 = 1500 kWh; 1500 is allowed, 1500.001 is not.
    expect(
      readFiles({ 'grid_bills.csv': GRID, 'own_use.csv': ownUseCsv(['2025-07', '1500']) }).ok,
    ).toBe(true);
    expect(
      onlyError({ 'grid_bills.csv': GRID, 'own_use.csv': ownUseCsv(['2025-07', '1500.001']) }),
    ).toEqual({
      file: 'own_use.csv',
      line: 2,
      column: 'kwh',
      code: 'BATCH.OWN_USE_EXCEEDS_GRID',
    });
  });

  it('rejects a tenant row naming another entity than the grid bills of its account', () => {
    expect(
      onlyError({
        'grid_bills.csv': GRID,
        'tenant_charges.csv': tenantRow({ entity_id: OTHER_ENTITY }),
      }),
    ).toEqual({
      file: 'tenant_charges.csv',
      line: 2,
      column: 'entity_id',
      code: 'BATCH.ENTITY_MISMATCH',
    });
  });

  it('checks the entity against other periods of the account when its own period has no grid bill', () => {
    expect(
      onlyError({
        'grid_bills.csv': GRID,
        'tenant_charges.csv': tenantRow({ entity_id: OTHER_ENTITY, period: '2025-08' }),
      }),
    ).toMatchObject({
      line: 2,
      column: 'entity_id',
      code: 'BATCH.ENTITY_MISMATCH',
    });
  });

  it('rejects an own-use row naming another entity', () => {
    const own = `entity_id,account_no,period,kwh\n${OTHER_ENTITY},${ACCOUNT},2025-07,10\n`;
    expect(onlyError({ 'grid_bills.csv': GRID, 'own_use.csv': own })).toEqual({
      file: 'own_use.csv',
      line: 2,
      column: 'entity_id',
      code: 'BATCH.ENTITY_MISMATCH',
    });
  });
});

describe('readBatch: every error, not just the first', () => {
  it('collects all errors of all files, ordered by file and line, with value and Chinese reason', () => {
    const result = readFiles({
      'tariffs.csv': tariffCsv(
        ['none', '0.7', '2025-01-01', ''],
        ['none', 'abc', '2025-13-01', ''],
      ),
      'tenant_charges.csv': tenantRow({ tenant_id: '913101077L4UXGCP74', amount: '1.234' }),
      'entities.csv': `entity_id,name,premises_address,district_code\n${ENTITY},某园区,上海,999999\n`,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(formatBatchError)).toEqual([
      'entities.csv:2 district_code "999999" CSV.INVALID_DISTRICT 区代码不是上海市16个区之一（GB/T 2260，如 310115）',
      'tariffs.csv:3 unit_price "abc" CSV.INVALID_DECIMAL 单价（unit_price）不是有效的数字（如 1234.5）',
      'tariffs.csv:3 effective_from "2025-13-01" CSV.INVALID_DATE 生效日期（effective_from）应为 YYYY-MM-DD 格式的有效日期',
      'tenant_charges.csv:2 tenant_id "913101077L4UXGCP74" CSV.INVALID_USCC 统一社会信用代码校验位错误',
      'tenant_charges.csv:2 amount "1.234" CSV.TOO_MANY_DECIMALS 金额（amount）最多保留 2 位小数',
    ]);
  });
});
