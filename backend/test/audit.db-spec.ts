import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseConfig } from '../src/config/app-config';
import { dataSourceOptions } from '../src/database/data-source-options';
import { AuditRepository } from '../src/modules/audit/audit.repository';
import { AuditService, verifyAuditLog } from '../src/modules/audit/audit.service';
import { entryHash, type AuditEntryInput } from '../src/modules/audit/domain/audit-chain';
import { freshDatabase, testDatabaseConfig } from './support/test-database';

const CLI = join(__dirname, '../dist/cli/main.js');
const engine = process.env.TEST_DB ?? 'sqlite';

const entry = (i: number): AuditEntryInput => ({
  actorUserId: 100 + i,
  actorRole: 'district_officer',
  action: 'case.assign',
  subjectType: 'case',
  subjectId: `C-${i}`,
  details: { assigneeUserId: i, periods: ['2025-03', '2025-04'], refunded: `${i}.50` },
  at: new Date(Date.UTC(2025, 6, 1, 2, 0, 0, 750) + i * 1000),
});

/** Runs `cli audit verify` against the test database. */
function verifyCli(url: string) {
  const run = spawnSync(process.execPath, [CLI, 'audit', 'verify'], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const rows = (ds: DataSource) =>
  ds.query('SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq') as Promise<
    Array<{ seq: number | string; prev_hash: string; hash: string }>
  >;

describe(`the audit log on ${engine}`, () => {
  let config: DatabaseConfig;
  let url: string;
  let ds: DataSource;
  let audit: AuditService;
  const extra: DataSource[] = [];

  beforeEach(async () => {
    config = testDatabaseConfig();
    url = config.type === 'mysql' ? config.location : `sqlite:${config.location}`;
    ds = await freshDatabase(config);
    audit = new AuditService(ds, new AuditRepository());
  });

  afterEach(async () => {
    for (const other of extra.splice(0)) await other.destroy();
    await ds.destroy();
  });

  it('keeps one unbroken chain under 50 concurrent appends in separate transactions', async () => {
    // On MySQL, three more pools besides the app's, as other instances of the service would
    // be. Not on SQLite: better-sqlite3 waits for a lock synchronously, so a second connection
    // in the same process would wait on a transaction that cannot finish while it blocks.
    if (engine === 'mysql')
      for (let i = 0; i < 3; i++)
        extra.push(await new DataSource(dataSourceOptions(config)).initialize());
    const sources = [ds, ...extra];
    const services = sources.map((d) => new AuditService(d, new AuditRepository()));
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => {
        const k = i % sources.length;
        return i % 5 === 4
          ? services[k].append(entry(i))
          : services[k].transaction(async (m) => {
              // Work before and after the append keeps transactions open side by side.
              await pause(i % 7);
              const appended = await services[k].append(entry(i), m);
              await pause(i % 3);
              return appended;
            });
      }),
    );
    const stored = await rows(ds);
    expect(stored.map((r) => Number(r.seq))).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    stored.forEach((r, i) => i > 0 && expect(r.prev_hash).toBe(stored[i - 1].hash));
    expect(new Set(stored.map((r) => r.hash)).size).toBe(50);
    expect(await verifyAuditLog(ds)).toEqual({ ok: true, count: 50 });
  });

  it('stores what it hashed: whole seconds, details as canonical JSON', async () => {
    const appended = await audit.append(entry(1));
    expect(appended.at).toBe('2025-07-01T02:00:01.000Z');
    expect(appended.detailsJson).toBe(
      '{"assigneeUserId":1,"periods":["2025-03","2025-04"],"refunded":"1.50"}',
    );
    const [read] = await new AuditRepository().page(ds.manager, 0, 10);
    expect(read).toEqual(appended);
    const { detailsJson, hash: _hash, ...rest } = read;
    expect(entryHash({ ...rest, details: JSON.parse(detailsJson) })).toBe(read.hash);
  });

  it('commits an entry with the change it records, or not at all', async () => {
    await audit.append(entry(1));
    await expect(
      audit.transaction(async (m) => {
        await audit.append(entry(2), m);
        throw new Error('the audited change failed');
      }),
    ).rejects.toThrow('the audited change failed');
    // A transaction of the caller's own, not run through the service, works as well.
    await ds.transaction((m) => audit.append(entry(3), m));
    expect((await rows(ds)).map((r) => Number(r.seq))).toEqual([1, 2]);
    expect(await verifyAuditLog(ds)).toEqual({ ok: true, count: 2 });
  });

  it('refuses personal data and an EntityManager outside a transaction, writing nothing', async () => {
    await expect(
      audit.append({ ...entry(1), details: { reporterPhone: '13812345678' } }),
    ).rejects.toMatchObject({ code: 'AUDIT.PERSONAL_DATA' });
    await expect(audit.append(entry(1), ds.manager)).rejects.toThrow(/open transaction/);
    expect(await rows(ds)).toEqual([]);
    expect(await audit.verify()).toEqual({ ok: true, count: 0 });
  });

  describe('audit verify on the command line', () => {
    beforeEach(async () => {
      for (let i = 1; i <= 20; i++) await audit.append(entry(i));
    });

    it('passes an untouched log', () => {
      const run = verifyCli(url);
      expect(run.code, run.err).toBe(0);
      expect(run.out).toBe('审计日志完整 / audit log intact: 20 entries\n');
    });

    it('names an entry whose details were changed', async () => {
      await ds.query('UPDATE audit_log SET details = ? WHERE seq = ?', [
        '{"assigneeUserId":999}',
        7,
      ]);
      const run = verifyCli(url);
      expect(run.code).toBe(1);
      expect(run.out).toMatch(/^seq 7: altered — /);
      expect(run.out.trim().split('\n')).toHaveLength(1);
    });

    it('names a deleted entry', async () => {
      await ds.query('DELETE FROM audit_log WHERE seq = ?', [12]);
      const run = verifyCli(url);
      expect(run.code).toBe(1);
      expect(run.out).toMatch(/^seq 12: deleted — /);
      expect(run.out.trim().split('\n')).toHaveLength(1);
    });

    it('names the last entry when the tail is cut off', async () => {
      await ds.query('DELETE FROM audit_log WHERE seq = ?', [20]);
      const run = verifyCli(url);
      expect(run.code).toBe(1);
      expect(run.out).toMatch(/^seq 20: deleted — /);
    });

    it('names a forged entry inserted in the middle with the later ones shifted', async () => {
      // Shift seq 10… up by one in two steps: neither engine may pass through a duplicate key.
      await ds.query('UPDATE audit_log SET seq = seq + 1000000 WHERE seq >= 10');
      await ds.query('UPDATE audit_log SET seq = seq - 999999 WHERE seq >= 1000000');
      const [nine] = await ds.query('SELECT hash FROM audit_log WHERE seq = 9');
      // A forger who knows the scheme links it to entry 9 and hashes it correctly.
      const forged = {
        seq: 10,
        at: '2025-07-01T02:00:10.000Z',
        actorUserId: 1,
        actorRole: 'city_admin',
        action: 'case.close',
        subjectType: 'case',
        subjectId: 'C-FORGED',
        details: {},
        prevHash: nine.hash as string,
      };
      await ds.query(
        `INSERT INTO audit_log (seq, at, actor_user_id, actor_role, action, subject_type, subject_id, details, prev_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          10,
          '2025-07-01 02:00:10',
          1,
          'city_admin',
          'case.close',
          'case',
          'C-FORGED',
          '{}',
          forged.prevHash,
          entryHash(forged),
        ],
      );
      const run = verifyCli(url);
      expect(run.code).toBe(1);
      expect(run.out).toMatch(/^seq 10: inserted — /);
      expect(run.out.trim().split('\n')).toHaveLength(1);
    });
  });
});
