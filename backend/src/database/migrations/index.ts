import { Initial1764460000000 } from './1764460000000-initial';
import { Jobs1764460100000 } from './1764460100000-jobs';
import { ImportsAndRuns1764460200000 } from './1764460200000-imports-and-runs';
import { Auth1764460300000 } from './1764460300000-auth';
import { ProviderSignatures1764460400000 } from './1764460400000-provider-signatures';
import { HolidayCalendar1764460500000 } from './1764460500000-holiday-calendar';
import { AuditLog1764460600000 } from './1764460600000-audit-log';
import { Cases1764460700000 } from './1764460700000-cases';
import { Notifications1764460800000 } from './1764460800000-notifications';
import { ReporterContact1764460900000 } from './1764460900000-reporter-contact';
import { CaseQueue1764461000000 } from './1764461000000-case-queue';
import { ConsoleIndexes1764461100000 } from './1764461100000-console-indexes';
import { Supervision1764461200000 } from './1764461200000-supervision';
import { TenantBindings1764461300000 } from './1764461300000-tenant-bindings';
import { Declarations1764461400000 } from './1764461400000-declarations';
import { OneCurrentDeclaration1764461600000 } from './1764461600000-one-current-declaration';
import { ReporterNoticeDue1764461500000 } from './1764461500000-reporter-notice-due';
import { SpotCheckClue1764461700000 } from './1764461700000-spot-check-clue';

/** In order. A migration that ran is never edited: add a new one. */
export const MIGRATIONS = [
  Initial1764460000000,
  Jobs1764460100000,
  ImportsAndRuns1764460200000,
  Auth1764460300000,
  ProviderSignatures1764460400000,
  HolidayCalendar1764460500000,
  AuditLog1764460600000,
  Cases1764460700000,
  Notifications1764460800000,
  ReporterContact1764460900000,
  CaseQueue1764461000000,
  ConsoleIndexes1764461100000,
  Supervision1764461200000,
  TenantBindings1764461300000,
  Declarations1764461400000,
  ReporterNoticeDue1764461500000,
  OneCurrentDeclaration1764461600000,
  SpotCheckClue1764461700000,
];
