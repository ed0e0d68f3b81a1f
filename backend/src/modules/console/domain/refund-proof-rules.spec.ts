import { describe, expect, it } from 'vitest';
import { refundProofRefusal } from './refund-proof-rules';

const ends = new Date('2026-03-12T15:59:59Z');
const before = new Date('2026-03-12T15:59:59Z');
const after = new Date('2026-03-12T16:00:00Z');

describe('refundProofRefusal', () => {
  it.each([
    ['registered, in the window', 'registered', before, null],
    ['verifying, in the window', 'verifying', before, null],
    ['assigned, after the window', 'assigned', after, 'window_closed'],
    ['under refund supervision, any time', 'refund_supervision', after, null],
    ['opened (立案): correction is over', 'investigating', before, 'not_now'],
    ['decided, before supervision', 'decided', before, 'not_now'],
    ['closed', 'closed', before, 'not_now'],
    ['not opened', 'not_opened', before, 'not_now'],
  ] as const)('%s', (_, state, now, want) => {
    expect(refundProofRefusal({ state, correctionWindowEndsAt: ends }, now)).toBe(want);
  });
});
