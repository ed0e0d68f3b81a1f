import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createConnection } from 'mysql2/promise';
import { hashPassword } from '../modules/auth/password';
import { ms, numberArg, percentile } from './bench-args';

/**
 * `pnpm bench:intake`: starts the built product (its own data folder, SQLite; `--mysql` uses a
 * throwaway MariaDB database), signs in as the demo tenant and drives it open-loop: requests
 * leave on a fixed schedule and latency is counted from the scheduled moment, so a slow answer
 * cannot hide the requests queued behind it. `GET /api/health` at the same rate, in the same
 * run, is the baseline. Then 1,000 concurrent reports with 10 % repeated keys must store
 * exactly 900 reports (exit 1 otherwise).
 *
 *   node dist/bench/intake.bench.js [--mysql] [--rate 200] [--seconds 30] [--burst 1000] [--tenants 400]
 */
const GOAL_P99_MS = 200;
const ACCOUNT = '3100000002'; // fixture 02: the demo tenant's premises in 闵行
const RATE_PERIODS = ['2025-03', '2025-04'];
const BURST_PERIODS = ['2025-05', '2025-06'];
const server = (process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/$/, '');

interface LoadResult {
  label: string;
  latencies: number[];
  errors: number;
  statuses: Map<string, number>;
  sendLagMs: number;
  seconds: number;
}

async function main() {
  const mysql = process.argv.includes('--mysql');
  const rate = numberArg('--rate', 200);
  const seconds = numberArg('--seconds', 30);
  const burst = numberArg('--burst', 1000);
  const tenants = numberArg('--tenants', 400);
  const run = Date.now().toString(36);
  const dataDir = mkdtempSync(join(tmpdir(), 'zgd-bench-intake-'));
  const db = `zgd_bench_intake_${run}`;
  const admin = mysql ? await createConnection(server) : null;
  if (admin)
    await admin.query(`CREATE DATABASE \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const product = await startProduct(dataDir, mysql ? `${server}/${db}` : undefined);
  let failed = false;
  try {
    console.log(
      `product: ${mysql ? 'MariaDB' : 'SQLite'}, started with demo data in ${product.startSeconds.toFixed(1)} s`,
    );
    const token = await demoLogin(product.baseUrl, 'tenant');
    const report = (key: string, periods: string[]) =>
      postReport(product.baseUrl, token, { idempotencyKey: key, accountNo: ACCOUNT, periods });

    const sql = mysql ? await createConnection(`${server}/${db}`) : null;
    const sqlite = sql ? null : new Database(join(dataDir, 'zgd.sqlite'));
    sqlite?.pragma('busy_timeout = 10000');
    const query = async <T>(text: string, params: unknown[] = []): Promise<T[]> =>
      sql
        ? ((await sql.query(text, params))[0] as T[])
        : (() => {
            const statement = sqlite!.prepare(text);
            return (
              statement.reader ? statement.all(...params) : (statement.run(...params), [])
            ) as T[];
          })();
    const reporters = await seedReporters(product.baseUrl, query, run, tenants);
    await sql?.end();
    sqlite?.close();
    const entities = new Set(reporters.map((r) => r.entityId)).size;

    console.log(`open loop: ${rate} requests/s for ${seconds} s each`);
    const health = await openLoop('baseline: GET /api/health', rate, seconds, () =>
      fetch(`${product.baseUrl}/api/health`, { signal: AbortSignal.timeout(60_000) }),
    );
    // The realistic load: each request is another tenant's report, over many entities'
    // premises and months, as reports reach a city's bureaus.
    const spread = await openLoop(
      `POST /api/reports (${reporters.length} tenants, ${entities} entities)`,
      rate,
      seconds,
      (i) => {
        const r = reporters[i % reporters.length];
        // Two of its billed months, a different pair each round.
        const m = Math.floor(i / reporters.length) % Math.max(1, r.months.length - 1);
        return postReport(product.baseUrl, r.token, {
          idempotencyKey: `spread-${run}-${i}`,
          accountNo: r.accountNo,
          periods: r.months.slice(m, m + 2),
        });
      },
    );
    // The worst case: every report joins the same case.
    const oneCase = await openLoop('POST /api/reports (all into one case)', rate, seconds, (i) =>
      report(`rate-${run}-${i}`, RATE_PERIODS),
    );
    printLoad([health, spread, oneCase]);
    printWindows(spread, rate, 5);
    printWindows(oneCase, rate, 5);
    for (const [what, r] of [
      ['spread over tenants (the goal)', spread],
      ['all into one case (worst case)', oneCase],
    ] as const) {
      const worst = percentile(r.latencies, 0.99);
      const met = worst <= GOAL_P99_MS && r.errors === 0;
      console.log(
        `goal p99 ≤ ${GOAL_P99_MS} ms with 0 errors, ${what}: ${met ? 'MET' : 'MISSED'} (p99 ${ms(worst)}, ${r.errors} errors)`,
      );
    }

    console.log('');
    // Requests the client gave up on are still being worked off: the burst starts after them.
    const where = mysql ? `${server}/${db}` : join(dataDir, 'zgd.sqlite');
    const drained = await drain(() => countStored(where, ''));
    console.log(`(waited ${drained.toFixed(0)} s for the server to finish the abandoned requests)`);
    failed = !(await burstCheck(run, burst, report, (prefix) =>
      countStored(mysql ? `${server}/${db}` : join(dataDir, 'zgd.sqlite'), prefix),
    ));
  } finally {
    await product.stop();
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS \`${db}\``);
      await admin.end();
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (failed) process.exit(1);
}

function postReport(
  baseUrl: string,
  token: string,
  body: { idempotencyKey: string; accountNo: string; periods: string[] },
) {
  return fetch(`${baseUrl}/api/reports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      ...body,
      description: '按每度 1.2 元收费，另收基础电费',
      realName: false,
    }),
    signal: AbortSignal.timeout(60_000),
  });
}

interface Reporter {
  token: string;
  tenantId: string;
  accountNo: string;
  entityId: string;
  /** The months the firm was billed at these premises, in order. */
  months: string[];
}

/**
 * One signed-in tenant user for each of up to `limit` firms the demo data bills (one premises
 * each, over every charging entity), made the way an administrator's tool would: a user bound
 * to its firm, signed in by password over HTTP. The hash uses a low scrypt cost (login speed
 * is not what is measured).
 */
async function seedReporters(
  baseUrl: string,
  query: <T>(text: string, params?: unknown[]) => Promise<T[]>,
  run: string,
  limit: number,
): Promise<Reporter[]> {
  const billed = await query<{
    tenant_id: string;
    account_no: string;
    entity_id: string;
    period: string;
  }>(
    `SELECT DISTINCT l.tenant_id, s.account_no, s.entity_id, s.period
       FROM tenant_charge_line l JOIN tenant_charge_sheet s ON s.id = l.sheet_id
      ORDER BY s.entity_id, l.tenant_id, s.account_no, s.period`,
  );
  // Each firm at its first premises, with the months it was billed there.
  const firms = new Map<
    string,
    { tenant_id: string; account_no: string; entity_id: string; months: string[] }
  >();
  for (const b of billed) {
    const firm = firms.get(b.tenant_id) ?? { ...b, months: [] };
    firms.set(b.tenant_id, firm);
    if (firm.account_no === b.account_no) firm.months.push(b.period);
  }
  const rows = [...firms.values()];
  // Round-robin over the entities, so a smaller limit still reaches every one.
  const byEntity = new Map<string, typeof rows>();
  for (const r of rows) byEntity.set(r.entity_id, [...(byEntity.get(r.entity_id) ?? []), r]);
  const picked: typeof rows = [];
  for (let i = 0; picked.length < Math.min(limit, rows.length); i++)
    for (const list of byEntity.values())
      if (list[i] && picked.length < limit) picked.push(list[i]);
  const password = `bench-${run}`;
  const hash = await hashPassword(password, { N: 1024, r: 8, p: 1 });
  const reporters: Reporter[] = [];
  for (const [i, r] of picked.entries()) {
    const username = `bench-${run}-${i}`;
    await query(
      `INSERT INTO app_user (username, display_name, password_hash, role, tenant_id, failed_logins, created_at)
       VALUES (?, ?, ?, 'tenant', ?, 0, ?)`,
      [username, `压测租户 ${i}`, hash, r.tenant_id, '2026-11-30 00:00:00'],
    );
    const res = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (res.status !== 200)
      throw new Error(`login of ${username}: ${res.status} ${await res.text()}`);
    const { token } = (await res.json()) as { token: string };
    reporters.push({
      token,
      tenantId: r.tenant_id,
      accountNo: r.account_no,
      entityId: r.entity_id,
      months: r.months,
    });
  }
  console.log(
    `reporters: ${reporters.length} tenant users of ${new Set(picked.map((r) => r.tenant_id)).size} firms at the premises of ${byEntity.size} entities`,
  );
  return reporters;
}

/** Sends request i at start + i / rate whether or not earlier ones have answered. */
async function openLoop(
  label: string,
  rate: number,
  seconds: number,
  send: (i: number) => Promise<Response>,
): Promise<LoadResult> {
  const n = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const latencies = new Array<number>(n);
  const statuses = new Map<string, number>();
  const count = (k: string) => statuses.set(k, (statuses.get(k) ?? 0) + 1);
  let errors = 0;
  let sendLagMs = 0;
  const pending: Promise<void>[] = [];
  const start = performance.now() + 50;
  for (let i = 0; i < n; i++) {
    const at = start + i * interval;
    const wait = at - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    sendLagMs = Math.max(sendLagMs, performance.now() - at);
    pending.push(
      send(i).then(
        async (res) => {
          const text = await res.text();
          latencies[i] = performance.now() - at;
          count(res.status < 300 ? String(res.status) : `${res.status} ${errorCode(text)}`);
          if (res.status >= 300) errors++;
        },
        (e: unknown) => {
          latencies[i] = performance.now() - at;
          count(failureName(e));
          errors++;
        },
      ),
    );
  }
  await Promise.all(pending);
  return {
    label,
    latencies,
    errors,
    statuses,
    sendLagMs,
    seconds: (performance.now() - start) / 1000,
  };
}

/**
 * 1,000 reports at once, 10 % of them a second send of an earlier key with the same content:
 * a retry must answer the report it repeats, never store another.
 */
async function burstCheck(
  run: string,
  total: number,
  report: (key: string, periods: string[]) => Promise<Response>,
  stored: (keyPrefix: string) => Promise<number>,
): Promise<boolean> {
  const distinct = Math.round(total * 0.9);
  const prefix = `burst-${run}-`;
  // Each repeat is sent right beside its original so that the two race.
  const keys: string[] = [];
  for (let k = 0; k < distinct; k++) {
    keys.push(`${prefix}${k}`);
    if (k % Math.round(distinct / (total - distinct)) === 0 && keys.length < total)
      keys.push(`${prefix}${k}`);
  }
  while (keys.length < total) keys.push(`${prefix}${keys.length % distinct}`);
  const t0 = performance.now();
  const answers = await Promise.all(
    keys.map(async (key) => {
      try {
        const res = await report(key, BURST_PERIODS);
        const text = await res.text();
        const status = res.status < 300 ? String(res.status) : `${res.status} ${errorCode(text)}`;
        const reportId =
          res.status < 300 ? (JSON.parse(text) as { reportId: string }).reportId : '';
        return { key, status, reportId };
      } catch (e) {
        return { key, status: failureName(e), reportId: '' };
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const statuses = new Map<string, number>();
  const idsByKey = new Map<string, Set<string>>();
  for (const a of answers) {
    statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
    if (a.reportId) idsByKey.set(a.key, (idsByKey.get(a.key) ?? new Set()).add(a.reportId));
  }
  const inDb = await stored(prefix);
  const split = [...idsByKey.values()].filter((ids) => ids.size > 1).length;
  console.log(
    `burst: ${total} concurrent reports, ${distinct} distinct keys, ${total - distinct} repeats, answered in ${seconds.toFixed(1)} s`,
  );
  console.log(`  statuses: ${[...statuses].map(([s, n]) => `${s}×${n}`).join(', ')}`);
  console.log(`  stored: ${inDb} reports with these keys in the database`);
  const ok = inDb === distinct && split === 0;
  console.log(
    `check exactly ${distinct} reports stored, one report per key: ${ok ? 'OK' : 'FAILED'}` +
      (split ? ` (${split} keys answered with two different reports)` : ''),
  );
  return ok;
}

/** A request that got no answer: a timeout, or the connection refused or reset. */
function failureName(e: unknown): string {
  const cause = (e as { cause?: { code?: string } })?.cause?.code;
  return [e instanceof Error ? e.name : 'error', cause].filter(Boolean).join(' ');
}

/** The AppError code of an error answer, to tell a conflict from a crash. */
function errorCode(text: string): string {
  try {
    return String((JSON.parse(text) as { code?: string }).code ?? '');
  } catch {
    return text.slice(0, 40);
  }
}

/** Waits until the number of stored reports holds still for 2 s; the seconds waited. */
async function drain(count: () => Promise<number>): Promise<number> {
  const t0 = performance.now();
  for (let last = -1, still = 0; still < 2;) {
    const n = await count();
    still = n === last ? still + 1 : 0;
    last = n;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return (performance.now() - t0) / 1000;
}

async function countStored(location: string, keyPrefix: string): Promise<number> {
  const sql = 'SELECT COUNT(*) AS n FROM case_report WHERE idempotency_key LIKE ?';
  if (location.startsWith('mysql://')) {
    const c = await createConnection(location);
    try {
      const [rows] = await c.query(sql, [`${keyPrefix}%`]);
      return Number((rows as { n: number }[])[0].n);
    } finally {
      await c.end();
    }
  }
  const sqlite = new Database(location, { readonly: true });
  try {
    return Number((sqlite.prepare(sql).get(`${keyPrefix}%`) as { n: number }).n);
  } finally {
    sqlite.close();
  }
}

async function demoLogin(baseUrl: string, username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/demo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username }),
  });
  if (res.status !== 200) throw new Error(`demo login answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** The product as `pnpm up` runs it: dist/main.js, demo data seeded on first start. */
async function startProduct(dataDir: string, databaseUrl?: string) {
  const port = await freePort();
  const tail: string[] = [];
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, '../main.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (d: Buffer) => {
    tail.push(d.toString());
    if (tail.length > 50) tail.shift();
  };
  // Interrupted: the product goes too.
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(130);
    });
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`product exited:\n${tail.join('')}`);
    const up = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (performance.now() - t0 > 600_000)
      throw new Error(`product did not start:\n${tail.join('')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    startSeconds: (performance.now() - t0) / 1000,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGINT');
      const exited = new Promise((r) => child.once('exit', r));
      const late = await Promise.race([
        exited.then(() => false),
        new Promise((r) => setTimeout(r, 15_000, true)),
      ]);
      if (late) {
        console.log('(the product did not stop within 15 s of SIGINT: killed)');
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
    srv.on('error', fail);
  });
}

function printLoad(results: LoadResult[]) {
  const header = ['requests', 'sent', 'p50', 'p95', 'p99', 'max', 'errors', 'statuses'];
  const rows = results.map((r) => [
    r.label,
    String(r.latencies.length),
    ms(percentile(r.latencies, 0.5)),
    ms(percentile(r.latencies, 0.95)),
    ms(percentile(r.latencies, 0.99)),
    ms(Math.max(...r.latencies)),
    String(r.errors),
    [...r.statuses].map(([s, n]) => `${s}×${n}`).join(' '),
  ]);
  printTable(header, rows);
  for (const r of results)
    console.log(
      `  ${r.label}: all answered after ${r.seconds.toFixed(1)} s (${((r.latencies.length - r.errors) / r.seconds).toFixed(0)} successes/s); latest send ${ms(r.sendLagMs)} behind schedule`,
    );
}

/** p99 per window of the run: shows whether latency grows as reports pile up. */
function printWindows(r: LoadResult, rate: number, windowSeconds: number) {
  const per = rate * windowSeconds;
  const parts: string[] = [];
  for (let i = 0; i < r.latencies.length; i += per)
    parts.push(ms(percentile(r.latencies.slice(i, i + per), 0.99)));
  console.log(`  ${r.label}: p99 per ${windowSeconds} s of schedule: ${parts.join(', ')}`);
}

function printTable(header: string[], rows: string[][]) {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  for (const row of [header, ...rows])
    console.log(
      row
        .map((cell, c) =>
          c === 0 || c === row.length - 1 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]),
        )
        .join('  ')
        .trimEnd(),
    );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
