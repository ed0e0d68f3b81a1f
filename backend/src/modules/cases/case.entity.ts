import { Column, Entity, PrimaryColumn, type ValueTransformer } from 'typeorm';
import { appPiiCipher, encryptedColumn } from '../../common/crypto/pii-cipher';
import type { CaseState } from './domain/case-model';

const jsonText: ValueTransformer = {
  to: (value: unknown) => (value === undefined ? undefined : JSON.stringify(value)),
  from: (text: string | null) => (text == null ? text : JSON.parse(text)),
};

/**
 * An enforcement case. `model` holds the workflow's EnforcementCase as JSON (see
 * case-record.ts); the other columns are copies of it for queues and filters.
 */
@Entity('enforcement_case')
export class CaseRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** Readable: 沪转供-310112-2026-00001. */
  @Column({ type: 'varchar', length: 40 })
  number: string;

  @Column({ name: 'district_code', type: 'varchar', length: 6 })
  districtCode: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 18 })
  entityId: string;

  @Column({ type: 'text', transformer: jsonText })
  periods: string[];

  @Column({ type: 'varchar', length: 24 })
  state: CaseState;

  @Column({ type: 'varchar', length: 10 })
  source: 'report' | 'warning';

  @Column({ type: 'text' })
  model: string;

  @Column({ name: 'received_at', type: 'datetime' })
  receivedAt: Date;

  @Column({ name: 'filing_due', type: 'varchar', length: 10 })
  filingDue: string;

  @Column({ name: 'decision_due', type: 'varchar', length: 10, nullable: true })
  decisionDue: string | null;

  /**
   * When a real-name reporter still untold must be told the decision on 立案 (告知); null when
   * nobody is to be told. Written by the case ledger with every step: the queue orders by it.
   */
  @Column({ name: 'notice_due', type: 'varchar', length: 10, nullable: true })
  noticeDue: string | null;

  @Column({ name: 'assignee_user_id', type: 'int', nullable: true })
  assigneeUserId: number | null;

  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}

/** One tenant's one-click report, with the evidence frozen when it was received. */
@Entity('case_report')
export class CaseReportRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'case_id', type: 'varchar', length: 36 })
  caseId: string;

  @Column({ name: 'tenant_id', type: 'varchar', length: 18 })
  tenantId: string;

  @Column({ name: 'reporter_user_id', type: 'int' })
  reporterUserId: number;

  @Column({ name: 'real_name', type: 'boolean' })
  realName: boolean;

  @Column({ name: 'account_no', type: 'varchar', length: 32 })
  accountNo: string;

  @Column({ type: 'text', transformer: jsonText })
  periods: string[];

  @Column({ type: 'text' })
  description: string;

  /** Given on a real-name report; stored as an AES-GCM envelope (common/crypto). */
  @Column({
    name: 'reporter_name',
    type: 'varchar',
    length: 400,
    nullable: true,
    transformer: encryptedColumn(appPiiCipher),
  })
  reporterName: string | null;

  @Column({
    name: 'reporter_phone',
    type: 'varchar',
    length: 400,
    nullable: true,
    transformer: encryptedColumn(appPiiCipher),
  })
  reporterPhone: string | null;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 64 })
  idempotencyKey: string;

  /** SHA-256 of the request's content: a retry with the same key must match it. */
  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash: string;

  /** SHA-256 of the frozen evidence (canonical JSON of the months' formula sheets). */
  @Column({ name: 'evidence_hash', type: 'varchar', length: 64 })
  evidenceHash: string;

  @Column({ name: 'evidence_key', type: 'varchar', length: 200 })
  evidenceKey: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}

/** One step of a case's timeline. */
@Entity('case_event')
export class CaseEventRow {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 36 })
  caseId: string;

  @PrimaryColumn({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 40 })
  action: string;

  @Column({ name: 'from_state', type: 'varchar', length: 24, nullable: true })
  fromState: string | null;

  @Column({ name: 'to_state', type: 'varchar', length: 24 })
  toState: string;

  @Column({ name: 'actor_user_id', type: 'int', nullable: true })
  actorUserId: number | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 20 })
  actorRole: string;

  @Column({ type: 'text', transformer: jsonText })
  details: Record<string, unknown>;

  @Column({ type: 'datetime' })
  at: Date;
}
