import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode, type CliIo } from './cli-command';
import { runCli } from './main';

const BACKEND = join(__dirname, '../..');
const FIXTURES = join(BACKEND, 'test/fixtures/reconciliation');
const FIXTURE_NAMES = [
  '01-clean-two-part',
  '02-fixed-price-and-basic-fee',
  '03-loss-own-use-and-tou',
];

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'zgd-cli-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of fixture 03 with one tenant_id's check character broken (line 5). */
function invalidBatch(): string {
  const dir = join(scratch, 'invalid');
  cpSync(join(FIXTURES, '03-loss-own-use-and-tou'), dir, { recursive: true });
  const path = join(dir, 'tenant_charges.csv');
  writeFileSync(
    path,
    readFileSync(path, 'utf8').replace(
      '91310110NFHTHFCL1H,租户2号商行,2025-08,energy',
      '91310110NFHTHFCL1J,租户2号商行,2025-08,energy',
    ),
  );
  return dir;
}

describe('reconcile DIR', () => {
  it.each(FIXTURE_NAMES)(
    'prints expected.json of %s as JSON.stringify(x, null, 2) and exits 0',
    async (name) => {
      const { code, stdout, stderr } = await run('reconcile', join(FIXTURES, name));
      const expected = readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8');
      expect(code).toBe(ExitCode.OK);
      expect(stderr).toBe('');
      expect(JSON.parse(stdout)).toEqual(JSON.parse(expected));
      expect(stdout).toBe(`${JSON.stringify(JSON.parse(expected), null, 2)}\n`);
    },
  );

  it('takes --loss-cap as a fraction', async () => {
    const { stdout } = await run(
      'reconcile',
      join(FIXTURES, '03-loss-own-use-and-tou'),
      '--loss-cap',
      '0.05',
    );
    // 5 % of 18832.34 = 941.617 → 941.62; 2300.00 − 941.62 = 1358.38.
    expect(JSON.parse(stdout).findings[0]).toMatchObject({
      type: 'LOSS_ABOVE_CAP',
      amount: '1358.38',
    });
  });

  it('prints every error of an invalid batch on stderr, one a line, and exits 2', async () => {
    const { code, stdout, stderr } = await run('reconcile', invalidBatch());
    expect(code).toBe(ExitCode.INVALID_BATCH);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'tenant_charges.csv:5 tenant_id "91310110NFHTHFCL1J" CSV.INVALID_USCC 统一社会信用代码校验位错误\n',
    );
  });

  it.each([
    [['reconcile']],
    [['reconcile', 'a', 'b']],
    [['reconcile', FIXTURES, '--loss-cap', 'ten']],
    [['reconcile', FIXTURES, '--loss-cap', '1.5']],
    [['reconcile', FIXTURES, '--cap', '0.1']],
    [['frobnicate']],
    [[]],
  ])('answers bad usage %j with a bilingual usage line and exit 64', async (argv) => {
    const { code, stderr } = await run(...argv);
    expect(code).toBe(ExitCode.USAGE);
    expect(stderr).toMatch(/用法 \/ usage: pnpm -s cli/);
  });

  it('exits 66 for a folder that does not exist', async () => {
    const { code, stderr } = await run('reconcile', join(scratch, 'nope'));
    expect(code).toBe(ExitCode.NO_INPUT);
    expect(stderr).toContain('no such directory');
  });
});

describe('the compiled command line, as a process', () => {
  const main = join(BACKEND, 'dist/cli/main.js');

  beforeAll(() => {
    // The `cli` script's own build step; incremental, so cheap when nothing changed.
    try {
      execFileSync(
        process.execPath,
        [require.resolve('typescript/bin/tsc'), '-b', 'tsconfig.build.json'],
        { cwd: BACKEND, stdio: 'pipe' },
      );
    } catch {
      // Type errors elsewhere in the backend still emit JavaScript; the checks below need only ours.
    }
  }, 180_000);

  it('prints fixture 03 and exits 0', () => {
    expect(existsSync(main)).toBe(true);
    const dir = join(FIXTURES, '03-loss-own-use-and-tou');
    const result = spawnSync(process.execPath, [main, 'reconcile', dir], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(
      JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')),
    );
  });

  it('exits 2 with the errors on stderr for an invalid batch', () => {
    const result = spawnSync(process.execPath, [main, 'reconcile', invalidBatch()], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
