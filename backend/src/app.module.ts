import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AppExceptionFilter } from './common/errors/app-exception.filter';
import { JobsModule } from './common/jobs/jobs.module';
import type { JsonLogger } from './common/logging/json-logger';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './modules/health/health.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: JsonLogger): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config, logger), DatabaseModule, JobsModule, HealthModule],
      providers: [{ provide: APP_FILTER, useClass: AppExceptionFilter }],
    };
  }
}
