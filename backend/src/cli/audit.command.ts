import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source-options';
import { AuditRepository } from '../modules/audit/audit.repository';
import { verifyAuditLog } from '../modules/audit/audit.service';
import { ExitCode, parseArgs, UsageError, type CliCommand } from './cli-command';

/** The log does not verify: something altered, inserted or deleted entries. */
const TAMPERED = 1;

/**
 * `audit verify`: checks the configured database's audit log (DATABASE_URL, else the embedded
 * SQLite file) against its hash chain and head. Read-only: it opens the database without
 * running migrations. Exit 0 when intact, 1 with every problem found.
 */
export const auditCommand: CliCommand = {
  name: 'audit',
  usage: 'audit verify       校验审计日志的哈希链 / verify the audit log hash chain',
  async run(args, io) {
    const { positional } = parseArgs(args, []);
    if (positional.length !== 1 || positional[0] !== 'verify')
      throw new UsageError('需要子命令 verify / expected: audit verify');
    const { database } = loadConfig(process.env);
    if (database.type === 'sqlite' && !existsSync(database.location)) {
      io.stderr(`找不到数据库 / no database at ${database.location}\n`);
      return ExitCode.NO_INPUT;
    }
    const ds = new DataSource(dataSourceOptions(database));
    await ds.initialize();
    try {
      const repo = new AuditRepository();
      if (!(await repo.hasLog(ds.manager))) {
        io.stderr(
          '数据库中没有审计日志表，请先迁移 / no audit_log table: run the migrations first\n',
        );
        return ExitCode.NO_INPUT;
      }
      const verdict = await verifyAuditLog(ds, repo);
      if (verdict.ok) {
        io.stdout(`审计日志完整 / audit log intact: ${verdict.count} entries\n`);
        return ExitCode.OK;
      }
      for (const problem of verdict.problems)
        io.stdout(`seq ${problem.seq}: ${problem.kind} — ${problem.message}\n`);
      io.stderr(
        `审计日志被篡改 / audit log tampered: ${verdict.problems.length} problem(s) in ${verdict.count} entries\n`,
      );
      return TAMPERED;
    } finally {
      await ds.destroy();
    }
  },
};
