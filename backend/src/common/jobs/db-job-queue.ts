import { randomUUID } from 'node:crypto';
import * as os from 'node:os';
import { isJsonValue, type JobView, type JsonValue } from '@zgd/shared-types';
import type { DataSource } from 'typeorm';
import type { JsonLogger } from '../logging/json-logger';
import { JobExecutor } from './job-executor';
import type { EnqueueOptions, JobHandler, JobQueue } from './job-queue';
import { JobStore, toJobView } from './job-store';
import { JOB_ABANDONED, jobNotFound, jobWaitTimeout, unknownJobKind } from './jobs.errors';

export interface JobQueueOptions {
  /** Names this worker in `locked_by`; unique per queue instance by default. */
  workerId?: string;
  /** How long a claim holds without renewal; a crashed worker's job is resumed after it. */
  leaseMs?: number;
  /** How often expired leases are looked for (and, on BullMQ, undelivered jobs re-sent). */
  recoverIntervalMs?: number;
  progressIntervalMs?: number;
  /** Starts (claims) after which an interrupted job is given up. */
  maxAttempts?: number;
  /** How long `stop()` waits for the running job when not told. */
  stopTimeoutMs?: number;
}

export const JOB_QUEUE_DEFAULTS = {
  leaseMs: 120_000,
  recoverIntervalMs: 30_000,
  progressIntervalMs: 500,
  maxAttempts: 3,
  stopTimeoutMs: 10_000,
};

const LOG_CONTEXT = 'Jobs';

/**
 * Everything the two queues share: the table is the truth, so enqueue writes a row, get and
 * waitFor read one, and workers claim rows. Subclasses only decide how a job reaches a worker.
 */
export abstract class DbJobQueue implements JobQueue {
  protected readonly store: JobStore;
  protected readonly handlers = new Map<string, JobHandler>();
  protected readonly executor: JobExecutor;
  protected readonly opts: typeof JOB_QUEUE_DEFAULTS & { workerId: string };
  private readonly waiters = new Set<() => void>();
  private recoverTimer?: NodeJS.Timeout;
  private started = false;

  constructor(
    dataSource: DataSource,
    protected readonly logger: JsonLogger,
    options: JobQueueOptions = {},
  ) {
    const workerId =
      options.workerId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.opts = { ...JOB_QUEUE_DEFAULTS, ...definedOnly(options), workerId };
    this.store = new JobStore(dataSource);
    this.executor = new JobExecutor(this.store, this.handlers, logger, this.opts, () =>
      this.wakeWaiters(),
    );
  }

  /** Hands a newly queued job to a worker. */
  protected abstract dispatch(jobId: string, kind: string): Promise<void>;
  protected abstract startWorker(): Promise<void>;
  protected abstract stopWorker(timeoutMs: number): Promise<void>;
  /** Runs after each recovery pass, with the queue started. */
  protected async afterRecover(): Promise<void> {}

  register<P extends JsonValue = JsonValue>(kind: string, handler: JobHandler<P>): void {
    if (this.handlers.has(kind)) {
      throw new Error(`a job handler for "${kind}" is already registered`);
    }
    this.handlers.set(kind, handler as JobHandler);
  }

  async enqueue(kind: string, payload: JsonValue, opts: EnqueueOptions = {}): Promise<string> {
    if (!this.handlers.has(kind)) throw unknownJobKind(kind);
    if (!isJsonValue(payload)) throw new TypeError(`the payload of a "${kind}" job is not JSON`);
    const dedupeKey = opts.dedupeKey ?? null;
    if (dedupeKey !== null) {
      const existing = await this.store.findByDedupeKey(dedupeKey);
      if (existing && existing.status !== 'failed') return existing.id;
      if (existing) await this.store.releaseDedupeKey(existing.id);
    }
    const id = randomUUID();
    try {
      const job = { id, kind, payload: JSON.stringify(payload), dedupeKey };
      await this.store.insert({ ...job, createdAt: new Date().toISOString() });
    } catch (e) {
      // Another caller inserted the same key between our look-up and our insert.
      const winner = dedupeKey === null ? null : await this.store.findByDedupeKey(dedupeKey);
      if (winner) return winner.id;
      throw e;
    }
    try {
      await this.dispatch(id, kind);
    } catch (e) {
      // The row is queued; the next recovery pass dispatches it again.
      const err = e instanceof Error ? e : new Error(String(e));
      this.logger.emit('error', { msg: 'job dispatch failed', jobId: id, kind }, LOG_CONTEXT, {
        stack: err.stack,
      });
    }
    return id;
  }

  async payloadOf(jobId: string): Promise<JsonValue | null> {
    const record = await this.store.findById(jobId);
    return record ? (JSON.parse(record.payload) as JsonValue) : null;
  }

  async get(jobId: string): Promise<JobView | null> {
    const row = await this.store.findById(jobId);
    return row ? toJobView(row) : null;
  }

  async waitFor(jobId: string, timeoutMs: number): Promise<JobView> {
    const deadline = Date.now() + timeoutMs;
    for (let delay = 10; ; delay = Math.min(delay * 2, 500)) {
      const view = await this.get(jobId);
      if (!view) throw jobNotFound();
      if (view.status === 'done' || view.status === 'failed') return view;
      const left = deadline - Date.now();
      if (left <= 0) throw jobWaitTimeout();
      await this.sleepUnlessSettled(Math.min(delay, left));
    }
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.recover();
    await this.startWorker();
    this.recoverTimer = setInterval(() => void this.recover(), this.opts.recoverIntervalMs);
    this.recoverTimer.unref();
    this.logger.emit(
      'info',
      { msg: 'job queue started', workerId: this.opts.workerId },
      LOG_CONTEXT,
    );
  }

  async stop(timeoutMs = this.opts.stopTimeoutMs): Promise<void> {
    if (!this.started) return;
    this.started = false;
    clearInterval(this.recoverTimer);
    await this.stopWorker(timeoutMs);
    this.wakeWaiters();
  }

  /** Re-queues (or gives up) jobs whose worker stopped renewing its lease. */
  protected async recover(): Promise<void> {
    try {
      const { maxAttempts } = this.opts;
      const counts = await this.store.recoverExpired(
        new Date().toISOString(),
        maxAttempts,
        JOB_ABANDONED,
      );
      if (counts.requeued || counts.abandoned) {
        this.logger.emit('warn', { msg: 'interrupted jobs recovered', ...counts }, LOG_CONTEXT);
      }
      if (this.started) await this.afterRecover();
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      this.logger.emit('error', { msg: 'job recovery failed' }, LOG_CONTEXT, { stack: err.stack });
    }
  }

  /** Waits up to `ms`, returning early when a job finishes in this process. */
  private sleepUnlessSettled(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
    });
  }

  private wakeWaiters() {
    for (const wake of [...this.waiters]) wake();
  }
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Resolves true if `work` settled within `ms`, false if it is still going. */
export async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([
      work.then(
        () => true,
        () => true,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
