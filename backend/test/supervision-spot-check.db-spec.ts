import type { CreditAssessmentView, DrawView } from '@zgd/shared-types';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES_CLOCK, type CaseClock } from '../src/modules/cases/case-clock';
import { SettingsService } from '../src/modules/settings/settings.service';
import {
  SUPERVISION_CLOCK,
  type SupervisionClock,
} from '../src/modules/supervision/supervision-scope';
import { loginAs, loginAsNewUser, type TestSession } from './support/auth';
import { fixture, folderUploads, importUploads } from './support/batches';
import { startTestApp, type TestApp } from './support/test-app';

// Fixture 02: a 闵行 park (310112) found red for 2025-03…06; the run opens one clue for them.
const ENTITY = '91310112YUYU122BX0';
const RED_MONTHS = ['2025-03', '2025-04', '2025-05', '2025-06'];

describe(`a spot check's violation on ${process.env.TEST_DB ?? 'sqlite'}`, () => {
  let t: TestApp;
  let ds: DataSource;
  let lead: TestSession;
  let admin: TestSession;
  let officers: TestSession[] = [];
  const day = { now: new Date('2026-06-01T10:00:00+08:00') };

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    t.app.get<CaseClock>(CASES_CLOCK).now = () => day.now;
    t.app.get<SupervisionClock>(SUPERVISION_CLOCK).now = () => day.now;
    await importUploads(t.app, folderUploads(fixture('02-fixed-price-and-basic-fee')));
    admin = await loginAs(t, 'admin');
    lead = await loginAsNewUser(t, { role: 'district_lead', districtCode: '310112' });
    // 闵行's roster: the demo officers and one more.
    officers = [
      await loginAs(t, 'minhang'),
      await loginAs(t, 'minhang-2'),
      await loginAs(t, 'minhang-3'),
      await loginAsNewUser(t, { role: 'district_officer', districtCode: '310112' }),
    ];
    // Every class is checked, so each draw below names the entity.
    for (const c of ['A', 'B', 'C', 'D'] as const)
      await t.app.get(SettingsService).set(`draw.ratio.${c}`, '1');
  });
  afterAll(async () => {
    await t?.close();
  });

  const call = async (s: TestSession, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${t.baseUrl}/api${path}`, {
      method,
      headers: { ...s.headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, text, json: text ? JSON.parse(text) : null };
  };
  const ok = async (s: TestSession, method: string, path: string, body?: unknown) => {
    const r = await call(s, method, path, body);
    expect(r.status, r.text).toBeLessThan(300);
    return r.json;
  };
  const casesOfEntity = async () =>
    (await ds.query(
      'SELECT id, number, periods, source FROM enforcement_case WHERE entity_id = ? ORDER BY number',
      [ENTITY],
    )) as { id: string; number: string; periods: string; source: string }[];
  const credit = async () =>
    (await ok(admin, 'GET', `/supervision/credit/${ENTITY}`)) as CreditAssessmentView[];
  const spotPoints = (a: CreditAssessmentView) =>
    a.factors.find((f) => f.code === 'SPOT_CHECKS')?.points;
  /** A fresh draw in 310112 and the path to record the entity's result by one of its inspectors. */
  const drawn = async (plannedDate: string) => {
    const draw = (await ok(lead, 'POST', '/supervision/draws', {
      districtCode: '310112',
      plannedDate,
    })) as DrawView;
    const item = draw.items.find((i) => i.entityId === ENTITY)!;
    const inspector = officers.find((s) => s.user.userId === item.inspectors[0].userId)!;
    return { draw, item, inspector, path: `/supervision/draws/${draw.id}/items/${item.id}/result` };
  };

  it('starts with the clue of the red months and no spot-check points', async () => {
    const cases = await casesOfEntity();
    expect(cases).toHaveLength(1);
    expect(JSON.parse(cases[0].periods)).toEqual(RED_MONTHS);
    const [now] = await credit();
    expect(spotPoints(now)).toBe(0);
  });

  it('refuses supply months with a result other than a violation, storing nothing', async () => {
    const { path, inspector } = await drawn('2026-06-10');
    const r = await call(inspector, 'POST', path, { outcome: 'compliant', periods: ['2026-05'] });
    expect(r.status).toBe(400);
    expect(r.json.details[0]).toMatchObject({ path: 'body.periods' });
    expect(r.json.details[0].message).toContain('所涉月份');
    const bad = await call(inspector, 'POST', path, { outcome: 'violation', periods: ['2026-13'] });
    expect(bad.status).toBe(400);
    const stored = await ds.query('SELECT outcome FROM spot_check_item WHERE entity_id = ?', [
      ENTITY,
    ]);
    expect(stored.map((x: { outcome: string | null }) => x.outcome)).toEqual([null]);
  });

  it('records a compliant check without a clue or credit points', async () => {
    const second = await drawn('2026-06-11');
    const done = (await ok(second.inspector, 'POST', second.path, {
      outcome: 'compliant',
    })) as DrawView;
    expect(done.items[0]).toMatchObject({ outcome: 'compliant', case: null });
    expect(await casesOfEntity()).toHaveLength(1);
    expect(spotPoints((await credit())[0])).toBe(0);
  });

  it('opens one clue in the district queue for a violation in months no case covers', async () => {
    const before = (await credit())[0];
    const { path, inspector } = await drawn('2026-06-12');
    const done = (await ok(inspector, 'POST', path, {
      outcome: 'violation',
      note: '现场按每度 1.2 元收费',
    })) as DrawView;
    const cases = await casesOfEntity();
    expect(cases).toHaveLength(2);
    const clue = cases.find((c) => c.id === done.items[0].case?.id);
    expect(clue, 'the item names the new clue').toBeDefined();
    if (!clue) return;
    // The month of the check, since the inspector named none.
    expect(JSON.parse(clue.periods)).toEqual(['2026-06']);
    expect(clue.source).toBe('warning');
    expect(done.items[0].case).toEqual({ id: clue.id, number: clue.number });
    const queue = await ok(officers[0], 'GET', `/cases/${clue.id}`);
    expect(queue).toMatchObject({ districtCode: '310112', reportCount: 0 });
    // The class counts the violation (8) and the clue before 立案 (3), with a reason.
    const [now] = await credit();
    expect(now.trigger).toMatch(/^spot_check:\d+$/);
    expect(spotPoints(now)).toBe(8);
    expect(now.score).toBe(before.score + 8 + 3);
    expect(now.factors.find((f) => f.code === 'SPOT_CHECKS')?.explanation).toContain(
      '发现违法行为 1 次',
    );
    const audit = await ds.query(
      "SELECT details FROM audit_log WHERE action = 'spot_check.clue' ORDER BY seq",
    );
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].details)).toMatchObject({ outcome: 'open', caseId: clue.id });
  });

  it('never opens a duplicate of an open case covering the months found', async () => {
    const [warning] = (await casesOfEntity()).filter((c) => JSON.parse(c.periods).length === 4);
    const { path, inspector } = await drawn('2026-06-13');
    const done = (await ok(inspector, 'POST', path, {
      outcome: 'violation',
      periods: ['2025-04'],
    })) as DrawView;
    expect(await casesOfEntity()).toHaveLength(2);
    expect(done.items[0].case).toEqual({ id: warning.id, number: warning.number });
    const [now] = await credit();
    expect(spotPoints(now)).toBe(16);
  });

  it('publishes results without the case or the class', async () => {
    const res = await fetch(`${t.baseUrl}/api/public/spot-checks?district=310112`);
    const text = await res.text();
    expect(text).toContain('violation');
    expect(text).not.toMatch(/creditClass|"case"|沪转供/);
  });
});
