import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { scaledInteger } from '../../database/scaled-integer.transformer';

/**
 * What a charging entity billed its tenants for one account and month, as one versioned set:
 * a redelivered set with other lines supersedes the earlier one, which is kept.
 */
@Entity('tenant_charge_sheet')
@Index('uq_tenant_charge_sheet_version', ['accountNo', 'period', 'version'], { unique: true })
export class TenantChargeSheet {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'entity_id', type: 'varchar', length: 18 })
  entityId: string;

  @Column({ name: 'account_no', type: 'varchar', length: 32 })
  accountNo: string;

  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'batch_id', type: 'varchar', length: 36 })
  batchId: string;

  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash: string;
}

@Entity('tenant_charge_line')
@Index('ix_tenant_charge_line_tenant', ['tenantId'])
export class TenantChargeLine {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('ix_tenant_charge_line_sheet')
  @Column({ name: 'sheet_id', type: 'int' })
  sheetId: number;

  @Column({ name: 'tenant_id', type: 'varchar', length: 18 })
  tenantId: string;

  @Column({ name: 'tenant_name', type: 'varchar', length: 200 })
  tenantName: string;

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

  @Column({ name: 'source_line', type: 'int' })
  sourceLine: number;
}

/** The entity's own metered use of one account and month, versioned like the sheets. */
@Entity('own_use')
@Index('uq_own_use_version', ['accountNo', 'period', 'version'], { unique: true })
export class OwnUse {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'entity_id', type: 'varchar', length: 18 })
  entityId: string;

  @Column({ name: 'account_no', type: 'varchar', length: 32 })
  accountNo: string;

  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'batch_id', type: 'varchar', length: 36 })
  batchId: string;

  @Column({ name: 'kwh_milli', type: 'bigint', transformer: scaledInteger })
  kwhMilli: bigint;

  @Column({ name: 'source_line', type: 'int' })
  sourceLine: number;
}
