import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One audit entry. Append-only: nothing in the code updates or deletes a row, and the hash
 * chain shows it if anything else did. Times are whole seconds (MySQL's DATETIME keeps no
 * fractions), so what is hashed is exactly what is read back.
 */
@Entity('audit_log')
@Index('ix_audit_log_subject', ['subjectType', 'subjectId'])
export class AuditLogEntry {
  @PrimaryColumn({ type: 'int' })
  seq: number;

  @Column({ type: 'datetime' })
  at: Date;

  @Column({ name: 'actor_user_id', type: 'int', nullable: true })
  actorUserId: number | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 20 })
  actorRole: string;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 32 })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'varchar', length: 64 })
  subjectId: string;

  /** Canonical JSON text: ids, codes and amounts, never personal data. */
  @Column({ type: 'text' })
  details: string;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash: string;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}

/**
 * The chain's head, one row (id 1): the last entry's seq and hash. Appends lock it, so they
 * take turns and the chain never forks; the verifier compares the log's end with it, so cutting
 * entries off the end shows too.
 */
@Entity('audit_chain_head')
export class AuditChainHead {
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ name: 'last_seq', type: 'int' })
  lastSeq: number;

  @Column({ name: 'last_hash', type: 'varchar', length: 64 })
  lastHash: string;
}
