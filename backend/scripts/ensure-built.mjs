// Builds what the command line and benchmarks run, when it is missing or stale: shared-types
// (if any source is newer than its build) and the backend (tsc -b is incremental). Output goes
// to stderr so that `pnpm -s cli reconcile DIR` prints only its JSON on stdout.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const here = import.meta.dirname;
const shared = resolve(here, '../../shared-types');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

function run(args, cwd) {
  const r = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const built = join(shared, 'dist/cjs/index.js');
if (!existsSync(built) || statSync(built).mtimeMs < newestMtime(join(shared, 'src'))) {
  run([join(shared, 'scripts/build.mjs')], shared);
}
run([tsc, '-b', 'tsconfig.build.json'], resolve(here, '..'));
