import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { HealthResponse } from '@zgd/shared-types';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Public } from '../auth';

const VERSION = '0.1.0';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: 'Service and database status' })
  async health(): Promise<HealthResponse> {
    let ok = true;
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      ok = false;
    }
    return {
      status: ok ? 'ok' : 'degraded',
      database: { type: this.config.database.type, ok },
      version: VERSION,
    };
  }
}
