export { JOB_QUEUE } from './job-queue';
export type {
  EnqueueOptions,
  JobContext,
  JobHandler,
  JobQueue,
  JobView,
  JsonValue,
} from './job-queue';
export { JobsModule } from './jobs.module';
