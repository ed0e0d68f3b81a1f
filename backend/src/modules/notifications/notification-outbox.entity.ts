import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { NotificationStatus, NotificationTemplate } from './domain/delivery-policy';

/**
 * One message to one user, written in the same transaction as the change it reports, then
 * delivered by the worker. Times are ISO-8601 UTC strings (they compare correctly as text on
 * both engines), as in the `job` table. `data` holds only what the message shows: never a
 * reporter's name or phone number.
 */
@Entity('notification_outbox')
@Index('IDX_notification_outbox_due', ['status', 'nextAttemptAt'])
export class NotificationOutbox {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'recipient_user_id', type: 'int' })
  recipientUserId: number;

  /** Null for H5 users, who cannot receive subscribe messages: such rows are skipped. */
  @Column({ name: 'wechat_openid', type: 'varchar', length: 64, nullable: true })
  wechatOpenid: string | null;

  @Column({ type: 'varchar', length: 32 })
  template: NotificationTemplate;

  /** JSON text of the template's fields. */
  @Column({ type: 'text' })
  data: string;

  /** The event this message reports, e.g. `case:12:event:3`: the same event is queued once. */
  @Index('UQ_notification_outbox_dedupe_key', { unique: true })
  @Column({ name: 'dedupe_key', type: 'varchar', length: 200 })
  dedupeKey: string;

  @Column({ type: 'varchar', length: 10 })
  status: NotificationStatus;

  /** Sends tried so far (counted when a worker claims the row). */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'varchar', length: 30 })
  nextAttemptAt: string;

  /** Why the last try failed, or why the row was skipped; for officers, never personal data. */
  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ name: 'sent_at', type: 'varchar', length: 30, nullable: true })
  sentAt: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;

  /** The worker sending the row now. */
  @Column({ name: 'claimed_by', type: 'varchar', length: 100, nullable: true })
  claimedBy: string | null;

  /** When a 'sending' row whose worker vanished may be tried again (see the worker). */
  @Column({ name: 'claimed_until', type: 'varchar', length: 30, nullable: true })
  claimedUntil: string | null;
}
