import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CryptoModule } from './common/crypto/crypto.module';
import { AppExceptionFilter } from './common/errors/app-exception.filter';
import { JobsModule } from './common/jobs/jobs.module';
import { StorageModule } from './common/storage/storage.module';
import type { JsonLogger } from './common/logging/json-logger';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthGuard } from './modules/auth/auth.guard';
import { AuthModule } from './modules/auth/auth.module';
import { BindingsModule } from './modules/bindings/bindings.module';
import { CalendarModule } from './modules/calendar/calendar.module';
import { CasesModule } from './modules/cases/cases.module';
import { ConsoleModule } from './modules/console/console.module';
import { HealthModule } from './modules/health/health.module';
import { ImportsModule } from './modules/imports/imports.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { ReconciliationModule } from './modules/reconciliation/reconciliation.module';
import { SettingsModule } from './modules/settings/settings.module';
import { SupervisionModule } from './modules/supervision/supervision.module';
import { TariffsModule } from './modules/tariffs/tariffs.module';
import { DeclarationsModule } from './modules/declarations/declarations.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: JsonLogger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, logger),
        DatabaseModule,
        StorageModule,
        CryptoModule,
        AuditModule,
        AuthModule,
        JobsModule,
        HealthModule,
        SettingsModule,
        TariffsModule,
        ReconciliationModule,
        ImportsModule,
        CalendarModule,
        NotificationsModule,
        CasesModule,
        SupervisionModule,
        ConsoleModule,
        BindingsModule,
        DeclarationsModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: AppExceptionFilter },
        // Default deny: every endpoint needs a session unless marked @Public().
        { provide: APP_GUARD, useExisting: AuthGuard },
      ],
    };
  }
}
