import type { DeclarationBody, ErrorDetail } from '@zgd/shared-types';
import { DeclarationErrorCode } from '@zgd/shared-types';
import {
  formatFen,
  kwhTimesPrice,
  parseScaledOrThrow,
  roundHalfAwayFromZero,
  type Fen,
} from '../../reconciliation/domain/exact';
import type { TenantItem, Tou } from '../../reconciliation/domain/reconciliation-input';

/**
 * The checks a declaration must pass before it is kept, beyond the shapes of its fields.
 *
 * Amount against kWh × unit price: a line is refused when they are more than
 * max(¥1.00, 5 % of kWh × price) apart. The tolerance is there for what a paper bill does to
 * the figures (a unit price printed to 4 places, amounts rounded per meter reading), which moves
 * the amount by far less than 1 %; it is tight enough to catch what a tenant typing from a bill
 * gets wrong (a digit left out or doubled, a decimal point moved, kWh and amount swapped), which
 * is off by 10 % or far more. A surcharge folded into the energy amount is a separate item: the
 * message says to enter it as one, so it is judged as a prohibited fee rather than refused.
 */
export const AMOUNT_TOLERANCE = { minFen: 100n, percent: 5n } as const;

/** A declared line in the engine's scaled integers. */
export interface DeclaredLine {
  item: TenantItem;
  tou: Tou | null;
  kwhMilli: bigint | null;
  unitPriceE5: bigint | null;
  amountFen: Fen;
}

/** YYYY-MM of an instant in Shanghai (UTC+8, no daylight saving). */
export function shanghaiPeriod(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
}

export function amountTolerance(expectedFen: Fen): Fen {
  const share = roundHalfAwayFromZero(expectedFen * AMOUNT_TOLERANCE.percent, 100n);
  return share > AMOUNT_TOLERANCE.minFen ? share : AMOUNT_TOLERANCE.minFen;
}

/** Every problem of a declaration's figures and month, each with its field path. */
export function checkDeclaration(body: DeclarationBody, currentPeriod: string): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (body.period > currentPeriod)
    problems.push({
      code: DeclarationErrorCode.FUTURE_PERIOD,
      message: `${body.period} 尚未到来，只能申报 ${currentPeriod} 及以前的月份`,
      path: 'body.period',
      value: body.period,
    });
  body.energy.forEach((line, i) => {
    const kwh = parseScaledOrThrow(line.kwh, 3);
    const price = parseScaledOrThrow(line.unitPrice, 5);
    const amount = parseScaledOrThrow(line.amount, 2);
    const expected = kwhTimesPrice(kwh, price);
    const tolerance = amountTolerance(expected);
    const gap = amount > expected ? amount - expected : expected - amount;
    if (gap > tolerance)
      problems.push({
        code: DeclarationErrorCode.AMOUNT_INCONSISTENT,
        message:
          `第 ${i + 1} 行电费金额 ${formatFen(amount)} 元与 电量 × 单价 = ${formatFen(expected)} 元` +
          `相差 ${formatFen(gap)} 元，超过允许的 ${formatFen(tolerance)} 元（5%，至少 1 元）。` +
          '请核对电量、单价和金额；账单上另列的费用请填写在“其他费用”中',
        path: `body.energy.${i}.amount`,
        value: line.amount,
      });
  });
  return problems;
}

/** The declaration's lines as the engine reads an entity's lines. */
export function declaredLines(body: DeclarationBody): DeclaredLine[] {
  return [
    ...body.energy.map((l): DeclaredLine => ({
      item: 'energy',
      tou: l.tou,
      kwhMilli: parseScaledOrThrow(l.kwh, 3),
      unitPriceE5: parseScaledOrThrow(l.unitPrice, 5),
      amountFen: parseScaledOrThrow(l.amount, 2),
    })),
    ...body.items.map((l): DeclaredLine => ({
      item: l.item,
      tou: null,
      kwhMilli: null,
      unitPriceE5: null,
      amountFen: parseScaledOrThrow(l.amount, 2),
    })),
  ];
}
