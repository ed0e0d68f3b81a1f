import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Settings an administrator may change without a release (loss cap, thresholds, markers). */
@Entity('app_setting')
export class AppSetting {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  key: string;

  @Column({ type: 'text' })
  value: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt: string;
}
