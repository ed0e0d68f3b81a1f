import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A login. The client holds an opaque random token; only its SHA-256 is stored, so a copy of
 * the database does not let anyone act as the users in it.
 */
@Entity('app_session')
@Index('ix_app_session_user', ['userId'])
export class AppSession {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('uq_app_session_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'datetime' })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'datetime', nullable: true })
  revokedAt: Date | null;
}
