import type { INestApplication } from '@nestjs/common';
import { JsonLogger } from '../../src/common/logging/json-logger';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { createApp } from '../../src/main';
import { freshDatabase, testDatabaseConfig } from './test-database';

export interface TestApp {
  app: INestApplication;
  baseUrl: string;
  config: AppConfig;
  logs: string[];
  close(): Promise<void>;
}

/** The real application over real HTTP on a free port, on a freshly migrated test database. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = testDatabaseConfig();
  await (await freshDatabase(database)).destroy();
  const url = database.type === 'mysql' ? database.location : `sqlite:${database.location}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    SEED_DEMO_DATA: 'false',
    DATABASE_URL: url,
    ...env,
  });
  const logs: string[] = [];
  const logger = new JsonLogger('debug', (line) => logs.push(line));
  const app = await createApp(config, logger);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    config,
    logs,
    close: () => app.close(),
  };
}
