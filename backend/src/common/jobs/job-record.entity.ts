import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { JobStatus } from '@zgd/shared-types';

/**
 * One background job. The row, not the queue, is the truth about a job: any instance answers
 * for it, and a restart loses nothing. Times are ISO-8601 UTC strings, which compare correctly
 * as text on both engines.
 */
@Entity('job')
@Index('IDX_job_status_created', ['status', 'createdAt'])
export class JobRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  kind: string;

  /** JSON text. */
  @Column({ type: 'text' })
  payload: string;

  @Index('UQ_job_dedupe_key', { unique: true })
  @Column({ name: 'dedupe_key', type: 'varchar', length: 200, nullable: true })
  dedupeKey: string | null;

  @Column({ type: 'varchar', length: 10 })
  status: JobStatus;

  @Column({ name: 'progress_done', type: 'int', nullable: true })
  progressDone: number | null;

  @Column({ name: 'progress_total', type: 'int', nullable: true })
  progressTotal: number | null;

  /** JSON text; null until the job is done. */
  @Column({ type: 'text', nullable: true })
  result: string | null;

  @Column({ name: 'error_code', type: 'varchar', length: 100, nullable: true })
  errorCode: string | null;

  @Column({ name: 'error_message', type: 'varchar', length: 1000, nullable: true })
  errorMessage: string | null;

  /** How many times a worker claimed the job. */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ name: 'started_at', type: 'varchar', length: 30, nullable: true })
  startedAt: string | null;

  @Column({ name: 'finished_at', type: 'varchar', length: 30, nullable: true })
  finishedAt: string | null;

  /** The worker that holds the job while it runs. */
  @Column({ name: 'locked_by', type: 'varchar', length: 100, nullable: true })
  lockedBy: string | null;

  /** When the holder's lease ends unless it renews it; after that the job is re-queued. */
  @Column({ name: 'locked_until', type: 'varchar', length: 30, nullable: true })
  lockedUntil: string | null;
}
