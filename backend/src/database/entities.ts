import { JobRecord } from '../common/jobs/job-record.entity';
import { AppSetting } from './app-setting.entity';

/** Every TypeORM entity, listed once so both engines and the CLI load the same set. */
export const ENTITIES = [AppSetting, JobRecord];
