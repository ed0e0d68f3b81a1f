import { CASE_QUEUE_STATE_LABELS } from '@zgd/shared-types';
import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../calendar';
import { SHIPPED_YEARS } from '../calendar/shipped-calendar';
import {
  allowedActions,
  claimedFenOfSheets,
  decodeCursor,
  dueFlags,
  dueRange,
  dueSoonUntil,
  encodeCursor,
  filterFingerprint,
  queueDueOf,
} from './case-queue';
import { CASE_STATE_LABELS, type CaseActor, type CaseState, type EnforcementCase } from './domain';

describe('queueDueOf: the deadline the queue is sorted on', () => {
  it.each([
    ['registered', 'filing_decision', '2026-06-23'],
    ['assigned', 'filing_decision', '2026-06-23'],
    ['verifying', 'filing_decision', '2026-06-23'],
    ['investigating', 'case_decision', '2026-09-08'],
    ['decided', null, null],
    ['refund_supervision', null, null],
    ['closed', null, null],
    ['not_opened', null, null],
  ])('%s → %s %s', (state, kind, due) => {
    expect(queueDueOf(state, '2026-06-23', '2026-09-08')).toEqual({ due, kind });
  });
});

describe('due flags and ranges', () => {
  const today = '2026-06-01';
  const soon = '2026-06-04';
  it.each([
    ['2026-05-31', true, false, -1],
    ['2026-06-01', false, true, 0],
    ['2026-06-04', false, true, 3],
    ['2026-06-05', false, false, 4],
  ])('%s: overdue %s, due soon %s', (due, overdue, dueSoon, daysLeft) => {
    expect(dueFlags(due, today, soon)).toEqual({ overdue, dueSoon, daysLeft });
    const inRange = (r: { from: string | null; to: string | null }) =>
      (r.from === null || due >= r.from) && (r.to === null || due <= r.to);
    expect(inRange(dueRange('overdue', today, soon))).toBe(overdue);
    expect(inRange(dueRange('soon', today, soon))).toBe(dueSoon);
    expect(inRange(dueRange('all', today, soon))).toBe(true);
  });

  it('counts due soon in working days on the holiday calendar', () => {
    const calendar = new WorkingCalendar(SHIPPED_YEARS);
    // Monday: Tue, Wed, Thu are the 3 working days; Friday is the 4th.
    expect(dueSoonUntil(calendar, '2026-06-01')).toBe('2026-06-04');
    // Thursday before the Dragon Boat holiday (Fri 06-19 off): Mon, Tue, Wed; the 4th is Thu 06-25.
    expect(dueSoonUntil(calendar, '2026-06-18')).toBe('2026-06-24');
    // A year the calendar lacks: 3 calendar days, never later than the real day.
    expect(dueSoonUntil(calendar, '2099-06-01')).toBe('2099-06-04');
  });
});

describe('the keyset cursor', () => {
  const key = { due: '2026-06-03', id: '0f8a1c52-7d1e-4a4b-9b8e-3c2d1e0f9a8b' };
  const fp = filterFingerprint({ districtCode: '310112', states: 'registered' });
  it('comes back as it went', () => {
    expect(decodeCursor(encodeCursor(key, fp), fp)).toEqual(key);
  });
  it('is refused under other filters or when it is not ours', () => {
    const other = filterFingerprint({ districtCode: '310112', states: 'assigned' });
    expect(other).not.toBe(fp);
    expect(decodeCursor(encodeCursor(key, fp), other)).toBeNull();
    expect(decodeCursor('abc', fp)).toBeNull();
    expect(decodeCursor(Buffer.from('["x","y","z"]').toString('base64url'), fp)).toBeNull();
  });
  it('does not depend on the order filters were given in, nor on absent ones', () => {
    expect(filterFingerprint({ a: 1, b: '2', c: undefined })).toBe(
      filterFingerprint({ b: '2', a: 1 }),
    );
  });
});

describe('claimedFenOfSheets', () => {
  it('adds the refunds owed exactly and ignores months with none', () => {
    const sheet = (refund: string) => ({ verdict: { level: 'red' as const, refund, reasons: [] } });
    expect(claimedFenOfSheets([sheet('0.10'), sheet('0.20'), sheet('0.00')])).toBe(30n);
    expect(claimedFenOfSheets([sheet('1234567890.99'), sheet('0.01')])).toBe(123456789100n);
    expect(claimedFenOfSheets([])).toBe(0n);
  });
});

describe('allowedActions', () => {
  const base = { districtCode: '310112', state: 'verifying' } as EnforcementCase;
  const officer: CaseActor = { role: 'district_officer', userId: 2, districtCode: '310112' };
  const lead: CaseActor = { role: 'district_lead', userId: 3, districtCode: '310112' };
  const elsewhere: CaseActor = { role: 'district_lead', userId: 4, districtCode: '310115' };
  const at = (state: CaseState) => ({ ...base, state });

  it.each([
    [
      'verifying',
      officer,
      ['assign', 'record_correction', 'transfer'],
      ['open_case', 'refuse', 'extend_filing_deadline'],
    ],
    ['verifying', lead, ['open_case', 'refuse', 'extend_filing_deadline'], ['close']],
    ['investigating', lead, ['record_decision', 'extend_decision_deadline'], ['open_case']],
    ['investigating', officer, ['assign'], ['record_decision']],
    ['decided', officer, ['start_refund_supervision', 'close'], ['record_refund']],
    ['refund_supervision', officer, ['record_refund', 'mark_refund_unconfirmable', 'close'], []],
  ] as const)('%s for %s', (state, actor, offered, withheld) => {
    const actions = allowedActions(at(state), actor);
    for (const a of offered) expect(actions).toContain(a);
    for (const a of withheld) expect(actions).not.toContain(a);
    expect(actions).not.toContain('merge');
    expect(actions).not.toContain('confirm_refund');
  });

  it('offers nothing on a closed case or to another district', () => {
    expect(allowedActions(at('closed'), lead)).toEqual([]);
    expect(allowedActions(at('verifying'), elsewhere)).toEqual([]);
  });
});

describe("the console's labels", () => {
  it("are the workflow's own", () => {
    expect(CASE_QUEUE_STATE_LABELS).toEqual(CASE_STATE_LABELS);
  });
});
