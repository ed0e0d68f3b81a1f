import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDemoBatch } from '../cli/demo-data/demo-batch';
import { benchPhases, type PhaseName, type PhaseResult } from './bench-phases';
import { numberArg } from './bench-args';

/**
 * `pnpm bench:reconcile`: writes a ~1,000,000-tenant-line demo batch to a temporary folder,
 * then times each phase in a fresh child process (so peak RSS is per phase) against the
 * baseline of only reading and parsing the same files.
 *
 *   node dist/bench/reconcile.bench.js [--entities 5900] [--months 12]
 */
const GOAL_LINES_PER_SECOND = 100_000;
const GOAL_RATIO = 2;
const GOAL_RSS_MB = 1024;

const PHASES: { name: PhaseName; label: string }[] = [
  { name: 'csv', label: 'baseline: read + CSV parse' },
  { name: 'typed', label: 'read + parse to typed rows' },
  { name: 'reconcile', label: 'reconcile (CLI path)' },
  { name: 'sheets', label: 'reconcile + month sheets' },
];

function main(): void {
  const [flag, phase, dir] = process.argv.slice(2);
  if (flag === '--phase') {
    process.stdout.write(JSON.stringify(benchPhases[phase as PhaseName](dir)));
    return;
  }
  const entities = numberArg('--entities', 5900);
  const months = numberArg('--months', 12);
  const dirPath = mkdtempSync(join(tmpdir(), 'zgd-bench-'));
  try {
    const started = process.hrtime.bigint();
    const summary = writeDemoBatch({ out: dirPath, entities, months, seed: 2025 });
    const generated = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(
      `batch: ${entities} entities × ${months} months, ${summary.tenantLines} tenant lines, ` +
        `${summary.gridLines} grid lines (generated in ${generated.toFixed(1)} s, ${dirPath})`,
    );
    const results = PHASES.map(({ name }) => runPhase(name, dirPath));
    printTable(results);
    printGoals(results);
  } finally {
    rmSync(dirPath, { recursive: true, force: true });
  }
}

function runPhase(name: PhaseName, dir: string): PhaseResult {
  const child = spawnSync(process.execPath, [__filename, '--phase', name, dir], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`phase ${name} failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as PhaseResult;
}

function printTable(results: PhaseResult[]): void {
  const baseline = results[0].seconds;
  const rows = results.map((r, i) => [
    PHASES[i].label,
    String(r.lines),
    r.seconds.toFixed(2),
    Math.round(r.lines / r.seconds).toLocaleString('en-US'),
    String(r.peakRssMb),
    `${(r.seconds / baseline).toFixed(2)}×`,
  ]);
  const header = ['phase', 'lines', 'seconds', 'lines/s', 'peak RSS MB', 'vs baseline'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  for (const row of [header, ...rows]) {
    console.log(
      row
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
        .join('  '),
    );
  }
}

function printGoals(results: PhaseResult[]): void {
  const [csv, typed, reconcile] = results;
  const check = (ok: boolean, text: string) => console.log(`${ok ? 'PASS' : 'MISS'}  ${text}`);
  const rate = reconcile.lines / reconcile.seconds;
  check(
    rate >= GOAL_LINES_PER_SECOND,
    `≥ ${GOAL_LINES_PER_SECOND.toLocaleString('en-US')} lines/s end to end: ${Math.round(rate).toLocaleString('en-US')}`,
  );
  check(
    reconcile.seconds <= GOAL_RATIO * csv.seconds,
    `reconcile ≤ ${GOAL_RATIO}× CSV parse: ${(reconcile.seconds / csv.seconds).toFixed(2)}×`,
  );
  check(
    reconcile.seconds <= GOAL_RATIO * typed.seconds,
    `reconcile ≤ ${GOAL_RATIO}× typed parse: ${(reconcile.seconds / typed.seconds).toFixed(2)}×`,
  );
  check(
    reconcile.peakRssMb < GOAL_RSS_MB,
    `peak RSS < ${GOAL_RSS_MB} MB: ${reconcile.peakRssMb} MB`,
  );
}

main();
