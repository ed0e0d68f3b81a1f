import { createHash } from 'node:crypto';
import type { CaseQueueDueKind, TenantMonthSheet } from '@zgd/shared-types';
import {
  calendarDaysBetween,
  isYearNotCovered,
  type CalendarDate,
  type WorkingCalendar,
} from '../calendar';
import { parseScaledOrThrow, type Fen } from '../reconciliation/domain/exact';
import {
  ACTION_LABELS,
  gate,
  PRE_FILING_STATES,
  type CaseAction,
  type CaseActionType,
  type CaseActor,
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
 * (migrations 1764461000000, 1764461500000): the filing decision before 立案, the case decision
 * while investigating, and the reporter notice (告知) while a real-name reporter is untold
 * (`noticeDue`, written by the case ledger) when it is nearer, in any state after the decision
 * on 立案, refused and closed cases included.
 */
export function queueDueOf(
  state: string,
  filingDue: string,
  decisionDue: string | null,
  noticeDue: string | null = null,
): { due: string | null; kind: CaseQueueDueKind | null } {
  const base = stateDueOf(state, filingDue, decisionDue);
  if (noticeDue && (base.due === null || noticeDue < base.due))
    return { due: noticeDue, kind: 'reporter_notice' };
  return base;
}

function stateDueOf(
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
export function claimedFenOfSheets(
  sheets: readonly { verdict: Pick<TenantMonthSheet['verdict'], 'refund'> }[],
): Fen {
  let total = 0n;
  for (const s of sheets) {
    const fen = parseScaledOrThrow(s.verdict.refund, 2);
    if (fen > 0n) total += fen;
  }
  return total;
}

/** One month of a report as its evidence froze it: the refund owed to the tenant that month. */
export interface MonthClaim {
  period: string;
  verdict: Pick<TenantMonthSheet['verdict'], 'refund'>;
}

/**
 * What a report adds to its case's claimed amount: the refunds owed of the months its tenant had
 * not yet reported at that account in this case (`reportedBefore`). Each (tenant, account, month)
 * counts once per case, as the first report of it froze it: a tenant reporting a month again
 * with a new idempotency key claims nothing twice.
 */
export function newlyClaimedFen(
  months: readonly MonthClaim[],
  reportedBefore: ReadonlySet<string>,
): Fen {
  const seen = new Set(reportedBefore);
  const counted: MonthClaim[] = [];
  for (const month of months) {
    if (seen.has(month.period)) continue;
    seen.add(month.period);
    counted.push(month);
  }
  return claimedFenOfSheets(counted);
}

/** Not offered on the case page: merging is intake's, confirming a refund the tenant's. */
const NOT_OFFERED: ReadonlySet<string> = new Set(['merge', 'confirm_refund']);
const STAFF_ACTIONS = (Object.keys(ACTION_LABELS) as CaseActionType[]).filter(
  (type) => !NOT_OFFERED.has(type),
);

/**
 * The steps `actor` may take on `c` now: exactly those the workflow's gate lets through (role,
 * district, state, what the step needs of the case), after 不予立案 and 办结 too. Inputs
 * (amounts, reasons, which report) are checked when the step is taken.
 */
export function allowedActions(c: EnforcementCase, actor: CaseActor, now: Date): CaseActionType[] {
  return STAFF_ACTIONS.filter((type) => gate(c, { type } as CaseAction, actor, now) === null);
}

export const actionLabel = (type: CaseActionType) => ACTION_LABELS[type];
