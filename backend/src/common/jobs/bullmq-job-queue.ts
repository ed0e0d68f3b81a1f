import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import type { DataSource } from 'typeorm';
import type { JsonLogger } from '../logging/json-logger';
import { DbJobQueue, settlesWithin, type JobQueueOptions } from './db-job-queue';

export interface BullMqJobQueueOptions extends JobQueueOptions {
  redisUrl: string;
  /** Redis key prefix; tests use their own so that runs do not meet. */
  prefix?: string;
  queueName?: string;
}

const LOG_CONTEXT = 'Jobs';
/** At most this many queued rows are re-sent to BullMQ per recovery pass. */
const REDISPATCH_BATCH = 500;

/**
 * Several backend instances: BullMQ carries "job X is queued" between them, and the table
 * stays the truth. A BullMQ message is only a hint to claim the row, so a message delivered
 * twice, or re-sent for a job already taken, runs nothing a second time.
 */
export class BullMqJobQueue extends DbJobQueue {
  private readonly redisUrl: string;
  private readonly prefix: string;
  private readonly queueName: string;
  private connection: IORedis | null = null;
  private queue: Queue | null = null;
  private worker: Worker | null = null;

  constructor(dataSource: DataSource, logger: JsonLogger, options: BullMqJobQueueOptions) {
    super(dataSource, logger, options);
    this.redisUrl = options.redisUrl;
    this.prefix = options.prefix ?? 'bull';
    this.queueName = options.queueName ?? 'zgd-jobs';
  }

  protected async dispatch(jobId: string, kind: string): Promise<void> {
    // The same id as the row: BullMQ ignores an add while a job with that id is still held.
    await this.bullQueue().add(kind, {}, { jobId, removeOnComplete: true, removeOnFail: true });
  }

  protected async startWorker(): Promise<void> {
    this.worker = new Worker(
      this.queueName,
      async (message) => {
        // The outcome is in the row; BullMQ only needs to know the message was handled.
        if (message.id) await this.executor.run(message.id);
      },
      { connection: this.redis(), prefix: this.prefix, concurrency: 1 },
    );
    this.worker.on('error', (e) => this.logRedisError('BullMQ worker error', e));
    await this.worker.waitUntilReady();
    await this.redispatchQueued();
  }

  protected override async afterRecover(): Promise<void> {
    await this.redispatchQueued();
  }

  protected async stopWorker(timeoutMs: number): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker && !(await settlesWithin(worker.close(), timeoutMs))) {
      this.logger.emit(
        'warn',
        { msg: 'job queue stopped with a job still running', timeoutMs },
        LOG_CONTEXT,
      );
      await worker.close(true).catch(() => {});
    }
    await this.queue?.close();
    this.queue = null;
    await this.connection?.quit().catch(() => {});
    this.connection = null;
  }

  /**
   * Sends queued rows to BullMQ again: jobs re-queued after a crash, and jobs whose first
   * dispatch failed (Redis was down).
   */
  private async redispatchQueued(): Promise<void> {
    for (const job of await this.store.queued(REDISPATCH_BATCH)) {
      await this.dispatch(job.id, job.kind);
    }
  }

  private redis(): IORedis {
    // BullMQ's blocking reads need maxRetriesPerRequest: null.
    if (!this.connection) {
      this.connection = new IORedis(this.redisUrl, { maxRetriesPerRequest: null });
      this.connection.on('error', (e) => this.logRedisError('Redis connection error', e));
    }
    return this.connection;
  }

  private bullQueue(): Queue {
    if (!this.queue) {
      this.queue = new Queue(this.queueName, { connection: this.redis(), prefix: this.prefix });
      this.queue.on('error', (e) => this.logRedisError('BullMQ queue error', e));
    }
    return this.queue;
  }

  private logRedisError(msg: string, e: Error) {
    this.logger.emit('error', { msg, error: e.message }, LOG_CONTEXT);
  }
}
