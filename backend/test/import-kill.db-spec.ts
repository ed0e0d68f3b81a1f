import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from './support/batches';
import { freshDatabase, testDatabaseConfig } from './support/test-database';

const CLI = join(__dirname, '../dist/cli/main.js');
const TABLES = [
  'import_batch',
  'charging_entity',
  'tariff',
  'grid_bill',
  'grid_bill_line',
  'tenant_charge_sheet',
  'tenant_charge_line',
  'own_use',
];

/** Runs `cli import DIR` against the test database; resolves when it exits or is killed. */
function importProcess(dir: string, url: string, killWhenStoring: boolean) {
  const child = spawn(process.execPath, [CLI, 'import', dir], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'info', SEED_DEMO_DATA: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let storingSeen = false;
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (killWhenStoring && !storingSeen && stderr.includes('"storing batch"')) {
      storingSeen = true;
      // Well inside the transaction: tens of thousands of rows take seconds to insert.
      setTimeout(() => child.kill('SIGKILL'), 300);
    }
  });
  return new Promise<{
    code: number | null;
    signal: string | null;
    stderr: string;
    storingSeen: boolean;
  }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stderr, storingSeen })),
  );
}

describe(`an import killed with SIGKILL on ${process.env.TEST_DB ?? 'sqlite'}`, () => {
  const config = testDatabaseConfig();
  const url = config.type === 'mysql' ? config.location : `sqlite:${config.location}`;
  let ds: DataSource;
  let dir: string;
  beforeAll(async () => {
    ds = await freshDatabase(config);
    dir = mkdtempSync(join(tmpdir(), 'zgd-kill-'));
    const gen = spawnSync(
      process.execPath,
      [CLI, 'demo-data', '--out', dir, '--entities', '250', '--months', '12', '--seed', '9'],
      {
        encoding: 'utf8',
      },
    );
    expect(gen.status, gen.stderr).toBe(0);
  });
  afterAll(async () => {
    await ds?.destroy();
  });

  it('leaves no part of the batch, and the same import then succeeds whole', async () => {
    const killed = await importProcess(dir, url, true);
    expect(killed.storingSeen, killed.stderr).toBe(true);
    expect(killed.signal).toBe('SIGKILL');
    for (const t of TABLES) expect(await count(ds, t), t).toBe(0);

    const again = await importProcess(dir, url, false);
    expect(again.code, again.stderr).toBe(0);
    expect(await count(ds, 'import_batch')).toBe(1);
    expect(await count(ds, 'tenant_charge_line')).toBeGreaterThan(40_000);
  }, 240_000);
});
