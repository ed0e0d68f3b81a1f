import { JobViewSchema, type JobView } from '@zgd/shared-types';
import { DataSource } from 'typeorm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../src/common/errors/app-error';
import { JOB_QUEUE, type JobQueue } from '../src/common/jobs';
import {
  InProcessJobQueue,
  type InProcessJobQueueOptions,
} from '../src/common/jobs/in-process-job-queue';
import { JobRecord } from '../src/common/jobs/job-record.entity';
import { JobStore } from '../src/common/jobs/job-store';
import { JsonLogger } from '../src/common/logging/json-logger';
import type { DatabaseConfig } from '../src/config/app-config';
import { dataSourceOptions } from '../src/database/data-source-options';
import { freshDatabase, testDatabaseConfig } from './support/test-database';
import { startTestApp, type TestApp } from './support/test-app';
import { loginAs, type TestSession } from './support/auth';

const FAST: InProcessJobQueueOptions = {
  pollIntervalMs: 20,
  leaseMs: 2_000,
  recoverIntervalMs: 200,
};

/** A promise the test resolves when it wants a handler to go on. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

async function until<T>(
  read: () => Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline)
      throw new Error(`condition not met in ${timeoutMs} ms: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe(`jobs on ${process.env.TEST_DB ?? 'sqlite'}`, () => {
  let db: DatabaseConfig;
  let ds: DataSource;
  let logs: string[];
  let logger: JsonLogger;
  const cleanup: Array<() => Promise<unknown>> = [];

  beforeEach(async () => {
    db = testDatabaseConfig();
    ds = await freshDatabase(db);
    logs = [];
    logger = new JsonLogger('debug', (line) => logs.push(line));
  });

  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
    await ds.destroy();
  });

  function queue(dataSource = ds, options: InProcessJobQueueOptions = {}): InProcessJobQueue {
    const q = new InProcessJobQueue(dataSource, logger, { ...FAST, ...options });
    cleanup.push(() => q.stop(2_000));
    return q;
  }

  /** A second connection to the same database, as another process would have. */
  async function secondConnection(): Promise<DataSource> {
    const other = await new DataSource(dataSourceOptions(db)).initialize();
    cleanup.push(() => other.destroy());
    return other;
  }

  it('runs a job, showing its progress while it runs and its result when done', async () => {
    const q = queue();
    const proceed = gate();
    q.register<{ rows: number }>('count', async (payload, ctx) => {
      await ctx.progress(1, payload.rows);
      await proceed.opened;
      await ctx.progress(payload.rows, payload.rows);
      return { counted: payload.rows };
    });
    await q.start();
    const id = await q.enqueue('count', { rows: 2 });

    const running = await until(
      () => q.get(id),
      (v) => v?.progress?.done === 1,
    );
    expect(running).toMatchObject({
      id,
      kind: 'count',
      status: 'running',
      progress: { done: 1, total: 2 },
    });
    expect(running?.startedAt).not.toBeNull();
    expect(running?.finishedAt).toBeNull();

    proceed.open();
    const done = await q.waitFor(id, 5_000);
    expect(JobViewSchema.parse(done)).toEqual(done);
    expect(done).toMatchObject({
      status: 'done',
      progress: { done: 2, total: 2 },
      result: { counted: 2 },
      error: null,
      attempts: 1,
    });
    expect(Date.parse(done.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(done.startedAt!));
  });

  it("records an AppError's code and message, and anything else as INTERNAL with its stack logged only", async () => {
    const q = queue();
    q.register('coded', async () => {
      throw new AppError('IMPORT.INVALID_USCC', '第3行：统一社会信用代码校验位错误');
    });
    q.register('crashing', async () => {
      throw new TypeError('secret detail from /srv/data/tenant.csv');
    });
    await q.start();

    const coded = await q.waitFor(await q.enqueue('coded', null), 5_000);
    expect(coded).toMatchObject({
      status: 'failed',
      result: null,
      error: { code: 'IMPORT.INVALID_USCC', message: '第3行：统一社会信用代码校验位错误' },
    });

    const crashed = await q.waitFor(await q.enqueue('crashing', null), 5_000);
    expect(crashed.status).toBe('failed');
    expect(crashed.error?.code).toBe('INTERNAL');
    expect(crashed.error?.message).not.toContain('secret');
    const row = await ds.getRepository(JobRecord).findOneByOrFail({ id: crashed.id });
    expect(JSON.stringify(row)).not.toContain('secret');
    const logged = logs
      .map((l) => JSON.parse(l))
      .find((l) => l.jobId === crashed.id && l.level === 'error');
    expect(logged?.stack).toContain('secret detail');
  });

  it('returns the existing job for a repeated dedupeKey, and a new one only after it failed', async () => {
    const q = queue();
    let fail = true;
    q.register('import', async () => {
      if (fail) throw new AppError('IMPORT.VALIDATION_FAILED', '文件有误');
      return 'imported';
    });

    const first = await q.enqueue('import', { file: 'a.csv' }, { dedupeKey: 'import:sha256:abc' });
    const repeats = await Promise.all(
      [1, 2, 3].map(() =>
        q.enqueue('import', { file: 'a.csv' }, { dedupeKey: 'import:sha256:abc' }),
      ),
    );
    expect(repeats).toEqual([first, first, first]);
    const other = await q.enqueue('import', { file: 'b.csv' }, { dedupeKey: 'import:sha256:def' });
    expect(other).not.toBe(first);
    expect(await ds.getRepository(JobRecord).count()).toBe(2);

    await q.start();
    expect((await q.waitFor(first, 5_000)).status).toBe('failed');
    fail = false;
    const retry = await q.enqueue('import', { file: 'a.csv' }, { dedupeKey: 'import:sha256:abc' });
    expect(retry).not.toBe(first);
    expect(await q.waitFor(retry, 5_000)).toMatchObject({ status: 'done', result: 'imported' });
    expect(await q.enqueue('import', { file: 'a.csv' }, { dedupeKey: 'import:sha256:abc' })).toBe(
      retry,
    );
  });

  it('resumes a job whose worker crashed once its lease expired, and gives up after three starts', async () => {
    const jobs = ds.getRepository(JobRecord);
    const past = new Date(Date.now() - 60_000).toISOString();
    const future = new Date(Date.now() + 60_000).toISOString();
    const running = (id: string, attempts: number, lockedUntil: string) => ({
      id,
      kind: 'reconcile',
      payload: JSON.stringify({ month: '2025-10' }),
      dedupeKey: null,
      status: 'running' as const,
      attempts,
      createdAt: past,
      startedAt: past,
      lockedBy: 'crashed-host:1234',
      lockedUntil,
    });
    await jobs.insert([
      running('crashed-once', 1, past),
      running('crashed-thrice', 3, past),
      running('still-held', 1, future),
    ]);

    const ran: string[] = [];
    const q = queue();
    q.register('reconcile', async (_payload, ctx) => {
      ran.push(ctx.jobId);
      return { findings: 0 };
    });
    await q.start();

    expect(await q.waitFor('crashed-once', 5_000)).toMatchObject({
      status: 'done',
      attempts: 2,
      result: { findings: 0 },
    });
    expect(await q.waitFor('crashed-thrice', 5_000)).toMatchObject({
      status: 'failed',
      attempts: 3,
      error: { code: 'JOB.ABANDONED' },
    });
    await new Promise((r) => setTimeout(r, 300)); // a few polls and a recovery pass
    expect(await q.get('still-held')).toMatchObject({ status: 'running', attempts: 1 });
    expect(ran).toEqual(['crashed-once']);
  });

  it('lets only one of two concurrent claims on a job win', async () => {
    const a = new JobStore(ds);
    const b = new JobStore(await secondConnection());
    const now = new Date().toISOString();
    const lease = new Date(Date.now() + 60_000).toISOString();
    for (let i = 0; i < 10; i++) {
      const id = `job-${i}`;
      await a.insert({ id, kind: 'k', payload: 'null', dedupeKey: null, createdAt: now });
      const wins = await Promise.all([a.claim(id, 'A', now, lease), b.claim(id, 'B', now, lease)]);
      expect(wins.filter(Boolean)).toHaveLength(1);
      expect((await a.findById(id))?.lockedBy).toBe(wins[0] ? 'A' : 'B');
    }
  });

  it('runs each job exactly once with two workers on one database', async () => {
    const workers = { A: queue(ds), B: queue(await secondConnection()) };
    const executions = new Map<string, string[]>();
    for (const [name, q] of Object.entries(workers)) {
      q.register<number>('square', async (n, ctx) => {
        executions.set(ctx.jobId, [...(executions.get(ctx.jobId) ?? []), name]);
        await new Promise((r) => setTimeout(r, 5));
        return n * n;
      });
    }
    const ids: string[] = [];
    for (let n = 0; n < 30; n++)
      ids.push(await (n % 2 ? workers.A : workers.B).enqueue('square', n));
    await Promise.all([workers.A.start(), workers.B.start()]);

    const views = await Promise.all(ids.map((id) => workers.A.waitFor(id, 60_000)));
    expect(views.map((v) => v.result)).toEqual(ids.map((_, n) => n * n));
    expect(views.every((v) => v.status === 'done' && v.attempts === 1)).toBe(true);
    expect(ids.map((id) => executions.get(id)?.length)).toEqual(ids.map(() => 1));
    expect([...executions.values()].flat().sort()).toHaveLength(30);
  });

  it('stop waits for the running job, and gives up waiting after its timeout', async () => {
    const q = queue();
    const proceed = gate();
    const release = gate();
    cleanup.push(async () => release.open());
    q.register('slow', async () => {
      await proceed.opened;
      return 'finished';
    });
    q.register('stuck', async () => {
      await release.opened;
      return null;
    });
    await q.start();

    const slow = await q.enqueue('slow', null);
    await until(
      () => q.get(slow),
      (v) => v?.status === 'running',
    );
    setTimeout(proceed.open, 100);
    await q.stop(5_000);
    expect(await q.get(slow)).toMatchObject({ status: 'done', result: 'finished' });

    await q.start();
    const stuck = await q.enqueue('stuck', null);
    await until(
      () => q.get(stuck),
      (v) => v?.status === 'running',
    );
    const stoppedAt = Date.now();
    await q.stop(100);
    expect(Date.now() - stoppedAt).toBeLessThan(1_000);
    expect((await q.get(stuck))?.status).toBe('running');
  });
});

describe('GET /api/jobs/:id', () => {
  let t: TestApp;
  let jobs: JobQueue;
  let officer: TestSession;
  beforeAll(async () => {
    t = await startTestApp();
    jobs = t.app.get<JobQueue>(JOB_QUEUE);
    officer = await loginAs(t, 'pudong');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reports a job as the queue sees it, in the shared wire shape', async () => {
    jobs.register('echo', async (payload) => payload);
    const id = await jobs.enqueue('echo', { supplyMonth: '2025-10' });
    const done = await jobs.waitFor(id, 5_000);

    const res = await fetch(`${t.baseUrl}/api/jobs/${id}`, { headers: officer.headers });
    expect(res.status).toBe(200);
    const body: JobView = JobViewSchema.parse(await res.json());
    expect(body).toEqual(done);
    expect(body).toMatchObject({
      kind: 'echo',
      status: 'done',
      result: { supplyMonth: '2025-10' },
    });
  });

  it('is closed to callers without a session', async () => {
    const res = await fetch(`${t.baseUrl}/api/jobs/00000000-0000-0000-0000-000000000000`);
    expect(res.status).toBe(401);
  });

  it('answers an unknown id with a coded 404', async () => {
    const res = await fetch(`${t.baseUrl}/api/jobs/00000000-0000-0000-0000-000000000000`, {
      headers: officer.headers,
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: 'JOB.NOT_FOUND', message: '任务不存在' });
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${t.baseUrl}/api/docs-json`)).json()) as {
      paths: Record<string, { get?: { responses: Record<string, unknown> } }>;
    };
    expect(Object.keys(doc.paths['/api/jobs/{id}']?.get?.responses ?? {})).toEqual(['200', '404']);
  });
});
