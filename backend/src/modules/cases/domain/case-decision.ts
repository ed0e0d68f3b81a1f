import { formatFen, type Fen } from '../../reconciliation/domain/exact';
import { CaseErrorCode, fail, type CaseFailure } from './case-errors';
import type { CaseActionOf } from './case-model';

/**
 * The legal bounds of a decision on not applying the government price:
 * 价格违法行为行政处罚规定 §9: confiscate the illegal gain and fine up to 5× it; with no illegal
 * gain, ¥50,000–¥500,000, or ¥500,000–¥2,000,000 where the circumstances are serious (情节较重);
 * 电力法 §66 has the same 5× cap. §16: overcharges are refunded first; only what cannot be
 * refunded is confiscated, so refunds and confiscation together never exceed the gain.
 */
export const FINE_CAP_MULTIPLE = 5n;
export const NO_GAIN_FINE_FEN = {
  ordinary: { min: 5_000_000n, max: 50_000_000n },
  serious: { min: 50_000_000n, max: 200_000_000n },
} as const;

type DecisionInput = CaseActionOf<'record_decision'>;

/** The first thing wrong with a decision, or null. */
export function checkDecision(d: DecisionInput): CaseFailure | null {
  const amounts: Array<[Fen, string]> = [
    [d.illegalGainFen, '违法所得'],
    [d.fineFen, '罚款'],
    [d.confiscationFen, '没收违法所得'],
  ];
  for (const [fen, name] of amounts)
    if (fen < 0n) return fail(CaseErrorCode.INVALID_AMOUNT, `${name}金额不能为负数`);
  const refunds = checkRefundOrders(d.refundOrders);
  if (typeof refunds !== 'bigint') return refunds;
  if (refunds + d.confiscationFen > d.illegalGainFen)
    return fail(
      CaseErrorCode.AMOUNTS_EXCEED_GAIN,
      `责令退还（${formatFen(refunds)} 元）与没收（${formatFen(d.confiscationFen)} 元）之和超过违法所得 ${formatFen(d.illegalGainFen)} 元`,
    );
  const fine = checkFine(d.fineFen, d.illegalGainFen, d.serious ?? false);
  if (fine) return fine;
  if (refunds === 0n && !d.warning && d.fineFen === 0n && d.confiscationFen === 0n)
    return fail(
      CaseErrorCode.EMPTY_DECISION,
      '处理决定至少应包含责令退还、警告、罚款或没收中的一项',
    );
  return null;
}

/** Σ of the orders, or what is wrong with them: positive amounts, each tenant once. */
function checkRefundOrders(orders: DecisionInput['refundOrders']): Fen | CaseFailure {
  const seen = new Set<string>();
  let total = 0n;
  for (const order of orders) {
    if (order.tenantId.trim() === '')
      return fail(CaseErrorCode.INVALID_AMOUNT, '责令退还缺少承租企业');
    if (seen.has(order.tenantId))
      return fail(CaseErrorCode.INVALID_AMOUNT, `承租企业 ${order.tenantId} 的责令退还重复`);
    if (order.amountFen <= 0n)
      return fail(
        CaseErrorCode.INVALID_AMOUNT,
        `承租企业 ${order.tenantId} 的责令退还金额应大于零`,
      );
    seen.add(order.tenantId);
    total += order.amountFen;
  }
  return total;
}

export function checkFine(fine: Fen, illegalGain: Fen, serious: boolean): CaseFailure | null {
  if (fine === 0n) return null;
  if (illegalGain > 0n) {
    const cap = illegalGain * FINE_CAP_MULTIPLE;
    return fine <= cap
      ? null
      : fail(
          CaseErrorCode.FINE_OUT_OF_BOUNDS,
          `罚款 ${formatFen(fine)} 元超过违法所得 ${formatFen(illegalGain)} 元的五倍（上限 ${formatFen(cap)} 元）`,
        );
  }
  const band = serious ? NO_GAIN_FINE_FEN.serious : NO_GAIN_FINE_FEN.ordinary;
  return fine >= band.min && fine <= band.max
    ? null
    : fail(
        CaseErrorCode.FINE_OUT_OF_BOUNDS,
        `没有违法所得的，罚款应在 ${formatFen(band.min)} 元至 ${formatFen(band.max)} 元之间${serious ? '（情节较重）' : ''}`,
      );
}
