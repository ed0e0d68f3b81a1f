import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { scaledInteger } from '../../database/scaled-integer.transformer';

/**
 * A tenant's declaration of one month: what it says it paid, kept apart from the entity's
 * figures. `judgement` holds the result of judging it against the grid bill (JSON).
 */
@Entity('tenant_declaration')
export class TenantDeclaration {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'tenant_id', type: 'varchar', length: 18 })
  tenantId: string;

  @Column({ name: 'declarer_user_id', type: 'int' })
  declarerUserId: number;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 64 })
  idempotencyKey: string;

  /** SHA-256 of the request's content: a retry with the same key must match it. */
  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash: string;

  @Column({ name: 'account_no', type: 'varchar', length: 32 })
  accountNo: string;

  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 18, nullable: true })
  entityId: string | null;

  /** JSON: [{ photoId, kind, bytes }]. */
  @Column({ type: 'text' })
  photos: string;

  @Column({ type: 'text' })
  note: string;

  @Column({ name: 'is_current', type: 'boolean' })
  isCurrent: boolean;

  @Column({ type: 'varchar', length: 10 })
  status: 'waiting' | 'judged';

  @Column({ type: 'text', nullable: true })
  judgement: string | null;

  @Column({ type: 'boolean', default: false })
  mismatch: boolean;

  @Column({ name: 'grid_bill_id', type: 'int', nullable: true })
  gridBillId: number | null;

  @Column({ name: 'charge_sheet_id', type: 'int', nullable: true })
  chargeSheetId: number | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Column({ name: 'judged_at', type: 'datetime', nullable: true })
  judgedAt: Date | null;

  @Column({ name: 'noticed_at', type: 'datetime', nullable: true })
  noticedAt: Date | null;
}

/** One line of a declaration, in the engine's scaled integers. */
@Entity('tenant_declaration_line')
export class TenantDeclarationLine {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'declaration_id', type: 'varchar', length: 36 })
  declarationId: string;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 16 })
  item: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  tou: string | null;

  @Column({ name: 'kwh_milli', type: 'bigint', nullable: true, transformer: scaledInteger })
  kwhMilli: bigint | null;

  @Column({ name: 'unit_price_e5', type: 'bigint', nullable: true, transformer: scaledInteger })
  unitPriceE5: bigint | null;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: scaledInteger })
  amountFen: bigint;
}

/** A charging entity's answer to a notice that a declaration about one of its months differs. */
@Entity('declaration_answer')
export class DeclarationAnswer {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'entity_id', type: 'varchar', length: 18 })
  entityId: string;

  @Column({ name: 'account_no', type: 'varchar', length: 32 })
  accountNo: string;

  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ type: 'text' })
  statement: string;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
