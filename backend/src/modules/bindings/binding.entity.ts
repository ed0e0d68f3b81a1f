import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A user's firm bound to premises (a charging entity's grid account), after the user proved
 * the tenancy. The user's bindings are its data scope as a tenant.
 */
@Entity('tenant_binding')
@Index('uq_tenant_binding_user_firm_account', ['userId', 'tenantId', 'accountNo'], {
  unique: true,
})
export class TenantBinding {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('ix_tenant_binding_user')
  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  /** 统一社会信用代码 of the tenant firm. */
  @Column({ name: 'tenant_id', type: 'varchar', length: 18 })
  tenantId: string;

  @Column({ name: 'tenant_name', type: 'varchar', length: 100 })
  tenantName: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 18 })
  entityId: string;

  @Column({ name: 'account_no', type: 'varchar', length: 32 })
  accountNo: string;

  /** As the user gave it: the contract carries no meter numbers to check it against. */
  @Column({ name: 'sub_meter_no', type: 'varchar', length: 32 })
  subMeterNo: string;

  /** The supply month whose kWh proved the tenancy. */
  @Column({ name: 'proven_period', type: 'varchar', length: 7 })
  provenPeriod: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}

/** A failed proof, counted per user and Shanghai day to stop guessing. */
@Entity('binding_attempt')
@Index('ix_binding_attempt_user_day', ['userId', 'day'])
export class BindingAttempt {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  /** YYYY-MM-DD in Asia/Shanghai. */
  @Column({ type: 'varchar', length: 10 })
  day: string;

  @Column({ name: 'account_no', type: 'varchar', length: 32 })
  accountNo: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
