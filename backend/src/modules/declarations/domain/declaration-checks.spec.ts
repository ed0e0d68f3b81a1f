import { DeclarationBodySchema } from '@zgd/shared-types';
import { describe, expect, it } from 'vitest';
import {
  amountTolerance,
  checkDeclaration,
  declaredLines,
  shanghaiPeriod,
} from './declaration-checks';

const body = (energy: { kwh: string; unitPrice: string; amount: string }[], period = '2025-04') =>
  DeclarationBodySchema.parse({
    idempotencyKey: 'decl-spec-0001',
    accountNo: '3100000002',
    period,
    energy: energy.map((e) => ({ tou: 'none', ...e })),
    items: [{ item: 'basic_fee', amount: '480' }],
  });

describe('amount against kWh × unit price', () => {
  const rows: [string, string, string, string, boolean][] = [
    ['exact', '3944', '1.2', '4732.80', true],
    ['a 4-place printed price: 100 kWh × 0.7707 vs 77.07', '100', '0.7707', '77.07', true],
    ['¥1.00 off a small bill: at the floor', '10', '1', '11.00', true],
    ['¥1.01 off a small bill: beyond the floor', '10', '1', '11.01', false],
    ['5 % above 4732.80 (236.64): at the tolerance', '3944', '1.2', '4969.44', true],
    ['one fen beyond 5 %', '3944', '1.2', '4969.45', false],
    ['a moved decimal point', '3944', '1.2', '473.28', false],
    ['kWh and amount swapped', '4732.80', '1.2', '3944', false],
    ['an amount with no kWh', '0', '1.2', '5.00', false],
  ];
  it.each(rows)('%s', (_name, kwh, unitPrice, amount, accepted) => {
    const problems = checkDeclaration(body([{ kwh, unitPrice, amount }]), '2026-06');
    expect(problems.length === 0).toBe(accepted);
    if (!accepted)
      expect(problems[0]).toMatchObject({
        code: 'DECLARATION.INVALID_AMOUNT',
        path: 'body.energy.0.amount',
        value: amount,
      });
  });

  it('is 5 % of the expected amount, never below ¥1.00', () => {
    expect(amountTolerance(473280n)).toBe(23664n);
    expect(amountTolerance(1000n)).toBe(100n);
    expect(amountTolerance(0n)).toBe(100n);
  });
});

describe('the month', () => {
  it.each([
    ['2026-06', '2026-06', true],
    ['2026-07', '2026-06', false],
    ['2025-12', '2026-01', true],
  ])('%s declared in %s: accepted %s', (period, current, accepted) => {
    const problems = checkDeclaration(
      body([{ kwh: '1', unitPrice: '1', amount: '1' }], period),
      current,
    );
    expect(problems.map((p) => p.path)).toEqual(accepted ? [] : ['body.period']);
  });

  it('is the Shanghai month: 16:00 UTC on the last day is already the next month', () => {
    expect(shanghaiPeriod(new Date('2026-06-30T15:59:59Z'))).toBe('2026-06');
    expect(shanghaiPeriod(new Date('2026-06-30T16:00:00Z'))).toBe('2026-07');
  });
});

it('turns the declared figures into scaled integers, energy first', () => {
  expect(declaredLines(body([{ kwh: '3944.5', unitPrice: '1.2', amount: '4733.40' }]))).toEqual([
    { item: 'energy', tou: 'none', kwhMilli: 3944500n, unitPriceE5: 120000n, amountFen: 473340n },
    { item: 'basic_fee', tou: null, kwhMilli: null, unitPriceE5: null, amountFen: 48000n },
  ]);
});
