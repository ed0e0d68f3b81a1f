import { JobRecord } from '../common/jobs/job-record.entity';
import { AuditChainHead, AuditLogEntry } from '../modules/audit/audit-log.entity';
import { AppSession } from '../modules/auth/app-session.entity';
import { AppUser } from '../modules/auth/app-user.entity';
import { BindingAttempt, TenantBinding } from '../modules/bindings/binding.entity';
import { CaseEventRow, CaseReportRow, CaseRow } from '../modules/cases/case.entity';
import { ReportRating } from '../modules/cases/report-rating.entity';
import { HolidayCalendarYear } from '../modules/calendar/holiday-calendar-year.entity';
import { ChargingEntity } from '../modules/imports/charging-entity.entity';
import { GridBill, GridBillLine } from '../modules/imports/grid-bill.entity';
import { ImportBatch } from '../modules/imports/import-batch.entity';
import { ProviderSignature } from '../modules/imports/provider-signature.entity';
import {
  OwnUse,
  TenantChargeLine,
  TenantChargeSheet,
} from '../modules/imports/tenant-charge.entity';
import { NotificationOutbox } from '../modules/notifications/notification-outbox.entity';
import {
  Finding,
  ReconciliationRun,
  Refund,
  RunSupplyMonth,
} from '../modules/reconciliation/reconciliation-run.entity';
import { Tariff } from '../modules/tariffs/tariff.entity';
import { SUPERVISION_ENTITIES } from '../modules/supervision/supervision.entities';
import { AppSetting } from './app-setting.entity';
import {
  DeclarationAnswer,
  TenantDeclaration,
  TenantDeclarationLine,
} from '../modules/declarations/declaration.entity';

/** Every TypeORM entity, listed once so both engines and the CLI load the same set. */
export const ENTITIES = [
  AppSetting,
  JobRecord,
  ImportBatch,
  ProviderSignature,
  ChargingEntity,
  GridBill,
  GridBillLine,
  TenantChargeSheet,
  TenantChargeLine,
  OwnUse,
  Tariff,
  ReconciliationRun,
  RunSupplyMonth,
  Finding,
  Refund,
  AppUser,
  AppSession,
  HolidayCalendarYear,
  AuditLogEntry,
  AuditChainHead,
  CaseRow,
  CaseReportRow,
  CaseEventRow,
  NotificationOutbox,
  TenantBinding,
  BindingAttempt,
  ReportRating,
  ...SUPERVISION_ENTITIES,
  TenantDeclaration,
  TenantDeclarationLine,
  DeclarationAnswer,
];
