import { createHash } from 'node:crypto';
import type { CaseQueueDueKind, TenantMonthSheet } from '@zgd/shared-types';
import {
  calendarDaysBetween,
  isYearNotCovered,
  type CalendarDate,
  type WorkingCalendar,
} from '../calendar';
import { parseScaledOrThrow, type Fen } from '../reconciliation/domain/exact';
import { checkActor } from './domain/case-permissions';
import {
  ACTION_LABELS,
  ALLOWED_FROM,
  FINAL_STATES,
  PRE_FILING_STATES,
  type CaseAction,
  type CaseActionType,
  type CaseActor,
  type CaseState,
  type EnforcementCase,
} from './domain';

/*
 * The pure parts of the officers' work queue: which deadline orders a case, its flags, the
 * opaque keyset cursor, the claimed amount of a report, and the steps a user may take now.
 */

/** Sorts after every real day: states without a queue deadline go last. */
export const NO_QUEUE_DUE = '9999-12-31';

/**
 * The deadline that orders the queue, as the generated column `queue_due` computes it
 * (migration 1764461000000): the filing decision before 立案, the case decision while
 * investigating, none afterwards.
 */
export function queueDueOf(
  state: string,
  filingDue: string,
  decisionDue: string | null,
): { due: string | null; kind: CaseQueueDueKind | null } {
  if ((PRE_FILING_STATES as readonly string[]).includes(state))
    return { due: filingDue, kind: 'filing_decision' };
  if (state === 'investigating' && decisionDue) return { due: decisionDue, kind: 'case_decision' };
  return { due: null, kind: null };
}

/**
 * Overdue after the due day; due soon from today up to `soonUntil` (the day 3 working days
 * ahead, counted by the caller on the holiday calendar), like the deadlines of a case.
 */
export function dueFlags(due: string | null, today: CalendarDate, soonUntil: CalendarDate) {
  if (!due) return { overdue: false, dueSoon: false, daysLeft: null };
  return {
    overdue: due < today,
    dueSoon: due >= today && due <= soonUntil,
    daysLeft: calendarDaysBetween(today, due),
  };
}

/**
 * The last day still due soon: a due date with at most 3 working days after today up to it,
 * i.e. before the 4th working day. Across a year the calendar lacks, 3 calendar days (never
 * later than the real one).
 */
export function dueSoonUntil(calendar: WorkingCalendar, today: string): string {
  try {
    const fourth = calendar.addWorkingDays(today, 4);
    const d = new Date(`${fourth}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1);
    return d.toISOString().slice(0, 10);
  } catch (e) {
    if (!isYearNotCovered(e)) throw e;
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 3);
    return d.toISOString().slice(0, 10);
  }
}

/** The queue_due range a `due` filter selects (inclusive); null bounds are open. */
export function dueRange(
  due: 'overdue' | 'soon' | 'all',
  today: CalendarDate,
  soonUntil: CalendarDate,
): { from: string | null; to: string | null } {
  if (due === 'overdue') return { from: null, to: previousDay(today) };
  if (due === 'soon') return { from: today, to: soonUntil };
  return { from: null, to: null };
}

function previousDay(day: CalendarDate): string {
  const t = new Date(`${day}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}

export interface QueueKey {
  due: string;
  id: string;
}

/** A short fingerprint of the filters, so a cursor cannot be replayed under other filters. */
export function filterFingerprint(filter: Record<string, unknown>): string {
  const keys = Object.keys(filter)
    .filter((k) => filter[k] !== undefined)
    .sort();
  const text = JSON.stringify(keys.map((k) => [k, String(filter[k])]));
  return createHash('sha256').update(text).digest('base64url').slice(0, 12);
}

/** The last row of a page and the filters it was read under, as an opaque token. */
export function encodeCursor(key: QueueKey, fingerprint: string): string {
  return Buffer.from(JSON.stringify([key.due, key.id, fingerprint]), 'utf8').toString('base64url');
}

/** The key a cursor carries, or null when it is not one of ours or was made for other filters. */
export function decodeCursor(cursor: string, fingerprint: string): QueueKey | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 3) return null;
    const [due, id, fp] = value as unknown[];
    if (typeof due !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(due)) return null;
    if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) return null;
    if (fp !== fingerprint) return null;
    return { due, id };
  } catch {
    return null;
  }
}

/**
 * What a report claims: Σ of the refunds its frozen formula sheets say the tenant is owed.
 * A month with nothing owed adds nothing.
 */
export function claimedFenOfSheets(sheets: readonly Pick<TenantMonthSheet, 'verdict'>[]): Fen {
  let total = 0n;
  for (const s of sheets) {
    const fen = parseScaledOrThrow(s.verdict.refund, 2);
    if (fen > 0n) total += fen;
  }
  return total;
}

/** Not offered on the case page: merging is intake's, confirming a refund the tenant's. */
const NOT_OFFERED: ReadonlySet<string> = new Set(['merge', 'confirm_refund']);
const STAFF_ACTIONS = (Object.keys(ACTION_LABELS) as CaseActionType[]).filter(
  (type) => !NOT_OFFERED.has(type),
);

/**
 * The steps `actor` may take on `c` now: its role may take the step, the case is its own
 * district's, and the state allows it. Inputs (amounts, reasons) are checked when it is taken.
 */
export function allowedActions(c: EnforcementCase, actor: CaseActor): CaseActionType[] {
  if (FINAL_STATES.has(c.state as CaseState)) return [];
  return STAFF_ACTIONS.filter(
    (type) =>
      ALLOWED_FROM[type].includes(c.state) && checkActor(c, { type } as CaseAction, actor) === null,
  );
}

export const actionLabel = (type: CaseActionType) => ACTION_LABELS[type];
