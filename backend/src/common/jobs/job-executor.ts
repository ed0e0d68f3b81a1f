import { isJsonValue, type JobError, type JsonValue } from '@zgd/shared-types';
import { AppError } from '../errors/app-error';
import type { JsonLogger } from '../logging/json-logger';
import type { JobContext, JobHandler } from './job-queue';
import type { JobRecord } from './job-record.entity';
import type { JobStore } from './job-store';
import { toJobError, unknownJobKind } from './jobs.errors';

export interface ExecutorOptions {
  workerId: string;
  leaseMs: number;
  /** The least time between two progress writes. */
  progressIntervalMs: number;
}

const LOG_CONTEXT = 'Jobs';

/**
 * Runs one job: claims its row, calls the handler while keeping the lease alive, and records
 * how it ended. Every write names this worker, so a worker that lost its lease changes nothing.
 */
export class JobExecutor {
  constructor(
    private readonly store: JobStore,
    private readonly handlers: ReadonlyMap<string, JobHandler>,
    private readonly logger: JsonLogger,
    private readonly opts: ExecutorOptions,
    private readonly onSettled: (jobId: string) => void = () => {},
  ) {}

  /** Runs the job if it is queued and this worker wins the claim. True when it ran here. */
  async run(jobId: string): Promise<boolean> {
    const job = await this.store.findById(jobId);
    if (!job || job.status !== 'queued') return false;
    const handler = this.handlers.get(job.kind);
    if (!handler) {
      const error = toJobError(unknownJobKind(job.kind));
      if (await this.store.failQueued(jobId, error, now())) this.settled(job, error);
      return false;
    }
    if (!(await this.store.claim(jobId, this.opts.workerId, now(), this.leaseEnd()))) return false;
    this.logger.emit('debug', { msg: 'job started', jobId, kind: job.kind }, LOG_CONTEXT);

    const progress = new ProgressWriter(this.opts.progressIntervalMs, (p) => this.renew(jobId, p));
    const heartbeat = setInterval(
      () => void this.renew(jobId),
      Math.max(this.opts.leaseMs / 3, 10),
    );
    let outcome: { result: string | null } | { error: JobError };
    try {
      const ctx: JobContext = { jobId, progress: (done, total) => progress.report(done, total) };
      const returned = await handler(JSON.parse(job.payload), ctx);
      outcome = { result: serializeResult(returned) };
      await progress.flush();
    } catch (e) {
      outcome = { error: toJobError(e) };
      this.logFailure(job, e);
    } finally {
      clearInterval(heartbeat);
    }
    await this.record(job, outcome);
    return true;
  }

  private async record(job: JobRecord, outcome: { result: string | null } | { error: JobError }) {
    const { workerId } = this.opts;
    let recorded: boolean;
    try {
      recorded =
        'error' in outcome
          ? await this.store.fail(job.id, workerId, outcome.error, now())
          : await this.store.finish(job.id, workerId, outcome.result, now());
    } catch (e) {
      // The result could not be written (too large for the column, say): fail the job instead.
      this.logFailure(job, e);
      outcome = { error: toJobError(e) };
      recorded = await this.store.fail(job.id, workerId, outcome.error, now());
    }
    if (!recorded) {
      this.logger.emit(
        'warn',
        { msg: 'job lease lost; outcome not recorded', jobId: job.id, kind: job.kind },
        LOG_CONTEXT,
      );
      return;
    }
    this.settled(job, 'error' in outcome ? outcome.error : null);
  }

  private settled(job: JobRecord, error: JobError | null) {
    const fields = {
      jobId: job.id,
      kind: job.kind,
      status: error ? 'failed' : 'done',
      code: error?.code,
    };
    this.logger.emit('info', { msg: 'job finished', ...fields }, LOG_CONTEXT);
    this.onSettled(job.id);
  }

  private async renew(jobId: string, progress?: { done: number; total: number }) {
    try {
      const held = await this.store.renew(jobId, this.opts.workerId, this.leaseEnd(), progress);
      if (!held) this.logger.emit('warn', { msg: 'job lease lost', jobId }, LOG_CONTEXT);
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      this.logger.emit('error', { msg: 'job lease renewal failed', jobId }, LOG_CONTEXT, {
        stack: err.stack,
      });
    }
  }

  private logFailure(job: JobRecord, e: unknown) {
    const fields = { msg: 'job failed', jobId: job.id, kind: job.kind };
    if (e instanceof AppError) {
      this.logger.emit('warn', { ...fields, code: e.code }, LOG_CONTEXT);
    } else {
      const err = e instanceof Error ? e : new Error(String(e));
      this.logger.emit('error', fields, LOG_CONTEXT, { stack: err.stack });
    }
  }

  private leaseEnd(): string {
    return new Date(Date.now() + this.opts.leaseMs).toISOString();
  }
}

function now(): string {
  return new Date().toISOString();
}

function serializeResult(returned: JsonValue | void): string | null {
  if (returned === undefined) return null;
  if (!isJsonValue(returned)) throw new TypeError('job handler returned a value that is not JSON');
  return JSON.stringify(returned);
}

/** The columns are INT on MySQL. */
const MAX_INT = 2_147_483_647;

/** Writes the first and the last progress at once, and the ones between at most every interval. */
class ProgressWriter {
  private lastWrite = 0;
  private pending: { done: number; total: number } | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly write: (p: { done: number; total: number }) => Promise<void>,
  ) {}

  async report(done: number, total: number): Promise<void> {
    if (![done, total].every((n) => Number.isInteger(n) && n >= 0 && n <= MAX_INT)) {
      throw new TypeError(`job progress must be whole numbers ≥ 0, got ${done}/${total}`);
    }
    this.pending = { done, total };
    const due =
      this.lastWrite === 0 || done >= total || Date.now() - this.lastWrite >= this.intervalMs;
    if (due) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.pending) return;
    const p = this.pending;
    this.pending = null;
    this.lastWrite = Date.now();
    await this.write(p);
  }
}
