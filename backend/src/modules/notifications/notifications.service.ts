import type { EntityManager } from 'typeorm';
import {
  NOTIFICATION_TEMPLATES,
  type CaseStatusData,
  type NotificationTemplate,
} from './domain/delivery-policy';
import type { NotificationsClock } from './notifications-clock';
import type { NotificationsRepository } from './notifications.repository';

/** A message to queue. `data` is what the message shows and nothing more. */
export interface NotificationRequest {
  recipientUserId: number;
  /** The recipient's mini-program openid; null for H5 users (the row is then skipped). */
  wechatOpenid: string | null;
  template: NotificationTemplate;
  data: CaseStatusData;
  /** Names the event, e.g. `case:12:event:3`; queuing the same key again does nothing. */
  dedupeKey: string;
}

const DEDUPE_KEY = /^[\w:.-]{1,200}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The writing side of the outbox. `enqueue` runs inside the caller's transaction, so a
 * notification exists exactly when the change it reports was committed.
 */
export class NotificationsService {
  constructor(
    private readonly repository: NotificationsRepository,
    private readonly clock: NotificationsClock,
  ) {}

  async enqueue(manager: EntityManager, n: NotificationRequest): Promise<void> {
    if (!DEDUPE_KEY.test(n.dedupeKey)) throw new TypeError('a dedupe key is 1-200 of [\\w:.-]');
    // Checked here because INSERT IGNORE on MySQL would cut an overlong value instead of failing.
    if (n.wechatOpenid !== null && !/^[\w-]{1,64}$/.test(n.wechatOpenid))
      throw new TypeError('an openid is 1-64 letters, digits, _ or -');
    if (!NOTIFICATION_TEMPLATES.includes(n.template)) throw new TypeError('unknown template');
    if (!DATE.test(n.data.date)) throw new TypeError('a notification date is YYYY-MM-DD');
    // Only the three fields, so nothing else a caller passes along is ever stored.
    const data: CaseStatusData = {
      caseNumber: n.data.caseNumber,
      stateLabel: n.data.stateLabel,
      date: n.data.date,
    };
    await this.repository.insertUnlessQueued(manager, {
      recipientUserId: n.recipientUserId,
      wechatOpenid: n.wechatOpenid,
      template: n.template,
      data: JSON.stringify(data),
      dedupeKey: n.dedupeKey,
      createdAt: this.clock.now().toISOString(),
    });
  }
}
