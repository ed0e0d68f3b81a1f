import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import type { JsonLogger } from '../logging/json-logger';
import { BullMqJobQueue, type BullMqJobQueueOptions } from './bullmq-job-queue';
import type { DbJobQueue } from './db-job-queue';
import { InProcessJobQueue, type InProcessJobQueueOptions } from './in-process-job-queue';

export type CreateJobQueueOptions = InProcessJobQueueOptions &
  Omit<BullMqJobQueueOptions, 'redisUrl'>;

/** BullMQ when REDIS_URL is set (several instances share the work), in-process otherwise. */
export function createJobQueue(
  config: Pick<AppConfig, 'redisUrl'>,
  dataSource: DataSource,
  logger: JsonLogger,
  options: CreateJobQueueOptions = {},
): DbJobQueue {
  return config.redisUrl
    ? new BullMqJobQueue(dataSource, logger, { ...options, redisUrl: config.redisUrl })
    : new InProcessJobQueue(dataSource, logger, options);
}
