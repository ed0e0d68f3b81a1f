import { JobRecord } from '../common/jobs/job-record.entity';
import { AppSession } from '../modules/auth/app-session.entity';
import { AppUser } from '../modules/auth/app-user.entity';
import { AppSetting } from './app-setting.entity';

/** Every TypeORM entity, listed once so both engines and the CLI load the same set. */
export const ENTITIES = [AppSetting, JobRecord, AppUser, AppSession];
