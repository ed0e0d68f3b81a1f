import {
  Global,
  Inject,
  Module,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { JsonLogger } from '../logging/json-logger';
import { createJobQueue } from './create-job-queue';
import { JOB_QUEUE, type JobQueue } from './job-queue';
import { JobsController } from './jobs.controller';

/**
 * Provides `JOB_QUEUE` everywhere. Services register handlers in `onModuleInit`; the queue
 * starts once every module is initialised and stops (letting the running job finish) first
 * thing on shutdown, while the database is still open.
 */
@Global()
@Module({
  controllers: [JobsController],
  providers: [
    {
      provide: JOB_QUEUE,
      inject: [APP_CONFIG, DataSource, JsonLogger],
      useFactory: (config: AppConfig, dataSource: DataSource, logger: JsonLogger) =>
        createJobQueue(config, dataSource, logger),
    },
  ],
  exports: [JOB_QUEUE],
})
export class JobsModule implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(@Inject(JOB_QUEUE) private readonly jobs: JobQueue) {}

  onApplicationBootstrap(): Promise<void> {
    return this.jobs.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.jobs.stop();
  }
}
