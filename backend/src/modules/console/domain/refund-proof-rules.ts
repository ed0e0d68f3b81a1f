/*
 * When a charging entity may hand in proof of refunds for one of its cases: during its
 * correction window before the decision on 立案 (it refunds of its own accord), and under
 * refund supervision after a decision ordered refunds. Never once the case is handled.
 */

const PRE_FILING = new Set(['registered', 'assigned', 'verifying']);

export type RefundProofRefusal = 'window_closed' | 'not_now';

export function refundProofRefusal(
  c: { state: string; correctionWindowEndsAt: Date },
  now: Date,
): RefundProofRefusal | null {
  if (c.state === 'refund_supervision') return null;
  if (!PRE_FILING.has(c.state)) return 'not_now';
  return now.getTime() <= c.correctionWindowEndsAt.getTime() ? null : 'window_closed';
}
