import { DataSource, LessThanOrEqual, type EntityManager, type Repository } from 'typeorm';
import type { NotificationTemplate } from './domain/delivery-policy';
import { NotificationOutbox } from './notification-outbox.entity';

export interface NewNotification {
  recipientUserId: number;
  wechatOpenid: string | null;
  template: NotificationTemplate;
  data: string;
  dedupeKey: string;
  createdAt: string;
}

/**
 * The only code that touches `notification_outbox`. Every state change after the insert is one
 * UPDATE guarded by the state (and claimant) it expects, so two workers cannot both win a row.
 *
 * The worker's changes each run in a transaction of their own. On SQLite TypeORM has one
 * connection, and a plain statement issued while another code path holds a transaction open
 * runs inside it: a claim or a 'sent' mark would then vanish if that transaction rolled back,
 * and the message would go out again. Transactions take turns (serializeTransactions), so ours
 * waits for theirs instead.
 */
export class NotificationsRepository {
  private readonly repo: Repository<NotificationOutbox>;

  constructor(private readonly dataSource: DataSource) {
    this.repo = dataSource.getRepository(NotificationOutbox);
  }

  private inOwnTransaction<T>(work: (repo: Repository<NotificationOutbox>) => Promise<T>) {
    return this.dataSource.transaction((m) => work(m.getRepository(NotificationOutbox)));
  }

  /**
   * Inserts with the caller's transaction, or does nothing when the dedupe key is taken (INSERT
   * IGNORE / INSERT OR IGNORE: no failed statement, so the caller's transaction goes on).
   */
  async insertUnlessQueued(manager: EntityManager, n: NewNotification): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(NotificationOutbox)
      .values({
        ...n,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: n.createdAt,
        lastError: null,
        sentAt: null,
        claimedBy: null,
        claimedUntil: null,
      })
      .orIgnore()
      // An ignored row has no id for TypeORM to read back (MySQL answers insertId 0).
      .updateEntity(false)
      .execute();
  }

  /** Ids of pending rows due by `now`, oldest first. */
  async due(now: string, limit: number): Promise<number[]> {
    const rows = await this.repo.find({
      select: { id: true },
      where: { status: 'pending', nextAttemptAt: LessThanOrEqual(now) },
      order: { nextAttemptAt: 'ASC', id: 'ASC' },
      take: limit,
    });
    return rows.map((r) => r.id);
  }

  /** Takes a pending row for `workerId` and counts the attempt. Null when another worker won. */
  async claim(
    id: number,
    workerId: string,
    now: string,
    claimedUntil: string,
  ): Promise<NotificationOutbox | null> {
    return this.inOwnTransaction(async (repo) => {
      const r = await repo
        .createQueryBuilder()
        .update(NotificationOutbox)
        .set({
          status: 'sending',
          claimedBy: workerId,
          claimedUntil,
          attempts: () => 'attempts + 1',
        })
        .where('id = :id AND status = :pending AND next_attempt_at <= :now', {
          id,
          pending: 'pending',
          now,
        })
        .execute();
      if (r.affected !== 1) return null;
      return repo.findOneBy({ id, claimedBy: workerId, status: 'sending' });
    });
  }

  /**
   * Ends this worker's claim with the outcome: one statement that both checks the claim is still
   * ours and records the result. False when the claim was lost (its lease ran out).
   */
  async settle(
    id: number,
    workerId: string,
    set: Pick<Partial<NotificationOutbox>, 'status' | 'lastError' | 'sentAt' | 'nextAttemptAt'>,
  ): Promise<boolean> {
    const r = await this.inOwnTransaction((repo) =>
      repo.update(
        { id, status: 'sending', claimedBy: workerId },
        { ...set, claimedBy: null, claimedUntil: null },
      ),
    );
    return r.affected === 1;
  }

  /** Returns 'sending' rows whose lease ran out to 'pending'. How many. */
  async releaseExpired(now: string): Promise<number> {
    const r = await this.inOwnTransaction((repo) =>
      repo
        .createQueryBuilder()
        .update(NotificationOutbox)
        .set({
          status: 'pending',
          claimedBy: null,
          claimedUntil: null,
          nextAttemptAt: now,
          lastError: 'interrupted while sending; may have been delivered',
        })
        .where('status = :sending AND claimed_until < :now', { sending: 'sending', now })
        .execute(),
    );
    return r.affected ?? 0;
  }

  findById(id: number): Promise<NotificationOutbox | null> {
    return this.repo.findOneBy({ id });
  }
}
