import { Global, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { serializeTransactions } from './serialized-transactions';

/** Opens the database and brings its schema up to date before anything else runs. */
export async function openDatabase(config: AppConfig): Promise<DataSource> {
  const ds = serializeTransactions(new DataSource(dataSourceOptions(config.database)));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  return ds;
}

@Global()
@Module({
  providers: [{ provide: DataSource, inject: [APP_CONFIG], useFactory: openDatabase }],
  exports: [DataSource],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(private readonly dataSource: DataSource) {}

  /** Closes the pool: MySQL's open sockets would otherwise keep the process alive. */
  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
