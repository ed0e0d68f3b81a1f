import { describe, expect, it } from 'vitest';
import { backoffMs, caseStatusMessageData, DELIVERY_DEFAULTS, nextStep } from './delivery-policy';

const MINUTE = 60_000;

describe('backoffMs', () => {
  it.each([
    [1, 1 * MINUTE],
    [2, 2 * MINUTE],
    [3, 4 * MINUTE],
    [6, 32 * MINUTE],
    [7, 60 * MINUTE],
    [50, 60 * MINUTE],
  ])('waits after attempt %i for %i ms', (attempts, ms) => {
    expect(backoffMs(attempts)).toBe(ms);
  });
});

describe('nextStep', () => {
  it.each([
    [{ kind: 'sent' } as const, 1, { status: 'sent' }],
    [
      { kind: 'refused', errcode: 43101 } as const,
      1,
      { status: 'skipped', reason: 'user_refused (errcode 43101)' },
    ],
    [
      { kind: 'skipped', reason: 'wechat_not_configured' } as const,
      1,
      { status: 'skipped', reason: 'wechat_not_configured' },
    ],
    [
      { kind: 'rejected', errcode: 47003, message: 'errcode 47003: argument invalid' } as const,
      1,
      { status: 'failed', reason: 'rejected: errcode 47003: argument invalid' },
    ],
    [
      { kind: 'transient', message: 'HTTP 500' } as const,
      1,
      { status: 'pending', reason: 'HTTP 500', delayMs: MINUTE },
    ],
    [
      { kind: 'transient', message: 'HTTP 500' } as const,
      7,
      { status: 'pending', reason: 'HTTP 500', delayMs: 60 * MINUTE },
    ],
    [
      { kind: 'transient', message: 'HTTP 500' } as const,
      8,
      { status: 'failed', reason: 'gave up after 8 attempts: HTTP 500' },
    ],
  ])('turns %j on attempt %i into %j', (outcome, attempts, step) => {
    expect(nextStep(outcome, attempts, DELIVERY_DEFAULTS)).toEqual(step);
  });
});

describe('caseStatusMessageData', () => {
  it('maps the fields to the template keys within WeChat length limits', () => {
    expect(
      caseStatusMessageData({
        caseNumber: 'C'.repeat(40),
        stateLabel: '已立案待处理',
        date: '2026-11-30',
      }),
    ).toEqual({
      character_string1: { value: 'C'.repeat(32) },
      phrase2: { value: '已立案待处' },
      date3: { value: '2026-11-30' },
    });
  });
});
