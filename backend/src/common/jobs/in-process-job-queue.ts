import type { DataSource } from 'typeorm';
import type { JsonLogger } from '../logging/json-logger';
import { DbJobQueue, settlesWithin, type JobQueueOptions } from './db-job-queue';

export interface InProcessJobQueueOptions extends JobQueueOptions {
  /** How often an idle worker looks for queued jobs (enqueueing here wakes it at once). */
  pollIntervalMs?: number;
}

const LOG_CONTEXT = 'Jobs';

/**
 * The embedded default: a worker in this process polls the table and runs one job at a time.
 * Several processes on one database share the work too, since each job is claimed by one.
 */
export class InProcessJobQueue extends DbJobQueue {
  private readonly pollIntervalMs: number;
  /** The running poll loop; a loop left running by a timed-out stop keeps its own flag. */
  private loop: { stopping: boolean; done: Promise<void> } | null = null;
  private kicked = false;
  private wake: (() => void) | null = null;

  constructor(dataSource: DataSource, logger: JsonLogger, options: InProcessJobQueueOptions = {}) {
    super(dataSource, logger, options);
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
  }

  protected async dispatch(): Promise<void> {
    this.kicked = true;
    this.wake?.();
  }

  protected async startWorker(): Promise<void> {
    const loop = { stopping: false, done: Promise.resolve() };
    loop.done = this.runLoop(loop);
    this.loop = loop;
  }

  protected async stopWorker(timeoutMs: number): Promise<void> {
    const loop = this.loop;
    if (!loop) return;
    loop.stopping = true;
    this.wake?.();
    if (!(await settlesWithin(loop.done, timeoutMs))) {
      // The job goes on until it ends or the process exits; then its lease expires and
      // another worker resumes it.
      this.logger.emit(
        'warn',
        { msg: 'job queue stopped with a job still running', timeoutMs },
        LOG_CONTEXT,
      );
    }
    this.loop = null;
  }

  private async runLoop(loop: { stopping: boolean }): Promise<void> {
    while (!loop.stopping) {
      let busy = false;
      try {
        busy = await this.runNext(loop);
      } catch (e) {
        const err = e instanceof Error ? e : new Error(String(e));
        this.logger.emit('error', { msg: 'job poll failed' }, LOG_CONTEXT, { stack: err.stack });
      }
      if (!busy && !loop.stopping) await this.idle();
    }
  }

  /** Runs the oldest queued job this worker can claim. False when there was nothing to do. */
  private async runNext(loop: { stopping: boolean }): Promise<boolean> {
    this.kicked = false;
    const jobs = await this.store.queued(5, [...this.handlers.keys()]);
    for (const job of jobs) {
      if (loop.stopping) break;
      if (await this.executor.run(job.id)) break;
    }
    // Jobs lost to other workers were taken, not left behind: look again without waiting.
    return jobs.length > 0;
  }

  private idle(): Promise<void> {
    if (this.kicked) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, this.pollIntervalMs);
      this.wake = done;
    });
  }
}
