import { In, type EntityManager } from 'typeorm';
import { CaseRow } from './case.entity';
import type { QueueKey } from './case-queue';

/**
 * The work queue's reads. Plain functions over an EntityManager, so the benchmark
 * (src/bench/cases.bench.ts) runs exactly the queries the API runs.
 */

export interface QueueFilter {
  /** Undefined: every district (the city). */
  districtCode?: string;
  states?: readonly string[];
  entityId?: string;
  minFen?: bigint;
  maxFen?: bigint;
  /** Inclusive bounds on queue_due (YYYY-MM-DD). */
  dueFrom?: string | null;
  dueTo?: string | null;
}

export interface QueueRow {
  row: CaseRow;
  queueDue: string;
  claimedFen: bigint;
}

export interface QueuePage {
  rows: QueueRow[];
  /** The key to continue after; null on the last page. */
  next: QueueKey | null;
}

function where(f: QueueFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.districtCode !== undefined) {
    parts.push('district_code = ?');
    params.push(f.districtCode);
  }
  if (f.states?.length) {
    parts.push(`state IN (${f.states.map(() => '?').join(', ')})`);
    params.push(...f.states);
  }
  if (f.entityId !== undefined) {
    parts.push('entity_id = ?');
    params.push(f.entityId);
  }
  if (f.minFen !== undefined) {
    parts.push('claimed_fen >= ?');
    params.push(f.minFen.toString());
  }
  if (f.maxFen !== undefined) {
    parts.push('claimed_fen <= ?');
    params.push(f.maxFen.toString());
  }
  if (f.dueFrom) {
    parts.push('queue_due >= ?');
    params.push(f.dueFrom);
  }
  if (f.dueTo) {
    parts.push('queue_due <= ?');
    params.push(f.dueTo);
  }
  return { sql: parts.length ? parts.join(' AND ') : '1 = 1', params };
}

type KeyRow = { id: string; queue_due: string; claimed_fen: string | number };

/**
 * One page of the queue in (queue_due, id) order, after `after` (exclusive). Reads one row
 * more than asked to know whether another page follows; the keyset predicate keeps it one
 * range scan of ix_enforcement_case_queue(_city), however deep the page.
 */
export async function queuePage(
  m: EntityManager,
  filter: QueueFilter,
  limit: number,
  after?: QueueKey | null,
): Promise<QueuePage> {
  const w = where(filter);
  let sql = `SELECT id, queue_due, claimed_fen FROM enforcement_case WHERE ${w.sql}`;
  const params = [...w.params];
  if (after) {
    sql += ' AND queue_due >= ? AND (queue_due > ? OR id > ?)';
    params.push(after.due, after.due, after.id);
  }
  sql += ' ORDER BY queue_due ASC, id ASC LIMIT ?';
  params.push(limit + 1);
  const keys: KeyRow[] = await m.query(sql, params);
  return withRows(m, keys, limit);
}

/**
 * The same page by OFFSET, for the benchmark's comparison only: the database reads and
 * discards every row before it.
 */
export async function queuePageByOffset(
  m: EntityManager,
  filter: QueueFilter,
  limit: number,
  offset: number,
): Promise<QueuePage> {
  const w = where(filter);
  const keys: KeyRow[] = await m.query(
    `SELECT id, queue_due, claimed_fen FROM enforcement_case WHERE ${w.sql}
       ORDER BY queue_due ASC, id ASC LIMIT ? OFFSET ?`,
    [...w.params, limit + 1, offset],
  );
  return withRows(m, keys, limit);
}

async function withRows(m: EntityManager, keys: KeyRow[], limit: number): Promise<QueuePage> {
  const more = keys.length > limit;
  const page = more ? keys.slice(0, limit) : keys;
  const rows = page.length ? await m.findBy(CaseRow, { id: In(page.map((k) => k.id)) }) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const last = page[page.length - 1];
  return {
    rows: page.flatMap((k) => {
      const row = byId.get(k.id);
      // A row removed between the two reads is left out rather than failing the page.
      return row ? [{ row, queueDue: k.queue_due, claimedFen: BigInt(String(k.claimed_fen)) }] : [];
    }),
    next: more && last ? { due: last.queue_due, id: last.id } : null,
  };
}

export interface DistrictDueCounts {
  districtCode: string;
  overdue: number;
  dueSoon: number;
}

/**
 * How many cases of each district are overdue and due soon by the queue's own deadline
 * (queue_due), in the inclusive ranges `dueRange` gives for the queue's `due` filter. One query,
 * grouped by district: with the districts listed, each is one range scan of the covering index
 * ix_enforcement_case_queue (district_code, queue_due), however many cases the city holds.
 */
export async function dueCountsByDistrict(
  m: EntityManager,
  districtCodes: readonly string[],
  overdue: { to: string | null },
  soon: { from: string | null; to: string | null },
): Promise<DistrictDueCounts[]> {
  if (!districtCodes.length || !overdue.to || !soon.from || !soon.to) return [];
  const rows: { district_code: string; overdue: unknown; due_soon: unknown }[] = await m.query(
    `SELECT district_code,
            SUM(CASE WHEN queue_due <= ? THEN 1 ELSE 0 END) AS overdue,
            SUM(CASE WHEN queue_due >= ? THEN 1 ELSE 0 END) AS due_soon
       FROM enforcement_case
      WHERE district_code IN (${districtCodes.map(() => '?').join(', ')}) AND queue_due <= ?
      GROUP BY district_code`,
    [overdue.to, soon.from, ...districtCodes, soon.to],
  );
  return rows.map((r) => ({
    districtCode: String(r.district_code),
    overdue: Number(r.overdue ?? 0),
    dueSoon: Number(r.due_soon ?? 0),
  }));
}

/** Adds a report's claimed overcharge to its case, in the intake transaction. */
export async function addClaimedFen(m: EntityManager, caseId: string, fen: bigint): Promise<void> {
  if (fen === 0n) return;
  await m.query('UPDATE enforcement_case SET claimed_fen = claimed_fen + ? WHERE id = ?', [
    fen.toString(),
    caseId,
  ]);
}

/** The claimed overcharge of one case. */
export async function claimedFenOf(m: EntityManager, caseId: string): Promise<bigint> {
  const [row] = await m.query('SELECT claimed_fen FROM enforcement_case WHERE id = ?', [caseId]);
  return BigInt(String(row?.claimed_fen ?? 0));
}
