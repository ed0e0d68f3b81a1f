import { randomUUID } from 'node:crypto';
import * as os from 'node:os';
import type { AppConfig } from '../../config/app-config';
import type { JsonLogger } from '../../common/logging/json-logger';
import {
  caseStatusMessageData,
  DELIVERY_DEFAULTS,
  nextStep,
  type CaseStatusData,
  type DeliveryOutcome,
  type DeliveryPolicy,
} from './domain/delivery-policy';
import type { NotificationOutbox } from './notification-outbox.entity';
import type { NotificationsClock } from './notifications-clock';
import type { NotificationsRepository } from './notifications.repository';
import type { SubscribeMessage, WechatSubscribeClient } from './wechat-subscribe-client';

export interface NotificationWorkerOptions {
  workerId?: string;
  /** Rows claimed per pass. */
  batchSize?: number;
  /**
   * How long a claim holds. A 'sending' row older than this is tried again: it may already
   * have reached WeChat (see {@link NotificationWorker}), so the lease is far longer than a
   * send can take (two 5 s requests and a token fetch).
   */
  leaseMs?: number;
  policy?: DeliveryPolicy;
}

export interface PassSummary {
  sent: number;
  skipped: number;
  failed: number;
  retrying: number;
  /** Claims lost to a worker that came back after its lease: possibly sent twice. */
  lost: number;
  released: number;
}

const LOG_CONTEXT = 'Notifications';
const SETTLE_TRIES = 3;

/**
 * Delivers the outbox. Each pass returns expired claims to 'pending', then claims due rows one
 * by one (a guarded UPDATE, so of two workers only one wins a row), sends and settles each.
 *
 * Delivery is exactly-once while workers keep running: a row is sent only by the worker that
 * claimed it, and marked sent by the statement that confirms the claim is still its own. A
 * worker that dies between WeChat's "ok" and that statement leaves the row 'sending'; after
 * the lease (`leaseMs`, 10 minutes) it is tried again, and the user may get the message twice.
 * WeChat's subscribe-message API takes no idempotency key, so that window cannot be closed from
 * our side, only kept small (the mark follows the answer at once) and rare (a crash in it).
 * The alternative, never retrying a 'sending' row, would lose messages instead.
 */
export class NotificationWorker {
  readonly workerId: string;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly policy: DeliveryPolicy;
  private timer?: NodeJS.Timeout;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = true;
  private stopRequested = false;

  constructor(
    private readonly repository: NotificationsRepository,
    private readonly client: WechatSubscribeClient,
    private readonly config: Pick<AppConfig, 'notifications'>,
    private readonly clock: NotificationsClock,
    private readonly logger: JsonLogger,
    options: NotificationWorkerOptions = {},
  ) {
    this.workerId =
      options.workerId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.batchSize = options.batchSize ?? 50;
    this.leaseMs = options.leaseMs ?? 600_000;
    this.policy = options.policy ?? DELIVERY_DEFAULTS;
  }

  /** Runs a pass every `intervalMs` until stopped; passes never overlap. */
  start(intervalMs = this.config.notifications.intervalMs): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.stopRequested = false;
    const tick = () => {
      this.running = this.runOnce()
        .catch((e: unknown) => this.logError('notification pass failed', e))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, intervalMs).unref();
        });
    };
    this.timer = setTimeout(tick, 0).unref();
  }

  /** Stops the timer and waits for the pass under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopRequested = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One pass over the due rows. Tests call this directly. */
  async runOnce(): Promise<PassSummary> {
    const summary: PassSummary = {
      sent: 0,
      skipped: 0,
      failed: 0,
      retrying: 0,
      lost: 0,
      released: 0,
    };
    const now = this.clock.now();
    summary.released = await this.repository.releaseExpired(now.toISOString());
    if (summary.released > 0) {
      this.logger.emit(
        'warn',
        { msg: 'notifications interrupted while sending are tried again', count: summary.released },
        LOG_CONTEXT,
      );
    }
    for (const id of await this.repository.due(now.toISOString(), this.batchSize)) {
      if (this.stopRequested) break;
      await this.deliver(id, summary);
    }
    return summary;
  }

  private async deliver(id: number, summary: PassSummary): Promise<void> {
    const now = this.clock.now();
    const until = new Date(now.getTime() + this.leaseMs).toISOString();
    const row = await this.repository.claim(id, this.workerId, now.toISOString(), until);
    if (!row) return; // another worker has it
    const step = nextStep(await this.attemptSafely(row), row.attempts, this.policy);
    const at = this.clock.now();
    const settled = await this.settle(row.id, {
      status: step.status,
      lastError: step.status === 'sent' ? null : step.reason,
      sentAt: step.status === 'sent' ? at.toISOString() : null,
      ...(step.status === 'pending'
        ? { nextAttemptAt: new Date(at.getTime() + step.delayMs).toISOString() }
        : {}),
    });
    if (!settled) {
      summary.lost++;
      this.logger.emit(
        'warn',
        {
          msg: 'notification claim expired before it was settled',
          notificationId: row.id,
          step: step.status,
        },
        LOG_CONTEXT,
      );
      return;
    }
    if (step.status === 'pending') summary.retrying++;
    else summary[step.status]++;
    if (step.status === 'failed') {
      this.logger.emit(
        'warn',
        { msg: 'notification failed', notificationId: row.id, reason: step.reason },
        LOG_CONTEXT,
      );
    }
  }

  /**
   * Records the outcome, trying again briefly if the database fails: after a send, a row left
   * 'sending' is sent once more when its lease ends, so this is worth a few tries.
   */
  private async settle(id: number, set: Parameters<NotificationsRepository['settle']>[2]) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.repository.settle(id, this.workerId, set);
      } catch (e) {
        if (attempt >= SETTLE_TRIES) throw e;
        this.logError('could not record a notification outcome; trying again', e);
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }

  private async attemptSafely(row: NotificationOutbox): Promise<DeliveryOutcome> {
    try {
      return await this.attempt(row);
    } catch (e) {
      this.logError('notification attempt failed unexpectedly', e);
      return { kind: 'transient', message: 'internal error' };
    }
  }

  /** One send, or the reason there is none. Skips are outcomes too, so they settle the claim. */
  private async attempt(row: NotificationOutbox): Promise<DeliveryOutcome> {
    const templateId = this.config.notifications.caseStatusTemplateId;
    if (!this.client.configured || !templateId) return skip('wechat_not_configured');
    if (!row.wechatOpenid) return skip('no_openid (H5 user)');
    let data: CaseStatusData;
    try {
      data = JSON.parse(row.data) as CaseStatusData;
    } catch {
      return { kind: 'rejected', errcode: 0, message: 'unreadable data' };
    }
    const message: SubscribeMessage = {
      touser: row.wechatOpenid,
      templateId,
      page: this.config.notifications.caseStatusPage,
      data: caseStatusMessageData(data),
    };
    return this.client.send(message);
  }

  private logError(msg: string, e: unknown) {
    const err = e instanceof Error ? e : new Error(String(e));
    this.logger.emit('error', { msg, error: err.message }, LOG_CONTEXT, { stack: err.stack });
  }
}

const skip = (reason: string): DeliveryOutcome => ({ kind: 'skipped', reason });
