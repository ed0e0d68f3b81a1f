// Builds the wire contracts twice, as ES modules (front ends) and CommonJS (backend), and marks
// the CommonJS folder as such. Compiler output goes to stderr, so callers can keep stdout clean.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

for (const config of ['tsconfig.esm.json', 'tsconfig.cjs.json']) {
  const r = spawnSync(process.execPath, [tsc, '-p', config], {
    cwd: root,
    stdio: ['ignore', 2, 2],
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
writeFileSync(join(root, 'dist/cjs/package.json'), '{"type":"commonjs"}');
