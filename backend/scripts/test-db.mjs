// Runs the database tests twice: on SQLite (a temp file per test file) and on MySQL/MariaDB
// (a throwaway database per run, dropped afterwards). MYSQL_URL points at the server.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const mysql = require('mysql2/promise');
const server = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
// Optional first argument: sqlite | mysql; the rest go to vitest (e.g. a test file).
const only = ['sqlite', 'mysql'].includes(process.argv[2]) ? process.argv[2] : undefined;
const extra = process.argv.slice(only ? 3 : 2);

function vitest(engine, env) {
  console.log(`\n=== database tests on ${engine} ===`);
  const r = spawnSync('npx', ['vitest', 'run', '--project', 'db', ...extra], {
    stdio: 'inherit',
    env: { ...process.env, TEST_DB: engine, ...env },
  });
  return r.status ?? 1;
}

// Some tests run the command line as a child process: build it first (incremental, quick).
if (spawnSync('npx', ['tsc', '-b', 'tsconfig.build.json'], { stdio: 'inherit' }).status !== 0)
  process.exit(1);

let failed = 0;
if (!only || only === 'sqlite') failed += vitest('sqlite', {});
if (!only || only === 'mysql') {
  const name = `zgd_test_${Date.now()}_${process.pid}`;
  const admin = await mysql.createConnection(server);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  try {
    failed += vitest('mysql', { TEST_MYSQL_URL: `${server.replace(/\/$/, '')}/${name}` });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
  }
}
process.exit(failed ? 1 : 0);
