import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { scaledInteger } from '../../database/scaled-integer.transformer';

export type RunStatus = 'queued' | 'running' | 'done' | 'failed';

/** One reconciliation over the current versions of the inputs of some accounts. */
@Entity('reconciliation_run')
export class ReconciliationRun {
  /** Increases with each run, so the newest run of a supply month is its current verdict. */
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16 })
  status: RunStatus;

  /** Fraction, as given: "0.10". */
  @Column({ name: 'loss_cap', type: 'varchar', length: 16 })
  lossCap: string;

  /** What started it: an import batch id, or "manual". */
  @Column({ type: 'varchar', length: 64 })
  trigger: string;

  /** Hash of the input versions it read: equal hashes give equal results. */
  @Column({ name: 'input_hash', type: 'varchar', length: 64, nullable: true })
  inputHash: string | null;

  @Column({ name: 'supply_months', type: 'int', default: 0 })
  supplyMonths: number;

  @Column({ name: 'finding_count', type: 'int', default: 0 })
  findingCount: number;

  @Column({ name: 'total_refund_fen', type: 'bigint', default: 0, transformer: scaledInteger })
  totalRefundFen: bigint;

  @Column({ name: 'job_id', type: 'varchar', length: 64, nullable: true })
  jobId: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Column({ name: 'finished_at', type: 'datetime', nullable: true })
  finishedAt: Date | null;
}

/**
 * The result of one supply month in one run, with the versions it read and the whole formula
 * sheet (the numbers behind every finding) as JSON. The newest run of a supply month is its
 * current verdict.
 */
@Entity('run_supply_month')
@Index('ix_run_supply_month_key', ['accountNo', 'period', 'runId'])
@Index('ix_run_supply_month_entity', ['entityId', 'period'])
export class RunSupplyMonth {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'run_id', type: 'int' })
  runId: number;

  @Column({ name: 'entity_id', type: 'varchar', length: 18 })
  entityId: string;

  @Column({ name: 'account_no', type: 'varchar', length: 32 })
  accountNo: string;

  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ name: 'grid_bill_id', type: 'int', nullable: true })
  gridBillId: number | null;

  @Column({ name: 'charge_sheet_id', type: 'int', nullable: true })
  chargeSheetId: number | null;

  @Column({ name: 'own_use_id', type: 'int', nullable: true })
  ownUseId: number | null;

  /** green | yellow | red, from the findings and refunds of the month. */
  @Column({ type: 'varchar', length: 8 })
  verdict: string;

  @Column({ name: 'total_refund_fen', type: 'bigint', transformer: scaledInteger })
  totalRefundFen: bigint;

  @Column({ type: 'text' })
  sheet: string;
}

@Entity('finding')
@Index('ix_finding_run', ['runId'])
@Index('ix_finding_tenant', ['tenantId', 'period'])
export class Finding {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'run_id', type: 'int' })
  runId: number;

  @Column({ type: 'varchar', length: 32 })
  type: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 18 })
  entityId: string;

  @Column({ name: 'account_no', type: 'varchar', length: 32 })
  accountNo: string;

  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ name: 'tenant_id', type: 'varchar', length: 18, nullable: true })
  tenantId: string | null;

  @Column({ name: 'amount_fen', type: 'bigint', nullable: true, transformer: scaledInteger })
  amountFen: bigint | null;

  /** The input versions it came from. */
  @Column({ name: 'grid_bill_id', type: 'int', nullable: true })
  gridBillId: number | null;

  @Column({ name: 'charge_sheet_id', type: 'int', nullable: true })
  chargeSheetId: number | null;

  @Column({ name: 'own_use_id', type: 'int', nullable: true })
  ownUseId: number | null;
}

@Entity('refund')
@Index('ix_refund_run', ['runId'])
@Index('ix_refund_tenant', ['tenantId', 'period'])
export class Refund {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'run_id', type: 'int' })
  runId: number;

  @Column({ name: 'entity_id', type: 'varchar', length: 18 })
  entityId: string;

  @Column({ name: 'account_no', type: 'varchar', length: 32 })
  accountNo: string;

  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ name: 'tenant_id', type: 'varchar', length: 18 })
  tenantId: string;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: scaledInteger })
  amountFen: bigint;
}
