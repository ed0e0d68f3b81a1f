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
  newlyClaimedFen,
  queueDueOf,
} from './case-queue';
import {
  CASE_STATE_LABELS,
  CASE_STATES,
  transition,
  type CaseAction,
  type CaseActionType,
  type CaseActor,
  type CaseState,
  type EnforcementCase,
} from './domain';
import {
  ACTION_TYPES,
  ACTORS,
  caseIn,
  daysLater,
  NOW,
  OTHER_DISTRICT,
  VALID_ACTIONS,
} from './domain/testing/case-fixtures';

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

describe('queueDueOf with a reporter still to be told (告知)', () => {
  it.each([
    ['not_opened', null, '2026-06-08', 'reporter_notice', '2026-06-08'],
    ['closed', null, '2026-06-08', 'reporter_notice', '2026-06-08'],
    ['decided', null, '2026-06-08', 'reporter_notice', '2026-06-08'],
    ['refund_supervision', null, '2026-06-08', 'reporter_notice', '2026-06-08'],
    ['investigating', '2026-09-08', '2026-06-08', 'reporter_notice', '2026-06-08'],
    ['investigating', '2026-06-05', '2026-06-08', 'case_decision', '2026-06-05'],
    ['investigating', '2026-06-08', '2026-06-08', 'case_decision', '2026-06-08'],
    ['not_opened', null, null, null, null],
  ])('%s, decision due %s, notice due %s → %s %s', (state, decisionDue, noticeDue, kind, due) => {
    expect(queueDueOf(state, '2026-05-20', decisionDue, noticeDue)).toEqual({ due, kind });
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

describe('newlyClaimedFen: each (tenant, account, month) counts once per case', () => {
  const month = (period: string, refund: string) => ({ period, verdict: { refund } });
  it.each([
    ['a first report', [month('2025-03', '10.00'), month('2025-04', '0.50')], [], 1050n],
    [
      'the same months again',
      [month('2025-03', '10.00'), month('2025-04', '0.50')],
      ['2025-03', '2025-04'],
      0n,
    ],
    ['one month new', [month('2025-03', '10.00'), month('2025-04', '0.50')], ['2025-03'], 50n],
    [
      'a month given twice in one report',
      [month('2025-03', '10.00'), month('2025-03', '10.00')],
      [],
      1000n,
    ],
    ['a month with nothing owed', [month('2025-05', '0.00')], [], 0n],
  ] as const)('%s → %s fen', (_what, months, before, fen) => {
    expect(newlyClaimedFen(months, new Set(before))).toBe(fen);
  });
});

describe('allowedActions: what the workbench offers is what the workflow permits', () => {
  const officer = ACTORS.district_officer;
  const lead = ACTORS.district_lead;
  const elsewhere: CaseActor = { ...lead, districtCode: OTHER_DISTRICT };
  const running = { refundOrderPeriods: [{ from: daysLater(-3), to: null, orderedByUserId: 2 }] };
  const told = {
    reporterNotices: [
      {
        reportId: 'R-0001',
        at: NOW,
        method: 'PHONE' as const,
        byUserId: 3,
        byRole: 'district_officer' as const,
      },
    ],
  };
  const anonymous = { realNameReportIds: [] };

  it.each([
    ['registered', officer, {}, ['assign', 'record_correction', 'transfer']],
    ['registered', lead, {}, ['assign', 'record_correction', 'extend_filing_deadline', 'transfer']],
    ['assigned', officer, {}, ['assign', 'start_verification', 'record_correction', 'transfer']],
    ['verifying', officer, {}, ['assign', 'record_correction', 'transfer']],
    [
      'verifying',
      lead,
      {},
      ['assign', 'record_correction', 'extend_filing_deadline', 'open_case', 'refuse', 'transfer'],
    ],
    [
      'verifying',
      lead,
      { filingDeadlineExtended: true },
      ['assign', 'record_correction', 'open_case', 'refuse', 'transfer'],
    ],
    ['verifying', officer, { correctionWindowEndsAt: daysLater(-1) }, ['assign', 'transfer']],
    ['investigating', officer, {}, ['assign', 'record_reporter_notice']],
    [
      'investigating',
      officer,
      running,
      ['assign', 'resume_after_refund_order', 'record_reporter_notice'],
    ],
    [
      'investigating',
      lead,
      {},
      [
        'assign',
        'extend_decision_deadline',
        'suspend_for_refund_order',
        'record_decision',
        'record_reporter_notice',
      ],
    ],
    [
      'investigating',
      lead,
      { ...running, ...told, decisionDeadlineExtended: true },
      ['assign', 'resume_after_refund_order', 'record_decision'],
    ],
    ['decided', officer, {}, ['start_refund_supervision', 'record_reporter_notice']],
    ['decided', officer, { refunds: [] }, ['close', 'record_reporter_notice']],
    [
      'refund_supervision',
      officer,
      {},
      ['record_refund', 'mark_refund_unconfirmable', 'record_reporter_notice'],
    ],
    ['refund_supervision', officer, { ...told, refunds: [] }, ['close']],
    ['not_opened', officer, {}, ['record_reporter_notice']],
    ['not_opened', lead, {}, ['record_reporter_notice']],
    ['not_opened', officer, told, []],
    ['not_opened', officer, anonymous, []],
    ['closed', officer, {}, ['record_reporter_notice']],
    ['closed', officer, told, []],
    ['verifying', elsewhere, {}, []],
    ['not_opened', elsewhere, {}, []],
  ] as [CaseState, CaseActor, Partial<EnforcementCase>, CaseActionType[]][])(
    '%s for %s %j → %j',
    (state, actor, changes, expected) => {
      const c = caseIn(state, changes);
      expect(allowedActions(c, actor, NOW)).toEqual(expected);
    },
  );

  // Every state, staff role and action: offered exactly when the workflow takes it with a valid
  // input, and refused (with any input) when not offered.
  const STAFF = [ACTORS.city_admin, lead, officer];
  const cases = CASE_STATES.flatMap((state) =>
    [{}, running, told, { refunds: [] }].map((changes) => caseIn(state, changes)),
  );
  it.each(cases.flatMap((c) => STAFF.map((actor) => [c.state, actor.role, c, actor] as const)))(
    '%s / %s: offered ⇔ the workflow takes it',
    (_state, _role, c, actor) => {
      const offered = allowedActions(c, actor, NOW);
      for (const type of ACTION_TYPES) {
        if (type === 'merge' || type === 'confirm_refund') continue;
        const result = transition(c, validFor(type, c), actor, NOW);
        expect({ type, ok: result.ok }).toEqual({ type, ok: offered.includes(type) });
      }
    },
  );
});

/** A valid input of the step for this very case (the fixtures' actions fit their own cases). */
function validFor(type: CaseActionType, c: EnforcementCase): CaseAction {
  const action = VALID_ACTIONS[type];
  if (type === 'record_refund') {
    const open = c.refunds.find((r) => r.status === 'outstanding');
    return open ? ({ ...action, tenantId: open.tenantId } as CaseAction) : action;
  }
  if (type === 'mark_refund_unconfirmable') {
    const recorded = c.refunds.find((r) => r.status === 'recorded');
    return recorded ? ({ ...action, tenantId: recorded.tenantId } as CaseAction) : action;
  }
  return action;
}

describe("the console's labels", () => {
  it("are the workflow's own", () => {
    expect(CASE_QUEUE_STATE_LABELS).toEqual(CASE_STATE_LABELS);
  });
});
