import { Inject, Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JsonLogger } from '../../common/logging/json-logger';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { NotificationWorker } from './notification-worker';
import {
  NOTIFICATIONS_CLOCK,
  systemNotificationsClock,
  type NotificationsClock,
} from './notifications-clock';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import {
  HttpWechatSubscribeClient,
  WECHAT_SUBSCRIBE_CLIENT,
  type WechatSubscribeClient,
} from './wechat-subscribe-client';

/**
 * The notification outbox: `NotificationsService.enqueue` for modules that change state, and
 * the worker that delivers it on a timer from bootstrap to shutdown.
 */
@Module({
  providers: [
    { provide: NOTIFICATIONS_CLOCK, useFactory: systemNotificationsClock },
    {
      provide: NotificationsRepository,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new NotificationsRepository(ds),
    },
    {
      provide: NotificationsService,
      inject: [NotificationsRepository, NOTIFICATIONS_CLOCK],
      useFactory: (r: NotificationsRepository, c: NotificationsClock) =>
        new NotificationsService(r, c),
    },
    {
      provide: WECHAT_SUBSCRIBE_CLIENT,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => new HttpWechatSubscribeClient(c.wechat),
    },
    {
      provide: NotificationWorker,
      inject: [
        NotificationsRepository,
        WECHAT_SUBSCRIBE_CLIENT,
        APP_CONFIG,
        NOTIFICATIONS_CLOCK,
        JsonLogger,
      ],
      useFactory: (
        r: NotificationsRepository,
        client: WechatSubscribeClient,
        config: AppConfig,
        clock: NotificationsClock,
        logger: JsonLogger,
      ) => new NotificationWorker(r, client, config, clock, logger),
    },
  ],
  exports: [NotificationsService],
})
export class NotificationsModule implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(@Inject(NotificationWorker) private readonly worker: NotificationWorker) {}

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.worker.stop();
  }
}
