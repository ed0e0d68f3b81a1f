import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../../src/config/app-config';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { serializeTransactions } from '../../src/database/serialized-transactions';

/** The engine this run tests: set by scripts/test-db.mjs. */
export function testDatabaseConfig(): DatabaseConfig {
  if (process.env.TEST_DB === 'mysql') {
    const url = process.env.TEST_MYSQL_URL;
    if (!url)
      throw new Error('TEST_MYSQL_URL is not set: run the db tests through scripts/test-db.mjs');
    return { type: 'mysql', location: url };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zgd-db-'));
  return { type: 'sqlite', location: path.join(dir, 'test.sqlite') };
}

/** An empty database with every migration applied. MySQL's throwaway database is emptied first. */
export async function freshDatabase(config = testDatabaseConfig()): Promise<DataSource> {
  const ds = serializeTransactions(new DataSource(dataSourceOptions(config)));
  await ds.initialize();
  await ds.dropDatabase();
  await ds.runMigrations({ transaction: 'each' });
  return ds;
}
