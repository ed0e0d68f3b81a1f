import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type {
  BlacklistRemovalReason,
  BlacklistStatus,
  CreditClass,
  SpotCheckOutcome,
  WarningLevel,
} from '@zgd/shared-types';
import { scaledInteger } from '../../database/scaled-integer.transformer';

/**
 * The level of one charging entity in one supply month as of one run; the newest run's row is
 * the current level, older ones are its history (the trend).
 */
@Entity('warning_level')
@Index('ux_warning_level_key', ['entityId', 'period', 'runId'], { unique: true })
@Index('ix_warning_level_district', ['districtCode', 'period'])
export class WarningLevelRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'run_id', type: 'int' })
  runId: number;

  @Column({ name: 'entity_id', type: 'varchar', length: 18 })
  entityId: string;

  @Column({ name: 'district_code', type: 'varchar', length: 6 })
  districtCode: string;

  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ type: 'varchar', length: 8 })
  level: WarningLevel;

  /** JSON: [{ code, message }]. */
  @Column({ type: 'text' })
  reasons: string;

  @Column({ name: 'refund_fen', type: 'bigint', transformer: scaledInteger })
  refundFen: bigint;

  @Column({ name: 'tenants_affected', type: 'int' })
  tenantsAffected: number;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}

/** One computation of an entity's credit class; the newest is current, all are kept. */
@Entity('credit_assessment')
@Index('ix_credit_assessment_entity', ['entityId', 'id'])
@Index('ix_credit_assessment_district', ['districtCode'])
export class CreditAssessmentRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'entity_id', type: 'varchar', length: 18 })
  entityId: string;

  @Column({ name: 'district_code', type: 'varchar', length: 6 })
  districtCode: string;

  @Column({ name: 'credit_class', type: 'varchar', length: 1 })
  creditClass: CreditClass;

  @Column({ type: 'int' })
  score: number;

  /** JSON: [{ code, label, points, explanation }]. */
  @Column({ type: 'text' })
  factors: string;

  @Column({ type: 'varchar', length: 60 })
  trigger: string;

  @Column({ name: 'computed_at', type: 'datetime' })
  computedAt: Date;
}

/** A 双随机 draw: everything needed to repeat it (seed, ratios, algorithm) and when. */
@Entity('spot_check_draw')
@Index('ix_spot_check_draw_district', ['districtCode', 'createdAt'])
export class SpotCheckDrawRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'district_code', type: 'varchar', length: 6 })
  districtCode: string;

  @Column({ name: 'planned_date', type: 'varchar', length: 10 })
  plannedDate: string;

  /** uint32: beyond a signed INT, so BIGINT. */
  @Column({ type: 'bigint', transformer: scaledInteger })
  seed: bigint;

  @Column({ type: 'varchar', length: 60 })
  algorithm: string;

  /** JSON: { A: "0.05", … } as used. */
  @Column({ type: 'text' })
  ratios: string;

  /** JSON: { A: n, … } entities per class drawn from. */
  @Column({ type: 'text' })
  population: string;

  @Column({ name: 'created_by', type: 'int' })
  createdBy: number;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Column({ name: 'published_at', type: 'datetime' })
  publishedAt: Date;
}

/** One drawn entity, its two inspectors, and the result once recorded. */
@Entity('spot_check_item')
@Index('ix_spot_check_item_draw', ['drawId'])
@Index('ix_spot_check_item_entity', ['entityId'])
export class SpotCheckItemRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'draw_id', type: 'varchar', length: 36 })
  drawId: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 18 })
  entityId: string;

  @Column({ name: 'credit_class', type: 'varchar', length: 1 })
  creditClass: CreditClass;

  @Column({ name: 'inspector1_user_id', type: 'int' })
  inspector1UserId: number;

  @Column({ name: 'inspector2_user_id', type: 'int' })
  inspector2UserId: number;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome: SpotCheckOutcome | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'result_by', type: 'int', nullable: true })
  resultBy: number | null;

  @Column({ name: 'result_at', type: 'datetime', nullable: true })
  resultAt: Date | null;

  /** A violation's case: the clue it opened, or the open case that already covered it. */
  @Column({ name: 'case_id', type: 'varchar', length: 36, nullable: true })
  caseId: string | null;
}

/** A 列严 proposal and what became of it; rows are never deleted (the history). */
@Entity('serious_list_entry')
@Index('ix_serious_list_entity', ['entityId', 'status'])
@Index('ix_serious_list_district', ['districtCode', 'status'])
export class SeriousListEntryRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 18 })
  entityId: string;

  @Column({ name: 'district_code', type: 'varchar', length: 6 })
  districtCode: string;

  @Column({ name: 'case_id', type: 'varchar', length: 36 })
  caseId: string;

  @Column({ type: 'varchar', length: 10 })
  status: BlacklistStatus;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'proposed_by', type: 'int' })
  proposedBy: number;

  @Column({ name: 'proposed_at', type: 'datetime' })
  proposedAt: Date;

  @Column({ name: 'decided_by', type: 'int', nullable: true })
  decidedBy: number | null;

  @Column({ name: 'decided_at', type: 'datetime', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'ends_on', type: 'varchar', length: 10, nullable: true })
  endsOn: string | null;

  @Column({ name: 'repair_from', type: 'varchar', length: 10, nullable: true })
  repairFrom: string | null;

  @Column({ name: 'removed_by', type: 'int', nullable: true })
  removedBy: number | null;

  @Column({ name: 'removed_at', type: 'datetime', nullable: true })
  removedAt: Date | null;

  @Column({ name: 'removal_reason', type: 'varchar', length: 16, nullable: true })
  removalReason: BlacklistRemovalReason | null;
}

export const SUPERVISION_ENTITIES = [
  WarningLevelRow,
  CreditAssessmentRow,
  SpotCheckDrawRow,
  SpotCheckItemRow,
  SeriousListEntryRow,
];
