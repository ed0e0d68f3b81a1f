import type { EntityManager } from 'typeorm';
import { groupBySupplyMonth, ownUseHash, supplyMonthKey } from './input-versions';

export interface VersionCounts {
  added: number;
  superseding: number;
  unchanged: number;
}

/** Rows per INSERT: well under SQLite's 32,766 and MySQL's 65,535 placeholders. */
const CHUNK = 1000;

/**
 * Rows as plain multi-row INSERTs with `?` placeholders (both drivers take them): TypeORM's
 * query builder spends more per row than the database does, and imports are bulk.
 */
export async function insertRows(
  m: EntityManager,
  table: string,
  columns: string[],
  rows: unknown[][],
) {
  const values = `(${columns.map(() => '?').join(',')})`;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    await m.query(
      `INSERT INTO ${table} (${columns.join(',')}) VALUES ${part.map(() => values).join(',')}`,
      part.flat(),
    );
  }
}

export const big = (v: bigint | null) => (v === null ? null : v.toString());

interface VersionedSetSpec<L> {
  /** The header table: one row per (account, period) version. */
  table: string;
  hash: (lines: L[]) => string;
  extraColumns: string[];
  extraValues: (first: L) => unknown[];
  lineTable: string;
  /** The first column is the header's id. */
  lineColumns: string[];
  lineValues: (line: L) => unknown[];
}

/**
 * Stores lines grouped per account and month as versions: a group equal to the newest stored
 * version is counted unchanged, another becomes version n+1 (the old one stays).
 */
export async function insertVersionedSets<
  L extends { entityId: string; accountNo: string; period: string },
>(m: EntityManager, batchId: string, all: L[], spec: VersionedSetSpec<L>): Promise<VersionCounts> {
  const groups = groupBySupplyMonth(all);
  const latest = await latestVersions(
    m,
    spec.table,
    [...groups.values()].map((g) => g[0].accountNo),
  );
  const counts: VersionCounts = { added: 0, superseding: 0, unchanged: 0 };
  const headers: unknown[][] = [];
  const fresh = new Map<string, L[]>();
  for (const [key, lines] of groups) {
    const hash = spec.hash(lines);
    const prev = latest.get(key);
    if (prev?.contentHash === hash) {
      counts.unchanged++;
      continue;
    }
    counts[prev ? 'superseding' : 'added']++;
    const f = lines[0];
    headers.push([
      f.entityId,
      f.accountNo,
      f.period,
      (prev?.version ?? 0) + 1,
      batchId,
      hash,
      ...spec.extraValues(f),
    ]);
    fresh.set(key, lines);
  }
  await insertRows(
    m,
    spec.table,
    [
      'entity_id',
      'account_no',
      'period',
      'version',
      'batch_id',
      'content_hash',
      ...spec.extraColumns,
    ],
    headers,
  );
  const ids = await idsOfBatch(m, spec.table, batchId);
  const rows: unknown[][] = [];
  for (const [key, lines] of fresh) {
    const id = ids.get(key)!;
    for (const l of lines) rows.push([id, ...spec.lineValues(l)]);
  }
  await insertRows(m, spec.lineTable, spec.lineColumns, rows);
  return counts;
}

interface LatestVersion {
  version: number;
  contentHash: string;
}

/** The newest version of each (account, period) of the given accounts. */
export async function latestVersions(
  m: EntityManager,
  table: string,
  accounts: string[],
): Promise<Map<string, LatestVersion>> {
  const latest = new Map<string, LatestVersion>();
  const unique = [...new Set(accounts)];
  const hashColumn = table === 'own_use' ? 'kwh_milli' : 'content_hash';
  for (let i = 0; i < unique.length; i += CHUNK) {
    const part = unique.slice(i, i + CHUNK);
    const rows: {
      account_no: string;
      period: string;
      version: number;
      h: string;
      entity_id: string;
    }[] = await m.query(
      `SELECT account_no, period, version, ${hashColumn} AS h, entity_id FROM ${table} WHERE account_no IN (${part.map(() => '?').join(',')})`,
      part,
    );
    for (const r of rows) {
      const key = supplyMonthKey(r.account_no, r.period);
      const version = Number(r.version);
      const contentHash =
        table === 'own_use'
          ? ownUseHash({
              entityId: r.entity_id,
              accountNo: r.account_no,
              period: r.period,
              kwhMilli: BigInt(r.h),
            })
          : r.h;
      if ((latest.get(key)?.version ?? 0) < version) latest.set(key, { version, contentHash });
    }
  }
  return latest;
}

async function idsOfBatch(
  m: EntityManager,
  table: string,
  batchId: string,
): Promise<Map<string, number>> {
  const rows: { id: number; account_no: string; period: string }[] = await m.query(
    `SELECT id, account_no, period FROM ${table} WHERE batch_id = ?`,
    [batchId],
  );
  return new Map(rows.map((r) => [supplyMonthKey(r.account_no, r.period), Number(r.id)]));
}
