import { describe, expect, it } from 'vitest';
import { SHIPPED_YEARS } from '../shipped-calendar';
import { periodEnd, suspendedDaysWithin, type Suspension } from './legal-period';
import { WorkingCalendar } from './working-calendar';

const calendar = new WorkingCalendar(SHIPPED_YEARS);
const refundOrder = (from: string, to: string | null): Suspension => ({
  from,
  to,
  reason: '责令退还多收价款',
});

describe('periodEnd in calendar days', () => {
  it.each<[string, Suspension[], string]>([
    ['no suspension', [], '2025-04-10'],
    [
      'a 10-day refund order moves it 10 days',
      [refundOrder('2025-02-01', '2025-02-10')],
      '2025-04-20',
    ],
    [
      'overlapping suspensions count their days once',
      [refundOrder('2025-02-01', '2025-02-10'), refundOrder('2025-02-05', '2025-02-14')],
      '2025-04-24',
    ],
    [
      'two separate suspensions add up',
      [refundOrder('2025-02-01', '2025-02-10'), refundOrder('2025-03-01', '2025-03-05')],
      '2025-04-25',
    ],
    [
      'a one-day suspension moves it one day',
      [refundOrder('2025-02-01', '2025-02-01')],
      '2025-04-11',
    ],
    [
      'a suspension after the period ended does not revive it',
      [refundOrder('2025-05-01', '2025-05-10')],
      '2025-04-10',
    ],
  ])('90 days from 2025-01-10 with %s: %s', (_, suspensions, due) => {
    expect(periodEnd('2025-01-10', { days: 90 }, calendar, suspensions)).toBe(due);
  });

  it('lets a running suspension move the due date up to today', () => {
    const running = [refundOrder('2025-02-01', null)];
    expect(periodEnd('2025-01-10', { days: 90 }, calendar, running, '2025-02-05')).toBe(
      '2025-04-15',
    );
    expect(periodEnd('2025-01-10', { days: 90 }, calendar, running, '2025-02-06')).toBe(
      '2025-04-16',
    );
  });

  it('needs no holiday data for calendar days', () => {
    const empty = new WorkingCalendar([]);
    expect(periodEnd('2027-03-01', { days: 90 }, empty)).toBe('2027-05-30');
  });

  it('refuses a running suspension without today, and one that ends before it starts', () => {
    expect(() =>
      periodEnd('2025-01-10', { days: 90 }, calendar, [refundOrder('2025-02-01', null)]),
    ).toThrow(RangeError);
    expect(() =>
      periodEnd('2025-01-10', { days: 90 }, calendar, [refundOrder('2025-02-10', '2025-02-01')]),
    ).toThrow(RangeError);
  });
});

describe('periodEnd in working days', () => {
  it('skips suspended working days and counts holidays as before', () => {
    // 15 working days from 2025-01-24 end on 2025-02-20; three suspended working days add three.
    expect(periodEnd('2025-01-24', { workingDays: 15 }, calendar)).toBe('2025-02-20');
    expect(
      periodEnd('2025-01-24', { workingDays: 15 }, calendar, [
        { from: '2025-02-10', to: '2025-02-12', reason: '检测' },
      ]),
    ).toBe('2025-02-25');
  });
});

describe('suspendedDaysWithin', () => {
  it('counts each suspended day once, inside the window only', () => {
    const s = [refundOrder('2025-02-01', '2025-02-10'), refundOrder('2025-02-05', '2025-02-14')];
    expect(suspendedDaysWithin('2025-01-11', '2025-04-24', s)).toBe(14);
    expect(suspendedDaysWithin('2025-02-10', '2025-02-11', s)).toBe(2);
  });
});
