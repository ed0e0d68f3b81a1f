import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type ImportSource = 'cli' | 'upload' | 'provider';
export type ImportStatus = 'queued' | 'running' | 'imported' | 'rejected' | 'failed';

/**
 * One delivery of a batch (a set of the contract's files). The raw files are kept on disk
 * whatever happens, so nothing a provider or user submitted is lost; the rows it carries are
 * stored all-or-nothing. The same content delivered again answers with this row.
 */
@Entity('import_batch')
export class ImportBatch {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('uq_import_batch_content', { unique: true })
  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash: string;

  @Column({ type: 'varchar', length: 16 })
  source: ImportSource;

  @Column({ name: 'provider_id', type: 'varchar', length: 64, nullable: true })
  providerId: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: ImportStatus;

  /** File names and sizes as delivered (JSON). */
  @Column({ type: 'text' })
  files: string;

  @Column({ name: 'raw_path', type: 'varchar', length: 500 })
  rawPath: string;

  /** What was stored: counts of new, superseding and unchanged rows (JSON). */
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  /** Every validation error with file, line, column, value and reason (JSON). */
  @Column({ type: 'text', nullable: true })
  errors: string | null;

  @Column({ name: 'job_id', type: 'varchar', length: 64, nullable: true })
  jobId: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Column({ name: 'finished_at', type: 'datetime', nullable: true })
  finishedAt: Date | null;
}
