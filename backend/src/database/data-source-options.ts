import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * The same entities and migrations on both engines. SQLite is the embedded default; MySQL
 * (or a MySQL-compatible database such as TiDB) is production. Never `synchronize`.
 */
export function dataSourceOptions(db: DatabaseConfig): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: false,
  } as const;
  if (db.type === 'mysql') {
    return {
      ...common,
      type: 'mysql',
      url: db.location,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      // Money and quantities are BIGINT (fen, milli-kWh): read them as strings, never floats.
      supportBigNumbers: true,
      bigNumberStrings: true,
      extra: { connectionLimit: 10 },
    };
  }
  fs.mkdirSync(path.dirname(db.location), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: db.location,
    prepareDatabase: (conn: { pragma(s: string): unknown }) => {
      conn.pragma('journal_mode = WAL');
      conn.pragma('foreign_keys = ON');
      conn.pragma('busy_timeout = 5000');
    },
  };
}
