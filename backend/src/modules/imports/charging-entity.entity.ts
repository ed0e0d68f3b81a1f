import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A landlord, property manager or park operator that re-bills tenants (转供电主体). */
@Entity('charging_entity')
export class ChargingEntity {
  /** 统一社会信用代码 */
  @PrimaryColumn({ type: 'varchar', length: 18 })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'premises_address', type: 'varchar', length: 300 })
  premisesAddress: string;

  /** GB/T 2260 district of the metered premises: decides which bureau a case goes to. */
  @Column({ name: 'district_code', type: 'varchar', length: 6 })
  districtCode: string;

  @Column({ name: 'batch_id', type: 'varchar', length: 36 })
  batchId: string;
}
