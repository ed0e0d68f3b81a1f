import type { JobError, JobView } from '@zgd/shared-types';
import { DataSource, In, type Repository } from 'typeorm';
import { JobRecord } from './job-record.entity';

export interface NewJob {
  id: string;
  kind: string;
  payload: string;
  dedupeKey: string | null;
  createdAt: string;
}

/**
 * The only code that touches the `job` table. Every state change is one UPDATE guarded by the
 * state it expects, so concurrent workers (threads, processes, instances) cannot both win.
 */
export class JobStore {
  private readonly repo: Repository<JobRecord>;

  constructor(dataSource: DataSource) {
    this.repo = dataSource.getRepository(JobRecord);
  }

  async insert(job: NewJob): Promise<void> {
    await this.repo.insert({ ...job, status: 'queued', attempts: 0 });
  }

  findById(id: string): Promise<JobRecord | null> {
    return this.repo.findOneBy({ id });
  }

  findByDedupeKey(dedupeKey: string): Promise<JobRecord | null> {
    return this.repo.findOneBy({ dedupeKey });
  }

  /** Frees a failed job's dedupe key so that a retry can take it. */
  async releaseDedupeKey(id: string): Promise<void> {
    await this.repo.update({ id, status: 'failed' }, { dedupeKey: null });
  }

  /** The oldest queued jobs, optionally of the given kinds only. */
  async queued(limit: number, kinds?: string[]): Promise<Array<{ id: string; kind: string }>> {
    if (kinds && kinds.length === 0) return [];
    return this.repo.find({
      select: { id: true, kind: true },
      where: { status: 'queued', ...(kinds ? { kind: In(kinds) } : {}) },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: limit,
    });
  }

  /** Takes a queued job for `workerId` until `lockedUntil`. False when another worker has it. */
  async claim(id: string, workerId: string, now: string, lockedUntil: string): Promise<boolean> {
    const r = await this.repo
      .createQueryBuilder()
      .update(JobRecord)
      .set({
        status: 'running',
        lockedBy: workerId,
        lockedUntil,
        startedAt: now,
        attempts: () => 'attempts + 1',
      })
      .where('id = :id AND status = :queued', { id, queued: 'queued' })
      .execute();
    return r.affected === 1;
  }

  /** Extends the lease, and records progress if given. False when the worker lost the job. */
  async renew(
    id: string,
    workerId: string,
    lockedUntil: string,
    progress?: { done: number; total: number },
  ): Promise<boolean> {
    const set: Partial<JobRecord> = { lockedUntil };
    if (progress)
      Object.assign(set, { progressDone: progress.done, progressTotal: progress.total });
    const r = await this.repo.update({ id, status: 'running', lockedBy: workerId }, set);
    return r.affected === 1;
  }

  async finish(id: string, workerId: string, result: string | null, now: string): Promise<boolean> {
    const r = await this.repo.update(
      { id, status: 'running', lockedBy: workerId },
      { status: 'done', result, finishedAt: now, lockedBy: null, lockedUntil: null },
    );
    return r.affected === 1;
  }

  async fail(id: string, workerId: string, error: JobError, now: string): Promise<boolean> {
    const r = await this.repo.update(
      { id, status: 'running', lockedBy: workerId },
      {
        status: 'failed',
        errorCode: error.code,
        errorMessage: error.message.slice(0, 1000),
        finishedAt: now,
        lockedBy: null,
        lockedUntil: null,
      },
    );
    return r.affected === 1;
  }

  /** Fails a queued job that no worker can run (its kind has no handler). */
  async failQueued(id: string, error: JobError, now: string): Promise<boolean> {
    const r = await this.repo.update(
      { id, status: 'queued' },
      {
        status: 'failed',
        errorCode: error.code,
        errorMessage: error.message.slice(0, 1000),
        finishedAt: now,
      },
    );
    return r.affected === 1;
  }

  /**
   * Jobs whose worker stopped renewing its lease (it crashed or was killed) go back to the
   * queue, or fail once they have been started `maxAttempts` times.
   */
  async recoverExpired(
    now: string,
    maxAttempts: number,
    abandoned: JobError,
  ): Promise<{ requeued: number; abandoned: number }> {
    const expired = 'status = :running AND locked_until < :now';
    const params = { running: 'running', now, maxAttempts };
    const gaveUp = await this.repo
      .createQueryBuilder()
      .update(JobRecord)
      .set({
        status: 'failed',
        errorCode: abandoned.code,
        errorMessage: abandoned.message,
        finishedAt: now,
        lockedBy: null,
        lockedUntil: null,
      })
      .where(`${expired} AND attempts >= :maxAttempts`, params)
      .execute();
    const requeued = await this.repo
      .createQueryBuilder()
      .update(JobRecord)
      .set({ status: 'queued', lockedBy: null, lockedUntil: null })
      .where(`${expired} AND attempts < :maxAttempts`, params)
      .execute();
    return { requeued: requeued.affected ?? 0, abandoned: gaveUp.affected ?? 0 };
  }
}

export function toJobView(r: JobRecord): JobView {
  const hasProgress = r.progressDone !== null && r.progressTotal !== null;
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    progress: hasProgress ? { done: Number(r.progressDone), total: Number(r.progressTotal) } : null,
    result: r.result === null ? null : JSON.parse(r.result),
    error: r.errorCode === null ? null : { code: r.errorCode, message: r.errorMessage ?? '' },
    attempts: Number(r.attempts),
    createdAt: r.createdAt,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
  };
}
