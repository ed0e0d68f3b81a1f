import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { scaledInteger } from '../../database/scaled-integer.transformer';

/**
 * A regulated price, never edited in place. A newer row for the same class, voltage, pricing
 * and period takes over from its effective date: the price in force on a day is the row with
 * the latest `effective_from` on or before it whose `effective_to` (exclusive) is after it.
 */
@Entity('tariff')
@Index('uq_tariff_version', ['userClass', 'voltage', 'pricing', 'tou', 'effectiveFrom'], {
  unique: true,
})
export class Tariff {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'user_class', type: 'varchar', length: 24 })
  userClass: string;

  @Column({ type: 'varchar', length: 16 })
  voltage: string;

  @Column({ type: 'varchar', length: 16 })
  pricing: string;

  @Column({ type: 'varchar', length: 16 })
  tou: string;

  @Column({ name: 'unit_price_e5', type: 'bigint', transformer: scaledInteger })
  unitPriceE5: bigint;

  /** YYYY-MM-DD */
  @Column({ name: 'effective_from', type: 'varchar', length: 10 })
  effectiveFrom: string;

  /** YYYY-MM-DD, exclusive; null = open-ended */
  @Column({ name: 'effective_to', type: 'varchar', length: 10, nullable: true })
  effectiveTo: string | null;

  @Column({ name: 'batch_id', type: 'varchar', length: 36 })
  batchId: string;
}
