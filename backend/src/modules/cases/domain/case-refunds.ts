import { formatFen, type Fen } from '../../reconciliation/domain/exact';
import { CaseErrorCode, fail, type CaseFailure } from './case-errors';
import type { RefundOrder } from './case-model';
import type { UnconfirmableReasonCode } from './case-reasons';

/*
 * Refund supervision: each tenant's ordered refund is paid (recorded, possibly in parts), then
 * confirmed by the tenant, or marked unconfirmable by an officer with a reason. The case can be
 * closed (办结) only when every order is settled one of those two ways.
 */

type Updated = { refunds: RefundOrder[]; order: RefundOrder } | CaseFailure;

const SETTLED: ReadonlySet<RefundOrder['status']> = new Set(['confirmed', 'unconfirmable']);

export function recordRefund(refunds: readonly RefundOrder[], tenantId: string, amount: Fen) {
  if (amount <= 0n) return fail(CaseErrorCode.INVALID_AMOUNT, '退款金额应大于零');
  return update(refunds, tenantId, (order) => {
    if (order.status !== 'outstanding')
      return fail(CaseErrorCode.REFUND_ALREADY_SETTLED, '该承租企业的责令退还款已全部登记');
    const recordedFen = order.recordedFen + amount;
    if (recordedFen > order.orderedFen)
      return fail(
        CaseErrorCode.REFUND_EXCEEDS_ORDER,
        `登记退款合计 ${formatFen(recordedFen)} 元超过责令退还金额 ${formatFen(order.orderedFen)} 元`,
      );
    return {
      ...order,
      recordedFen,
      status: recordedFen === order.orderedFen ? 'recorded' : 'outstanding',
    };
  });
}

export function confirmRefund(refunds: readonly RefundOrder[], tenantId: string, now: Date) {
  return update(refunds, tenantId, (order) => settle(order, now, 'confirmed', null));
}

export function markUnconfirmable(
  refunds: readonly RefundOrder[],
  tenantId: string,
  reason: UnconfirmableReasonCode,
  now: Date,
) {
  return update(refunds, tenantId, (order) => settle(order, now, 'unconfirmable', reason));
}

/** Orders not yet confirmed or marked unconfirmable. */
export function outstandingRefunds(refunds: readonly RefundOrder[]): RefundOrder[] {
  return refunds.filter((order) => !SETTLED.has(order.status));
}

function settle(
  order: RefundOrder,
  now: Date,
  status: 'confirmed' | 'unconfirmable',
  reason: UnconfirmableReasonCode | null,
): RefundOrder | CaseFailure {
  if (SETTLED.has(order.status))
    return fail(CaseErrorCode.REFUND_ALREADY_SETTLED, '该笔退款已确认或已标记为无法确认');
  if (order.status !== 'recorded')
    return fail(
      CaseErrorCode.REFUND_NOT_RECORDED,
      `该笔退款尚未全部登记（已登记 ${formatFen(order.recordedFen)} 元，应退 ${formatFen(order.orderedFen)} 元）`,
    );
  return { ...order, status, settledAt: now, unconfirmableReason: reason };
}

function update(
  refunds: readonly RefundOrder[],
  tenantId: string,
  change: (order: RefundOrder) => RefundOrder | CaseFailure,
): Updated {
  const index = refunds.findIndex((order) => order.tenantId === tenantId);
  if (index < 0)
    return fail(CaseErrorCode.REFUND_NOT_ORDERED, `处理决定未责令向承租企业 ${tenantId} 退款`);
  const order = change(refunds[index]);
  if ('ok' in order) return order;
  return { refunds: refunds.map((old, i) => (i === index ? order : old)), order };
}
