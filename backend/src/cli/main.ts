import { auditCommand } from './audit.command';
import { ExitCode, UsageError, type CliCommand, type CliIo } from './cli-command';
import { demoDataCommand } from './demo-data.command';
import { importCommand } from './import.command';
import { reconcileCommand } from './reconcile.command';

/**
 * The command line: `node dist/cli/main.js <command> [args]`. Each subcommand lives in its own
 * `*.command.ts`; add new ones to COMMANDS.
 */
const COMMANDS: readonly CliCommand[] = [
  reconcileCommand,
  demoDataCommand,
  importCommand,
  auditCommand,
];

function usage(): string {
  const lines = COMMANDS.map((command) => `  ${command.usage}`);
  return `用法 / usage: pnpm -s cli <command> [options]\n${lines.join('\n')}\n`;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command === undefined) {
    io.stderr(
      name === undefined || name === '--help'
        ? usage()
        : `未知命令 / unknown command: ${name}\n${usage()}`,
    );
    return name === '--help' ? ExitCode.OK : ExitCode.USAGE;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`参数错误 / ${error.message}\n用法 / usage: pnpm -s cli ${command.usage}\n`);
    return ExitCode.USAGE;
  }
}

if (require.main === module) {
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `内部错误 / internal error: ${error instanceof Error ? error.stack : String(error)}\n`,
      );
      process.exitCode = ExitCode.SOFTWARE;
    },
  );
}
