import { ExitCode, parseArgs, resolveUserPath, UsageError, type CliCommand } from './cli-command';
import { writeDemoBatch } from './demo-data/demo-batch';

const MAX_ENTITIES = 999_999; // accounts are 3101 + 6 digits

/** `demo-data --out DIR [--entities N] [--months M] [--seed S]`: a reproducible demo batch. */
export const demoDataCommand: CliCommand = {
  name: 'demo-data',
  usage:
    'demo-data --out DIR [--entities 50] [--months 12] [--seed 1]   生成演示批次 / write a deterministic demo batch',
  run(args, io) {
    const { positional, options } = parseArgs(args, ['out', 'entities', 'months', 'seed']);
    const out = options.get('out');
    if (out === undefined || positional.length > 0)
      throw new UsageError('需要 --out DIR / --out DIR is required');
    const summary = writeDemoBatch({
      out: resolveUserPath(out),
      entities: integerOption(options, 'entities', 50, 1, MAX_ENTITIES),
      months: integerOption(options, 'months', 12, 1, 120),
      seed: integerOption(options, 'seed', 1, 0, 2 ** 31 - 1),
    });
    io.stdout(
      `已生成 / wrote ${summary.entities} entities (${summary.violating} with a planted violation), ` +
        `${summary.gridLines} grid lines, ${summary.tenantLines} tenant lines, ${summary.ownUseRows} own-use rows\n`,
    );
    return ExitCode.OK;
  },
};

function integerOption(
  options: Map<string, string>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const text = options.get(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new UsageError(
      `--${name} 应为 ${min}–${max} 的整数 / --${name} must be an integer from ${min} to ${max}`,
    );
  }
  return value;
}
