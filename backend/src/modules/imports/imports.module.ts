import * as path from 'node:path';
import { Module } from '@nestjs/common';
import { BLOB_STORE, LocalDiskBlobStore } from '../../common/storage/blob-store';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ReconciliationModule } from '../reconciliation/reconciliation.module';
import { ImportsController } from './imports.controller';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';

@Module({
  imports: [ReconciliationModule],
  controllers: [ImportsController],
  providers: [
    ImportsRepository,
    ImportsService,
    {
      provide: BLOB_STORE,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => new LocalDiskBlobStore(path.join(c.dataDir, 'files')),
    },
  ],
  exports: [ImportsService],
})
export class ImportsModule {}
