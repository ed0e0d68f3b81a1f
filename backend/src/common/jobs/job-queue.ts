import type { JobView, JsonValue } from '@zgd/shared-types';

export type { JobView, JsonValue };

export interface JobContext {
  jobId: string;
  /**
   * Records how far the job is. Cheap to call per row: writes are spaced out, except the
   * first and the last (`done === total`), which are always written.
   */
  progress(done: number, total: number): Promise<void>;
}

/**
 * Does the work of one kind of job and returns its result. Throw an `AppError` to fail the job
 * with that code and message; anything else fails it as `INTERNAL` and is logged. A handler may
 * run again after a crash (at most three times in all), so it should be safe to repeat.
 */
export type JobHandler<P extends JsonValue = JsonValue> = (
  payload: P,
  ctx: JobContext,
) => Promise<JsonValue | void>;

export interface EnqueueOptions {
  /**
   * Enqueueing again with the same key returns the existing job instead of adding a second,
   * unless that job failed: then a new job is added and takes the key over.
   */
  dedupeKey?: string;
}

/**
 * Background jobs whose state lives in the `job` table. The same interface whether the work
 * is dispatched in-process (embedded default) or through BullMQ (REDIS_URL set).
 *
 * A service registers its handlers in `onModuleInit`; the queue starts once the application
 * has bootstrapped, and only then runs jobs.
 */
export interface JobQueue {
  enqueue(kind: string, payload: JsonValue, opts?: EnqueueOptions): Promise<string>;
  register<P extends JsonValue = JsonValue>(kind: string, handler: JobHandler<P>): void;
  get(jobId: string): Promise<JobView | null>;
  /** What the job was enqueued with (for checks such as who may see it); null when absent. */
  payloadOf(jobId: string): Promise<JsonValue | null>;
  /** Resolves once the job is done or failed; rejects with JOB.NOT_FOUND or JOB.WAIT_TIMEOUT. */
  waitFor(jobId: string, timeoutMs: number): Promise<JobView>;
  start(): Promise<void>;
  /** Stops taking jobs and waits for the running one, at most `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
}

export const JOB_QUEUE = Symbol('JOB_QUEUE');
