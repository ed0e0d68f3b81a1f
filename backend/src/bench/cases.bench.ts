import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { SeededRandom } from '../cli/demo-data/seeded-random';
import { dataSourceOptions } from '../database/data-source-options';
import {
  queuePage,
  queuePageByOffset,
  type QueueFilter,
  type QueuePage,
} from '../modules/cases/case-queue.repository';
import type { QueueKey } from '../modules/cases/case-queue';
import { caseToJson } from '../modules/cases/domain/case-json';
import type { CaseState, EnforcementCase } from '../modules/cases/domain';
import { fmt, ms, numberArg, percentile, stringArg } from './bench-args';

/**
 * `pnpm bench:cases`: seeds 1,000,000 enforcement cases straight into a fresh database (SQLite
 * by default, a throwaway MariaDB database with `--mysql`), then reads a district's work queue
 * (open cases, nearest deadline first, 50 a page) with the queue's own keyset query, page after
 * page to the end, beside the same filter and order by OFFSET at a shallow, a middle and the
 * deepest page, in the same run.
 *
 *   node dist/bench/cases.bench.js [--mysql] [--cases 1000000] [--district 310115]
 */
const GOAL_P95_MS = 300;
const PAGE = 50;
const TODAY = '2026-11-30';
const DAY = 86_400_000;
const PRE_FILING: CaseState[] = ['registered', 'assigned', 'verifying'];
const OPEN: CaseState[] = [...PRE_FILING, 'investigating'];
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n' };
const server = (process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/$/, '');

/** Shanghai's 16 districts, weighted by resident population (millions, 2020 census). */
const DISTRICTS: [string, number][] = [
  ['310115', 5.68], // 浦东新区
  ['310112', 2.65], // 闵行区
  ['310113', 2.24], // 宝山区
  ['310117', 1.91], // 松江区
  ['310114', 1.83], // 嘉定区
  ['310118', 1.27], // 青浦区
  ['310110', 1.24], // 杨浦区
  ['310107', 1.24], // 普陀区
  ['310104', 1.11], // 徐汇区
  ['310120', 1.14], // 奉贤区
  ['310106', 0.98], // 静安区
  ['310116', 0.82], // 金山区
  ['310105', 0.69], // 长宁区
  ['310109', 0.76], // 虹口区
  ['310151', 0.64], // 崇明区
  ['310101', 0.66], // 黄浦区
];

/** Most cases are finished; the open ones are the queue. */
const STATES: [CaseState, number][] = [
  ['closed', 50],
  ['not_opened', 10],
  ['registered', 5],
  ['assigned', 5],
  ['verifying', 10],
  ['investigating', 14],
  ['decided', 2],
  ['refund_supervision', 4],
];

/** Steps a case in each state has taken: its version. */
const STEPS: Record<CaseState, number> = {
  registered: 1,
  assigned: 2,
  verifying: 3,
  investigating: 4,
  not_opened: 4,
  decided: 5,
  refund_supervision: 6,
  closed: 8,
};

const COLUMNS = [
  'id',
  'number',
  'district_code',
  'entity_id',
  'periods',
  'state',
  'source',
  'model',
  'received_at',
  'filing_due',
  'decision_due',
  'assignee_user_id',
  'version',
  'updated_at',
  'claimed_fen',
];
type SeedRow = (string | number | null)[];

async function main() {
  const mysql = process.argv.includes('--mysql');
  const total = numberArg('--cases', 1_000_000);
  const district = stringArg('--district', '310115');
  const dir = mkdtempSync(join(tmpdir(), 'zgd-bench-cases-'));
  const db = `zgd_bench_cases_${Date.now().toString(36)}`;
  const admin = mysql ? await createConnection(server) : null;
  if (admin)
    await admin.query(`CREATE DATABASE \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const ds = new DataSource(
    dataSourceOptions(
      mysql
        ? { type: 'mysql', location: `${server}/${db}` }
        : { type: 'sqlite', location: join(dir, 'zgd.sqlite') },
    ),
  );
  try {
    await ds.initialize();
    await ds.runMigrations();
    const t0 = performance.now();
    const counts = mysql
      ? await seedMysql(`${server}/${db}`, total)
      : seedSqlite(sqliteOf(ds), total);
    const seedSeconds = (performance.now() - t0) / 1000;
    console.log(
      `seeded ${fmt(total)} cases on ${mysql ? 'MariaDB' : 'SQLite'} in ${seedSeconds.toFixed(1)} s ` +
        `(${fmt(total / seedSeconds)} rows/s), ${fmt(counts.entities)} entities over 16 districts`,
    );

    const filter: QueueFilter = { districtCode: district, states: OPEN };
    const matched = counts.open.get(district) ?? 0;
    console.log(
      `queue: district ${district}, states ${OPEN.join('/')}, by nearest deadline: ${fmt(matched)} cases, ${PAGE} a page`,
    );
    const walk = await keysetWalk(ds, filter);
    if (walk.rows !== matched)
      throw new Error(`the keyset walk read ${walk.rows} cases; the seed put ${matched} there`);
    const deepest = Math.max(0, Math.floor((matched - 1) / PAGE) * PAGE);
    const offsets = [0, Math.floor(deepest / 2 / PAGE) * PAGE, deepest];
    const byOffset = [];
    for (const offset of offsets)
      byOffset.push({ offset, ...(await offsetPage(ds, filter, offset, walk.keyAt)) });

    const rows = [
      [
        `keyset, every page in order (${fmt(walk.times.length)} pages)`,
        ms(percentile(walk.times, 0.5)),
        ms(percentile(walk.times, 0.95)),
        ms(Math.max(...walk.times)),
      ],
      [
        `keyset, the deepest page (offset ${fmt(deepest)})`,
        ms(walk.times[walk.times.length - 1]),
        '',
        '',
      ],
      ...byOffset.map((o) => [
        `baseline: OFFSET ${fmt(o.offset)} (${o.times.length} runs)`,
        ms(percentile(o.times, 0.5)),
        ms(percentile(o.times, 0.95)),
        ms(Math.max(...o.times)),
      ]),
    ];
    printTable(['page read', 'p50', 'p95', 'max'], rows);
    console.log('');
    const p95 = percentile(walk.times, 0.95);
    console.log(
      `goal keyset page p95 ≤ ${GOAL_P95_MS} ms: ${p95 <= GOAL_P95_MS ? 'MET' : 'MISSED'} (${ms(p95)})`,
    );
    const mismatched = byOffset.filter((o) => !o.same).map((o) => o.offset);
    console.log(
      `check OFFSET pages hold the same cases as the keyset pages: ${mismatched.length ? `FAILED at ${mismatched.join(', ')}` : 'OK'}`,
    );
    if (mismatched.length) process.exitCode = 1;
  } finally {
    if (ds.isInitialized) await ds.destroy();
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS \`${db}\``);
      await admin.end();
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every page from the first to the last, each timed; the first key of each page kept. */
async function keysetWalk(ds: DataSource, filter: QueueFilter) {
  const times: number[] = [];
  const firstKeys: QueueKey[] = [];
  let after: QueueKey | null = null;
  let rows = 0;
  for (;;) {
    const t = performance.now();
    const page: QueuePage = await queuePage(ds.manager, filter, PAGE, after);
    times.push(performance.now() - t);
    if (page.rows.length !== PAGE && page.next)
      throw new Error(`a keyset page held ${page.rows.length} cases`);
    if (page.rows[0]) firstKeys.push({ due: page.rows[0].queueDue, id: page.rows[0].row.id });
    rows += page.rows.length;
    if (!page.next) break;
    after = page.next;
  }
  return { times, rows, keyAt: (offset: number) => firstKeys[offset / PAGE] };
}

/** One OFFSET page read again and again; `same` when it starts where the keyset page did. */
async function offsetPage(
  ds: DataSource,
  filter: QueueFilter,
  offset: number,
  keyAt: (offset: number) => QueueKey | undefined,
) {
  const times: number[] = [];
  let first: QueueKey | undefined;
  const started = performance.now();
  // 20 reads, or fewer (at least 3) when each takes seconds.
  for (let i = 0; i < 20 && (i < 3 || performance.now() - started < 30_000); i++) {
    const t = performance.now();
    const page = await queuePageByOffset(ds.manager, filter, PAGE, offset);
    times.push(performance.now() - t);
    first = page.rows[0] && { due: page.rows[0].queueDue, id: page.rows[0].row.id };
  }
  const expected = keyAt(offset);
  return { times, same: first?.id === expected?.id && first?.due === expected?.due };
}

interface SeedCounts {
  entities: number;
  /** Open cases per district: what the queue must list. */
  open: Map<string, number>;
}

/**
 * Cases as intake and the workflow leave them: valid workflow models, each district's own
 * charging entities (a few with many cases), due dates that follow the state, and claims
 * between 1 and 50,000 yuan, most of them small.
 */
function* caseRows(total: number, counts: SeedCounts): Generator<SeedRow> {
  const rnd = new SeededRandom(20261130);
  const pickDistrict = weighted(rnd, DISTRICTS);
  const pickState = weighted(rnd, STATES);
  const entities = new Map(
    DISTRICTS.map(([code, weight]) => [
      code,
      Array.from(
        { length: Math.round(weight * 400) },
        (_, i) => `91${code}${i.toString(36).toUpperCase().padStart(10, 'X')}`,
      ),
    ]),
  );
  counts.entities = [...entities.values()].reduce((n, list) => n + list.length, 0);
  const numbers = new Map<string, number>();
  const today = Date.parse(`${TODAY}T00:00:00Z`);
  for (let i = 0; i < total; i++) {
    const district = pickDistrict();
    const state = pickState();
    const list = entities.get(district) as string[];
    // Squared: a few entities collect many cases.
    const entityId = list[Math.floor(rnd.next() ** 2 * list.length)];
    const open = OPEN.includes(state);
    if (open) counts.open.set(district, (counts.open.get(district) ?? 0) + 1);
    // Cases before 立案 arrived in the last month, under investigation in the last half year.
    const ageDays = PRE_FILING.includes(state)
      ? rnd.int(0, 30)
      : state === 'investigating'
        ? rnd.int(20, 140)
        : rnd.int(30, 1060);
    const received = new Date(today - ageDays * DAY + rnd.int(8 * 3600, 18 * 3600) * 1000);
    const filingDue = new Date(received.getTime() + 21 * DAY);
    const openedAt = ['registered', 'assigned', 'verifying', 'not_opened'].includes(state)
      ? null
      : new Date(received.getTime() + rnd.int(3, 20) * DAY);
    const decisionDue = openedAt && new Date(openedAt.getTime() + 90 * DAY);
    const year = received.toISOString().slice(0, 4);
    const serial = (numbers.get(`${district}${year}`) ?? 0) + 1;
    numbers.set(`${district}${year}`, serial);
    const month = received.toISOString().slice(0, 7);
    const periods = [month];
    const claimedFen = Math.round(100 * Math.exp(rnd.between(Math.log(1), Math.log(50_000))));
    const assignee = state === 'registered' ? null : rnd.int(1, 40);
    const decided =
      ['decided', 'refund_supervision'].includes(state) || (state === 'closed' && openedAt);
    const fen = BigInt(claimedFen);
    // Ids ascending in insertion order, so the bulk load appends to the primary key.
    const id = `${i.toString(16).padStart(8, '0')}${randomUUID().slice(8)}`;
    const reportId = randomUUID();
    const model: EnforcementCase = {
      id,
      state,
      districtCode: district,
      entityId,
      periods,
      reportIds: [reportId],
      // Real-name only before the decision on 立案: no reporter is owed a notice (告知) yet.
      realNameReportIds: PRE_FILING.includes(state) && rnd.chance(0.6) ? [reportId] : [],
      reporterNotices: [],
      assigneeUserId: assignee,
      registeredAt: received,
      filingDueAt: filingDue,
      filingDeadlineExtended: false,
      correctionWindowEndsAt: filingDue,
      corrections: [],
      openedAt,
      decisionDueAt: decisionDue,
      decisionDeadlineExtended: false,
      refundOrderPeriods: [],
      refusal:
        state === 'not_opened'
          ? { at: filingDue, reason: 'NO_VIOLATION', approvedByUserId: assignee }
          : null,
      decision:
        decided && openedAt
          ? {
              at: new Date(openedAt.getTime() + rnd.int(20, 80) * DAY),
              approvedByUserId: assignee,
              illegalGainFen: fen,
              refundOrderFen: fen,
              warning: true,
              fineFen: fen / 2n,
              confiscationFen: 0n,
              serious: false,
            }
          : null,
      refunds: [],
      transfers: [],
      closedAt: state === 'closed' ? new Date(received.getTime() + 100 * DAY) : null,
      version: STEPS[state],
    };
    yield [
      id,
      `沪转供-${district}-${year}-${String(serial).padStart(5, '0')}`,
      district,
      entityId,
      JSON.stringify(periods),
      state,
      rnd.chance(0.9) ? 'report' : 'warning',
      caseToJson(model),
      received.toISOString(),
      day(filingDue),
      decisionDue ? day(decisionDue) : null,
      assignee,
      STEPS[state],
      received.toISOString(),
      claimedFen,
    ];
  }
}

function seedSqlite(db: BetterSqlite3.Database, total: number): SeedCounts {
  const counts: SeedCounts = { entities: 0, open: new Map() };
  // For the seed only: no fsync per commit, and the random-key indexes kept in memory.
  const synchronous = db.pragma('synchronous', { simple: true });
  const cacheSize = db.pragma('cache_size', { simple: true });
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000000');
  // Bulk load: the table's indexes are dropped, then built again from their own definitions.
  const indexes = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'enforcement_case' AND sql IS NOT NULL",
    )
    .all() as { name: string; sql: string }[];
  for (const ix of indexes) db.exec(`DROP INDEX "${ix.name}"`);
  const per = 100;
  const values = `(${COLUMNS.map(() => '?').join(', ')})`;
  const sql = (n: number) =>
    `INSERT INTO enforcement_case (${COLUMNS.join(', ')}) VALUES ${Array(n).fill(values).join(', ')}`;
  const full = db.prepare(sql(per));
  const sqliteTime = (iso: string) => iso.replace('T', ' ').slice(0, 23);
  const insert = db.transaction((rows: SeedRow[]) => {
    for (let i = 0; i < rows.length; i += per) {
      const chunk = rows.slice(i, i + per).map((r) => {
        r[8] = sqliteTime(r[8] as string);
        r[13] = sqliteTime(r[13] as string);
        return r;
      });
      (chunk.length === per ? full : db.prepare(sql(chunk.length))).run(chunk.flat());
    }
  });
  let batch: SeedRow[] = [];
  for (const row of caseRows(total, counts)) {
    batch.push(row);
    if (batch.length === 50_000) {
      insert(batch);
      batch = [];
    }
  }
  if (batch.length) insert(batch);
  for (const ix of indexes) db.exec(ix.sql);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma(`cache_size = ${cacheSize}`);
  return counts;
}

async function seedMysql(url: string, total: number): Promise<SeedCounts> {
  const counts: SeedCounts = { entities: 0, open: new Map() };
  const c = await createConnection(url);
  const mysqlTime = (iso: string) => iso.replace('T', ' ').slice(0, 19);
  try {
    // Bulk load: the secondary indexes are dropped, then built again as they were.
    const [shown] = await c.query('SHOW INDEX FROM enforcement_case');
    const indexes = new Map<string, { unique: boolean; columns: string[] }>();
    for (const r of shown as { Key_name: string; Non_unique: number; Column_name: string }[]) {
      if (r.Key_name === 'PRIMARY') continue;
      const ix = indexes.get(r.Key_name) ?? { unique: !r.Non_unique, columns: [] };
      ix.columns.push(`\`${r.Column_name}\``);
      indexes.set(r.Key_name, ix);
    }
    const alter = (parts: string[]) =>
      parts.length ? c.query(`ALTER TABLE enforcement_case ${parts.join(', ')}`) : null;
    await alter([...indexes.keys()].map((name) => `DROP INDEX \`${name}\``));
    // LOAD DATA from a stream of tab-separated lines, 50,000 rows a statement.
    const field = (v: string | number | null) =>
      v === null ? '\\N' : String(v).replace(/[\\\t\n]/g, (ch) => ESCAPES[ch]);
    let lines: string[] = [];
    const flush = async () => {
      const chunks: Buffer[] = [];
      for (let i = 0; i < lines.length; i += 500)
        chunks.push(Buffer.from(lines.slice(i, i + 500).join(''), 'utf8'));
      const data = Readable.from(chunks);
      lines = [];
      await c.query({
        sql: `LOAD DATA LOCAL INFILE 'cases.tsv' INTO TABLE enforcement_case CHARACTER SET utf8mb4 (${COLUMNS.join(', ')})`,
        infileStreamFactory: () => data,
      });
    };
    for (const row of caseRows(total, counts)) {
      row[8] = mysqlTime(row[8] as string);
      row[13] = mysqlTime(row[13] as string);
      lines.push(`${row.map(field).join('\t')}\n`);
      if (lines.length === 50_000) await flush();
    }
    if (lines.length) await flush();
    await alter(
      [...indexes].map(
        ([name, ix]) =>
          `ADD ${ix.unique ? 'UNIQUE ' : ''}INDEX \`${name}\` (${ix.columns.join(', ')})`,
      ),
    );
  } finally {
    await c.end();
  }
  return counts;
}

/** The better-sqlite3 handle under TypeORM's connection, for the seed only. */
function sqliteOf(ds: DataSource): BetterSqlite3.Database {
  return (ds.driver as unknown as { databaseConnection: BetterSqlite3.Database })
    .databaseConnection;
}

function weighted<T>(rnd: SeededRandom, items: [T, number][]): () => T {
  const sum = items.reduce((s, [, w]) => s + w, 0);
  return () => {
    let x = rnd.next() * sum;
    for (const [item, w] of items) if ((x -= w) < 0) return item;
    return items[items.length - 1][0];
  };
}

const day = (d: Date) => d.toISOString().slice(0, 10);

function printTable(header: string[], rows: string[][]) {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  for (const row of [header, ...rows])
    console.log(
      row
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
        .join('  ')
        .trimEnd(),
    );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
