import { resolve } from 'node:path';

/** Exit codes (BSD sysexits where one fits). */
export const ExitCode = {
  OK: 0,
  /** The batch was read and is invalid; its errors are on stderr. */
  INVALID_BATCH: 2,
  USAGE: 64,
  NO_INPUT: 66,
  SOFTWARE: 70,
} as const;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** A subcommand: gets its arguments (without its name) and returns the exit code. */
export interface CliCommand {
  name: string;
  /** One usage line, Chinese then English. */
  usage: string;
  run(args: readonly string[], io: CliIo): number | Promise<number>;
}

export class UsageError extends Error {}

/**
 * A path the user typed, resolved against the directory they ran pnpm from: `pnpm cli` runs
 * the script in backend/, and pnpm passes the original directory as INIT_CWD.
 */
export function resolveUserPath(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

/** Splits `--name value` options from positional arguments; unknown options are usage errors. */
export function parseArgs(
  args: readonly string[],
  known: readonly string[],
): { positional: string[]; options: Map<string, string> } {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (!known.includes(name)) throw new UsageError(`未知选项 / unknown option --${name}`);
    const value = inline ?? args[++i];
    if (value === undefined) throw new UsageError(`--${name} 缺少取值 / --${name} needs a value`);
    options.set(name, value);
  }
  return { positional, options };
}
