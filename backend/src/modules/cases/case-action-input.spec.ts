import { describe, expect, it } from 'vitest';
import { CaseActionBodySchema } from '@zgd/shared-types';
import { WorkingCalendar } from '../calendar';
import { SHIPPED_YEARS } from '../calendar/shipped-calendar';
import { toCaseAction } from './case-action-input';
import { endOfShanghaiDay } from './case-deadline-facts';
import type { EnforcementCase } from './domain';

const calendar = new WorkingCalendar(
  SHIPPED_YEARS.map((y) => ({
    year: y.year,
    holidays: [...y.holidays],
    makeupWorkdays: [...y.makeupWorkdays],
  })),
);
const received = new Date('2026-02-13T16:00:00+08:00');
const c = { registeredAt: received, transfers: [] } as unknown as EnforcementCase;
const parse = (body: unknown) => CaseActionBodySchema.parse(body);

describe('case actions from request bodies', () => {
  it('turns decimal 元 into exact fen', () => {
    const a = toCaseAction(
      parse({
        action: 'record_decision',
        illegalGain: '9999999999999.99',
        refundOrders: [{ tenantId: '91310109PRMU98K65L', amount: '0.1' }],
        warning: false,
        fine: '0',
        confiscation: '12.34',
      }),
      c,
      calendar,
      received,
    );
    expect(a).toMatchObject({
      type: 'record_decision',
      illegalGainFen: 999999999999999n,
      refundOrders: [{ tenantId: '91310109PRMU98K65L', amountFen: 10n }],
      confiscationFen: 1234n,
    });
  });

  it('counts an extended filing period as 30 working days from receipt, holidays skipped', () => {
    const a = toCaseAction(parse({ action: 'extend_filing_deadline' }), c, calendar, received);
    // 15 working days end on 2026-03-12; 15 more end on 2026-04-02 (Qingming 04-04..06 after).
    expect(a).toEqual({
      type: 'extend_filing_deadline',
      newDueAt: endOfShanghaiDay('2026-04-02'),
    });
  });

  it('refuses amounts with more than two decimals or a sign before the workflow sees them', () => {
    for (const refunded of ['1.234', '-5', '1e3', ''])
      expect(
        CaseActionBodySchema.safeParse({ action: 'record_correction', refunded }).success,
      ).toBe(false);
  });

  it('refuses an action the workflow does not take over HTTP (merging is intake’s)', () => {
    expect(
      CaseActionBodySchema.safeParse({ action: 'merge', reportId: 'x', periods: [] }).success,
    ).toBe(false);
  });
});
