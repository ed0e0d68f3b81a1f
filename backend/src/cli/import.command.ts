import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { JOB_QUEUE, type JobQueue } from '../common/jobs/job-queue';
import { JsonLogger } from '../common/logging/json-logger';
import { loadConfig } from '../config/app-config';
import { toBatchFiles } from '../modules/imports/batch-files';
import { ImportsService, toView } from '../modules/imports/imports.service';
import { ExitCode, parseArgs, resolveUserPath, UsageError, type CliCommand } from './cli-command';

const RUN_TIMEOUT_MS = 30 * 60_000;

/**
 * `import DIR`: stores a batch folder (CSV or .xlsx files named as in the contract) in the
 * configured database (DATABASE_URL, else the embedded SQLite file), then waits for the
 * reconciliation run it triggers. Prints the batch as JSON; an invalid batch exits 2.
 */
export const importCommand: CliCommand = {
  name: 'import',
  usage: 'import DIR        导入批次到数据库 / store a batch in the database',
  async run(args, io) {
    const { positional } = parseArgs(args, []);
    if (positional.length !== 1)
      throw new UsageError('需要一个批次目录 / expected one batch folder');
    const dir = resolveUserPath(positional[0]);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      io.stderr(`找不到批次目录 / no such folder: ${dir}\n`);
      return ExitCode.NO_INPUT;
    }
    const uploads = readdirSync(dir)
      .filter((name) => /\.(csv|xlsx)$/i.test(name))
      .sort()
      .map((name) => ({ name, data: readFileSync(join(dir, name)) }));
    const { files, errors } = await toBatchFiles(uploads);
    if (errors.length) {
      for (const e of errors) io.stderr(`${e.file ?? dir}: ${e.code} ${e.message}\n`);
      return ExitCode.INVALID_BATCH;
    }
    const config = loadConfig(process.env);
    // Logs go to stderr: stdout carries only the JSON result.
    const logger = new JsonLogger(config.logLevel, (line) => process.stderr.write(line + '\n'));
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, logger), {
      logger,
    });
    try {
      await app.init();
      logger.emit(
        'info',
        { msg: 'importing', dir, files: files.map((f) => f.name) },
        'ImportCommand',
      );
      const { batch, runJobId } = await app.get(ImportsService).importFiles(files, {
        source: 'cli',
        providerId: null,
        onlyEntityId: null,
      });
      const view = toView(batch);
      if (view.status === 'rejected') {
        for (const e of view.errors)
          io.stderr(
            `${e.file}:${e.line} ${e.column ?? '-'} ${JSON.stringify(e.value ?? '')} ${e.code} ${e.message}\n`,
          );
        return ExitCode.INVALID_BATCH;
      }
      const run = runJobId
        ? await app.get<JobQueue>(JOB_QUEUE).waitFor(runJobId, RUN_TIMEOUT_MS)
        : null;
      io.stdout(
        JSON.stringify(
          { batch: view, run: run && { status: run.status, result: run.result, error: run.error } },
          null,
          2,
        ) + '\n',
      );
      return run?.status === 'failed' ? ExitCode.SOFTWARE : ExitCode.OK;
    } finally {
      await app.close();
    }
  },
};
