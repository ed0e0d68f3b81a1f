import { describe, expect, it } from 'vitest';
import { billedEnergyMilli, judgeProof, type ChargeLineForProof } from './tenancy-proof';

const A = '91310109PRMU98K65L';
const B = '91310104JM5DLCRP3K';
const line = (tenantId: string, item: string, kwhMilli: bigint | null): ChargeLineForProof => ({
  tenantId,
  item,
  kwhMilli,
});

describe('billedEnergyMilli', () => {
  it.each([
    ['one flat energy line', [line(A, 'energy', 3761000n), line(A, 'basic_fee', null)], 3761000n],
    [
      'time-of-use lines summed',
      [line(A, 'energy', 3000000n), line(A, 'energy', 2500000n), line(A, 'energy', 400500n)],
      5900500n,
    ],
    ['another firm only', [line(B, 'energy', 3042000n)], null],
    ['fees but no energy', [line(A, 'loss', null), line(A, 'shared_area', null)], null],
    ['zero kWh billed', [line(A, 'energy', 0n)], 0n],
  ])('%s', (_, lines, expected) => {
    expect(billedEnergyMilli(lines, A)).toBe(expected);
  });
});

describe('judgeProof', () => {
  it.each([
    ['the exact figure', 3761000n, 3761000n, 0, { ok: true }],
    [
      'one thousandth off',
      3761000n,
      3761001n,
      0,
      { ok: false, reason: 'mismatch', attemptsLeft: 4 },
    ],
    ['no energy billed', null, 0n, 3, { ok: false, reason: 'mismatch', attemptsLeft: 1 }],
    ['the last try fails', 1n, 2n, 4, { ok: false, reason: 'mismatch', attemptsLeft: 0 }],
    ['locked, even when right', 3761000n, 3761000n, 5, { ok: false, reason: 'locked' }],
  ] as const)('%s', (_, billedMilli, typedMilli, failuresToday, expected) => {
    expect(judgeProof({ billedMilli, typedMilli, failuresToday, dailyLimit: 5 })).toEqual(expected);
  });
});
