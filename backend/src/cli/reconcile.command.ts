import { statSync } from 'node:fs';
import { formatBatchError } from '../modules/reconciliation/domain/batch/batch-errors';
import { readBatch } from '../modules/reconciliation/domain/batch/batch-reader';
import { toContractOutput } from '../modules/reconciliation/domain/contract-output';
import { DEFAULT_LOSS_CAP, reconcile } from '../modules/reconciliation/domain/engine';
import { parseFraction } from '../modules/reconciliation/domain/exact';
import { ExitCode, parseArgs, resolveUserPath, UsageError, type CliCommand } from './cli-command';
import { folderBatchSource } from './fs-batch-source';

/** `reconcile DIR [--loss-cap X]`: the contract's output (§5) on stdout, or the batch's errors. */
export const reconcileCommand: CliCommand = {
  name: 'reconcile',
  usage:
    'reconcile DIR [--loss-cap 0.10]   对账：读取批次文件夹，输出 JSON 结果 / reconcile a batch folder, print JSON',
  run(args, io) {
    const { positional, options } = parseArgs(args, ['loss-cap']);
    if (positional.length !== 1)
      throw new UsageError('需要一个批次文件夹 DIR / reconcile needs exactly one DIR');
    const lossCap = options.get('loss-cap') ?? DEFAULT_LOSS_CAP;
    const cap = parseFraction(lossCap);
    if (cap === null || cap.value > 10n ** BigInt(cap.scale)) {
      throw new UsageError(
        `--loss-cap 应为 0 到 1 之间的小数 / must be a fraction from 0 to 1, e.g. 0.10 (got ${lossCap})`,
      );
    }
    const dir = resolveUserPath(positional[0]);
    if (!isDirectory(dir)) {
      io.stderr(`找不到批次文件夹 / no such directory: ${dir}\n`);
      return ExitCode.NO_INPUT;
    }
    const batch = readBatch(folderBatchSource(dir));
    if (!batch.ok) {
      io.stderr(batch.errors.map((error) => `${formatBatchError(error)}\n`).join(''));
      return ExitCode.INVALID_BATCH;
    }
    // The contract output needs no per-month sheets: skipping them halves time and memory.
    const output = toContractOutput(reconcile(batch.input, { lossCap, sheets: false }));
    io.stdout(`${JSON.stringify(output, null, 2)}\n`);
    return ExitCode.OK;
  },
};

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
