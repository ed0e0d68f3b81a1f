import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { scaledInteger } from '../../database/scaled-integer.transformer';

/**
 * The grid's bill of one account for one month, in one version. A corrected bill is a new
 * version; earlier versions stay, so a stored finding can name the version it came from.
 */
@Entity('grid_bill')
@Index('uq_grid_bill_version', ['accountNo', 'period', 'version'], { unique: true })
export class GridBill {
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

  @Column({ name: 'user_class', type: 'varchar', length: 24 })
  userClass: string;

  @Column({ type: 'varchar', length: 16 })
  voltage: string;

  @Column({ type: 'varchar', length: 16 })
  pricing: string;

  /** Hash of the lines: a redelivery with the same lines is not a new version. */
  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash: string;
}

@Entity('grid_bill_line')
export class GridBillLine {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('ix_grid_bill_line_bill')
  @Column({ name: 'grid_bill_id', type: 'int' })
  gridBillId: number;

  @Column({ type: 'varchar', length: 16 })
  line: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  tou: string | null;

  /** kWh × 1000 */
  @Column({ name: 'kwh_milli', type: 'bigint', nullable: true, transformer: scaledInteger })
  kwhMilli: bigint | null;

  /** 元/kWh × 100000 */
  @Column({ name: 'unit_price_e5', type: 'bigint', nullable: true, transformer: scaledInteger })
  unitPriceE5: bigint | null;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: scaledInteger })
  amountFen: bigint;

  /** Line in the delivered file (header = 1), for tracing a figure back to its source. */
  @Column({ name: 'source_line', type: 'int' })
  sourceLine: number;
}
