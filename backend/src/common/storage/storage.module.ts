import * as path from 'node:path';
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { BLOB_STORE, LocalDiskBlobStore } from './blob-store';

/** The one blob store of the app (local disk under DATA_DIR/files unless replaced). */
@Global()
@Module({
  providers: [
    {
      provide: BLOB_STORE,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => new LocalDiskBlobStore(path.join(c.dataDir, 'files')),
    },
  ],
  exports: [BLOB_STORE],
})
export class StorageModule {}
