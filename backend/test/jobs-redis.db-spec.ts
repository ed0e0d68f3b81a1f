import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BullMqJobQueue } from '../src/common/jobs/bullmq-job-queue';
import { createJobQueue } from '../src/common/jobs/create-job-queue';
import type { DbJobQueue } from '../src/common/jobs/db-job-queue';
import { JsonLogger } from '../src/common/logging/json-logger';
import { dataSourceOptions } from '../src/database/data-source-options';
import { freshDatabase, testDatabaseConfig } from './support/test-database';

// Redis is part of the test environment (CI starts it), like MariaDB: no skipping.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `zgd-test-${Date.now()}-${process.pid}`;
const QUEUE_NAME = 'zgd-jobs';

describe(`jobs over BullMQ on ${process.env.TEST_DB ?? 'sqlite'}`, () => {
  const db = testDatabaseConfig();
  const connections: DataSource[] = [];
  const logs: string[] = [];
  const logger = new JsonLogger('debug', (line) => logs.push(line));
  /** Which instance ran each job, once per run. */
  const executions = new Map<string, string[]>();
  const gates = new Map<string, () => void>();
  let instances: Record<'A' | 'B', DbJobQueue>;

  function instance(name: 'A' | 'B', dataSource: DataSource): DbJobQueue {
    const q = createJobQueue({ redisUrl: REDIS_URL }, dataSource, logger, {
      prefix: PREFIX,
      recoverIntervalMs: 500,
    });
    q.register<number>('square', async (n, ctx) => {
      executions.set(ctx.jobId, [...(executions.get(ctx.jobId) ?? []), name]);
      await new Promise((r) => setTimeout(r, 5));
      return n * n;
    });
    q.register<{ rows: number }>('import', async ({ rows }, ctx) => {
      executions.set(ctx.jobId, [...(executions.get(ctx.jobId) ?? []), name]);
      await ctx.progress(1, rows);
      await new Promise<void>((resolve) => gates.set(ctx.jobId, resolve));
      await ctx.progress(rows, rows);
      return { imported: rows, by: name };
    });
    return q;
  }

  beforeAll(async () => {
    connections.push(await freshDatabase(db));
    connections.push(await new DataSource(dataSourceOptions(db)).initialize());
    instances = { A: instance('A', connections[0]), B: instance('B', connections[1]) };
    await Promise.all([instances.A.start(), instances.B.start()]);
  });

  afterAll(async () => {
    await Promise.all(Object.values(instances ?? {}).map((q) => q.stop(2_000)));
    for (const ds of connections) await ds.destroy();
    const redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
    try {
      const queue = new Queue(QUEUE_NAME, { connection: redis, prefix: PREFIX });
      await queue.obliterate({ force: true });
      await queue.close();
      const leftovers = await redis.keys(`${PREFIX}:*`);
      if (leftovers.length) await redis.del(...leftovers);
    } finally {
      await redis.quit();
    }
  });

  it('is the queue the module picks when REDIS_URL is set', () => {
    expect(instances.A).toBeInstanceOf(BullMqJobQueue);
  });

  it('shares jobs between two instances, running each exactly once', async () => {
    const ids: string[] = [];
    for (let n = 0; n < 20; n++)
      ids.push(await (n % 2 ? instances.A : instances.B).enqueue('square', n));

    const views = await Promise.all(
      ids.map((id, n) => (n % 2 ? instances.B : instances.A).waitFor(id, 10_000)),
    );
    expect(views.map((v) => [v.status, v.result, v.attempts])).toEqual(
      ids.map((_, n) => ['done', n * n, 1]),
    );
    expect(ids.map((id) => executions.get(id))).toEqual(ids.map(() => [expect.any(String)]));
    expect(await Promise.all(ids.map((id) => instances.A.get(id)))).toEqual(
      await Promise.all(ids.map((id) => instances.B.get(id))),
    );
  });

  it('runs nothing again when BullMQ delivers a finished job a second time', async () => {
    const ids = await Promise.all([1, 2, 3].map((n) => instances.A.enqueue('square', n)));
    await Promise.all(ids.map((id) => instances.A.waitFor(id, 10_000)));

    const redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue(QUEUE_NAME, { connection: redis, prefix: PREFIX });
    try {
      for (const id of ids) await queue.add('square', {}, { jobId: id, removeOnComplete: true });
      const drained = async () => {
        const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        return Object.values(c).every((n) => n === 0);
      };
      for (let i = 0; i < 200 && !(await drained()); i++)
        await new Promise((r) => setTimeout(r, 25));
      expect(await drained()).toBe(true);
    } finally {
      await queue.close();
      await redis.quit();
    }
    expect(ids.map((id) => executions.get(id)?.length)).toEqual([1, 1, 1]);
  });

  it("shows one instance's progress and result to the other", async () => {
    const id = await instances.A.enqueue('import', { rows: 40 });
    for (let i = 0; i < 200 && !gates.has(id); i++) await new Promise((r) => setTimeout(r, 25));
    const ranOn = executions.get(id)?.[0];
    expect(ranOn).toMatch(/^[AB]$/);
    const other = ranOn === 'A' ? instances.B : instances.A;

    expect(await other.get(id)).toMatchObject({
      status: 'running',
      progress: { done: 1, total: 40 },
    });
    gates.get(id)!();
    expect(await other.waitFor(id, 10_000)).toMatchObject({
      status: 'done',
      progress: { done: 40, total: 40 },
      result: { imported: 40, by: ranOn },
    });
  });
});
