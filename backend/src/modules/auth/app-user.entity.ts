import type { Role } from '@zgd/shared-types';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Someone who signs in: regulator staff, a charging entity's user, or a tenant (via WeChat). */
@Entity('app_user')
export class AppUser {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('uq_app_user_username', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName: string;

  /** `scrypt$N$r$p$salt$hash`; null for users who sign in only through WeChat. */
  @Column({ name: 'password_hash', type: 'varchar', length: 200, nullable: true })
  passwordHash: string | null;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  @Column({ name: 'district_code', type: 'varchar', length: 6, nullable: true })
  districtCode: string | null;

  @Column({ name: 'entity_id', type: 'varchar', length: 18, nullable: true })
  entityId: string | null;

  @Column({ name: 'tenant_id', type: 'varchar', length: 18, nullable: true })
  tenantId: string | null;

  @Index('uq_app_user_wechat_openid', { unique: true })
  @Column({ name: 'wechat_openid', type: 'varchar', length: 64, nullable: true })
  wechatOpenid: string | null;

  /** Wrong passwords since the last successful login or the last lock. */
  @Column({ name: 'failed_logins', type: 'int', default: 0 })
  failedLogins: number;

  @Column({ name: 'locked_until', type: 'datetime', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
