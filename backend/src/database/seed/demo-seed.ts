import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeDemoBatch } from '../../cli/demo-data/demo-batch';
import { JOB_QUEUE, type JobQueue } from '../../common/jobs/job-queue';
import type { JsonLogger } from '../../common/logging/json-logger';
import { seedDemoUsers } from '../../modules/auth';
import { toBatchFiles } from '../../modules/imports/batch-files';
import { ImportsService } from '../../modules/imports/imports.service';
import { AppSetting } from '../app-setting.entity';

/** The contract's worked examples: the demo entity and tenant accounts belong to them. */
export const WORKED_EXAMPLES_DIR = join(__dirname, '../../../test/fixtures/reconciliation');

/** A year of a realistic city: 60 charging entities, about one in five overcharging. */
export const DEMO_BATCH = { entities: 60, months: 12, seed: 20251, start: '2025-01' };

const SEEDED_KEY = 'demo.seeded_at';

/**
 * Fills an empty embedded database with demo data on first start: the demo accounts, the
 * worked examples and a generated batch, each imported and reconciled exactly as a real
 * delivery would be. Runs once; a second start finds the marker and reuses the data.
 */
export async function seedDemoData(
  app: INestApplicationContext,
  logger: JsonLogger,
): Promise<void> {
  const ds = app.get(DataSource);
  if (await ds.getRepository(AppSetting).existsBy({ key: SEEDED_KEY })) return;
  const started = Date.now();
  await seedDemoUsers(ds);
  const folders = readdirSync(WORKED_EXAMPLES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(WORKED_EXAMPLES_DIR, d.name))
    .sort();
  const generated = mkdtempSync(join(tmpdir(), 'zgd-demo-'));
  try {
    writeDemoBatch({ out: generated, ...DEMO_BATCH });
    for (const dir of [...folders, generated]) await importFolder(app, dir);
  } finally {
    rmSync(generated, { recursive: true, force: true });
  }
  await ds.getRepository(AppSetting).save({
    key: SEEDED_KEY,
    value: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
  });
  logger.log({ msg: 'demo data seeded', ms: Date.now() - started }, 'DemoSeed');
}

async function importFolder(app: INestApplicationContext, dir: string): Promise<void> {
  const uploads = readdirSync(dir)
    .filter((n) => n.endsWith('.csv'))
    .map((name) => ({ name, data: readFileSync(join(dir, name)) }));
  const { files, errors } = await toBatchFiles(uploads);
  if (errors.length) throw new Error(`demo batch ${dir}: ${JSON.stringify(errors)}`);
  const { batch, runJobId } = await app.get(ImportsService).importFiles(files, {
    source: 'cli',
    providerId: null,
    onlyEntityId: null,
  });
  if (batch.status !== 'imported')
    throw new Error(`demo batch ${dir} was ${batch.status}: ${batch.errors}`);
  if (runJobId) {
    const run = await app.get<JobQueue>(JOB_QUEUE).waitFor(runJobId, 10 * 60_000);
    if (run.status !== 'done')
      throw new Error(`demo reconciliation failed: ${JSON.stringify(run.error)}`);
  }
}
