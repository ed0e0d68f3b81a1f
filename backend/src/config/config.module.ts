import { DynamicModule, Global, Module } from '@nestjs/common';
import { JsonLogger } from '../common/logging/json-logger';
import { APP_CONFIG, type AppConfig } from './app-config';

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, logger: JsonLogger): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: JsonLogger, useValue: logger },
      ],
      exports: [APP_CONFIG, JsonLogger],
    };
  }
}
