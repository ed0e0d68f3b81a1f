import type { ReportAnswer } from '@zgd/shared-types';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../src/modules/audit';
import { CASES_CLOCK, type CaseClock } from '../src/modules/cases/case-clock';
import { loginAs, type TestSession } from './support/auth';
import { fixture, folderUploads, importUploads } from './support/batches';
import { startTestApp, type TestApp } from './support/test-app';
import { refuseWarningClues } from './support/warning-clues';

// Fixture 02: the demo tenant's premises in 闵行, billed by one industrial park.
const ACCOUNT = '3100000002';
const N = 60;

describe(`concurrent reports into one open case on ${process.env.TEST_DB ?? 'sqlite'}`, () => {
  let t: TestApp;
  let ds: DataSource;
  let tenant: TestSession;

  beforeAll(async () => {
    t = await startTestApp();
    await importUploads(t.app, folderUploads(fixture('02-fixed-price-and-basic-fee')));
    await refuseWarningClues(t);
    t.app.get<CaseClock>(CASES_CLOCK).now = () => new Date('2026-06-01T10:00:00+08:00');
    ds = t.app.get(DataSource);
    tenant = await loginAs(t, 'tenant');
  });
  afterAll(async () => {
    await t?.close();
  });

  const report = async (key: string) => {
    const res = await fetch(`${t.baseUrl}/api/reports`, {
      method: 'POST',
      headers: { ...tenant.headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        idempotencyKey: key,
        accountNo: ACCOUNT,
        periods: ['2025-03', '2025-04'],
        description: '按每度 1.2 元收费，另收基础电费',
        realName: false,
      }),
    });
    const text = await res.text();
    return { key, status: res.status, text, answer: JSON.parse(text) as ReportAnswer };
  };

  it('answers every one 2xx, stores one report per key and keeps the case timeline gapless', async () => {
    const first = await report('concurrent-first');
    expect(first.status, first.text).toBe(201);
    // Every seventh key is sent twice, side by side: the two race for the same key.
    const keys: string[] = [];
    for (let k = 0; keys.length < N; k++) {
      keys.push(`concurrent-${k}`);
      if (k % 7 === 0) keys.push(`concurrent-${k}`);
    }
    const distinct = new Set(keys).size;
    expect(distinct).toBeLessThan(N);

    const answers = await Promise.all(keys.map(report));

    for (const a of answers) expect([200, 201], `${a.key}: ${a.text}`).toContain(a.status);
    for (const a of answers) expect(a.answer.caseNumber).toBe(first.answer.caseNumber);
    // A repeated key answers with the report its first send stored.
    const idsByKey = new Map<string, Set<string>>();
    for (const a of answers)
      idsByKey.set(a.key, (idsByKey.get(a.key) ?? new Set()).add(a.answer.reportId));
    expect([...idsByKey.values()].every((ids) => ids.size === 1)).toBe(true);
    expect(answers.filter((a) => a.status === 201)).toHaveLength(distinct);

    const [stored] = await ds.query(
      "SELECT COUNT(*) AS n FROM case_report WHERE idempotency_key LIKE 'concurrent-%' AND idempotency_key <> 'concurrent-first'",
    );
    expect(Number(stored.n)).toBe(distinct);

    const [c] = await ds.query('SELECT id, version FROM enforcement_case WHERE number = ?', [
      first.answer.caseNumber,
    ]);
    const events: { seq: number; action: string }[] = await ds.query(
      'SELECT seq, action FROM case_event WHERE case_id = ? ORDER BY seq',
      [c.id],
    );
    expect(events.map((e) => Number(e.seq))).toEqual(events.map((_, i) => i + 1));
    expect(events.filter((e) => e.action === 'merge')).toHaveLength(distinct);
    const reportIds = JSON.parse(
      (await ds.query('SELECT model FROM enforcement_case WHERE id = ?', [c.id]))[0].model,
    ).reportIds as string[];
    expect(reportIds).toHaveLength(distinct + 1);
    expect(new Set(reportIds).size).toBe(distinct + 1);
    expect(await t.app.get(AuditService).verify()).toMatchObject({ ok: true });
  });

  it('lists the reports a page at a time, each with its own merge and none of the others', async () => {
    const get = async (query: string) => {
      const res = await fetch(`${t.baseUrl}/api/me/reports${query}`, { headers: tenant.headers });
      return {
        status: res.status,
        json: (await res.json()) as { reportId: string; timeline: { action: string }[] }[],
      };
    };
    const [stored] = await ds.query(
      "SELECT COUNT(*) AS n FROM case_report WHERE idempotency_key LIKE 'concurrent-%'",
    );
    const seen: string[] = [];
    for (let offset = 0; ; offset += 20) {
      const page = await get(`?limit=20&offset=${offset}`);
      expect(page.status).toBe(200);
      for (const r of page.json as {
        reportId: string;
        timeline: { action: string }[];
      }[]) {
        seen.push(r.reportId);
        const actions = r.timeline.map((e) => e.action);
        expect(actions[0]).toBe('register');
        // The first report registered the case; every later one shows its own merge only.
        expect(actions.filter((a) => a === 'merge').length).toBeLessThanOrEqual(1);
      }
      if (page.json.length < 20) break;
    }
    expect(seen).toHaveLength(Number(stored.n));
    expect(new Set(seen).size).toBe(seen.length);
    const merged = (await get('?limit=200')).json as { timeline: { action: string }[] }[];
    expect(merged.filter((r) => r.timeline.some((e) => e.action === 'merge'))).toHaveLength(
      seen.length - 1,
    );
    expect((await get('')).json).toHaveLength(50);
    expect((await get('?limit=0')).status).toBe(400);
    expect((await get('?offset=-1')).status).toBe(400);
  });
});
