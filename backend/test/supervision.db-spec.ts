import type {
  BlacklistEntryView,
  CreditAssessmentView,
  DrawView,
  EntityWarningsView,
} from '@zgd/shared-types';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES_CLOCK, type CaseClock } from '../src/modules/cases/case-clock';
import { ReconciliationService } from '../src/modules/reconciliation/reconciliation.service';
import { drawSpotChecks } from '../src/modules/supervision/domain/spot-check-draw';
import {
  SUPERVISION_CLOCK,
  type SupervisionClock,
} from '../src/modules/supervision/supervision-scope';
import { loginAs, loginAsNewUser, type TestSession } from './support/auth';
import { count, fixture, folderUploads, importUploads } from './support/batches';
import { startTestApp, type TestApp } from './support/test-app';

// Fixture 02: a 闵行 park (310112) billing two tenants a fixed price and a basic fee, 2025-03…06.
const ENTITY = '91310112YUYU122BX0';
const MONTHS = ['2025-03', '2025-04', '2025-05', '2025-06'];

describe(`credit supervision over HTTP on ${process.env.TEST_DB ?? 'sqlite'}`, () => {
  let t: TestApp;
  let ds: DataSource;
  let officer: TestSession;
  let lead: TestSession;
  let pudong: TestSession;
  let entity: TestSession;
  let tenant: TestSession;
  let admin: TestSession;
  const day = { now: new Date('2026-06-01T10:00:00+08:00') };

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    // A Monday in June 2026, for the cases' deadlines and the list's dates alike.
    t.app.get<CaseClock>(CASES_CLOCK).now = () => day.now;
    t.app.get<SupervisionClock>(SUPERVISION_CLOCK).now = () => day.now;
    await importUploads(t.app, folderUploads(fixture('02-fixed-price-and-basic-fee')));
    officer = await loginAs(t, 'minhang');
    pudong = await loginAs(t, 'pudong');
    entity = await loginAs(t, 'entity');
    tenant = await loginAs(t, 'tenant');
    admin = await loginAs(t, 'admin');
    lead = await loginAsNewUser(t, { role: 'district_lead', districtCode: '310112' });
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
  const warningCases = async () =>
    (await ds.query(
      `SELECT id, periods, state, source FROM enforcement_case WHERE entity_id = ? AND source = 'warning'`,
      [ENTITY],
    )) as { id: string; periods: string; state: string }[];

  it('gives the entity a level per supply month after the run, with reasons, to its district', async () => {
    const list = (await ok(officer, 'GET', '/supervision/warnings')) as EntityWarningsView[];
    expect(list).toHaveLength(1);
    const [view] = list;
    expect(view).toMatchObject({ entityId: ENTITY, districtCode: '310112', latestLevel: 'red' });
    expect(view.months.map((m) => m.period)).toEqual(MONTHS);
    expect(view.months.every((m) => m.level === 'red')).toBe(true);
    const march = view.months[0];
    expect(march.reasons.map((r) => r.code)).toEqual([
      'REFUND_ABOVE_THRESHOLD',
      'FIXED_PRICE',
      'PROHIBITED_FEE',
    ]);
    // Exact: Σ of the contract's refunds of 2025-03 (expected.json).
    expect(march.refund).toBe('3732.17');
    expect(march.tenantsAffected).toBe(2);
    expect(view.trend).toBe('same');
    const one = (await ok(officer, 'GET', `/supervision/warnings/${ENTITY}`)) as EntityWarningsView;
    expect(one.months).toEqual(view.months);
    const since = (await ok(
      officer,
      'GET',
      '/supervision/warnings?from=2025-05',
    )) as EntityWarningsView[];
    expect(since[0].months.map((m) => m.period)).toEqual(['2025-05', '2025-06']);
    expect(await ok(officer, 'GET', '/supervision/warnings?level=green')).toEqual([]);
    const bad = await call(officer, 'GET', '/supervision/warnings?from=2025-13');
    expect(bad.status).toBe(400);
    expect(bad.json.details[0].path).toBe('query.from');
  });

  it('keeps levels within the district, from entities and tenants', async () => {
    expect((await ok(pudong, 'GET', '/supervision/warnings')) as unknown[]).toEqual([]);
    expect((await call(pudong, 'GET', `/supervision/warnings/${ENTITY}`)).status).toBe(403);
    expect((await call(pudong, 'GET', '/supervision/warnings?district=310112')).status).toBe(403);
    expect((await call(entity, 'GET', '/supervision/warnings')).status).toBe(403);
    expect((await call(tenant, 'GET', `/supervision/warnings/${ENTITY}`)).status).toBe(403);
    expect(
      ((await ok(admin, 'GET', '/supervision/warnings?district=310112')) as unknown[]).length,
    ).toBe(1);
  });

  it("shows a tenant only the colour of its landlord's months", async () => {
    const r = await call(tenant, 'GET', '/me/warning-colours');
    expect(r.status, r.text).toBe(200);
    expect(r.json).toEqual([
      {
        entityId: ENTITY,
        entityName: '闵行某工业园',
        months: MONTHS.map((period) => ({ period, level: 'red' })),
      },
    ]);
    expect(r.text).not.toMatch(/reason|refund|credit|score/i);
    expect((await call(entity, 'GET', '/me/warning-colours')).status).toBe(403);
  });

  it('opens exactly one clue with no reporter in the district queue for the red months', async () => {
    const clues = await warningCases();
    expect(clues).toHaveLength(1);
    expect(JSON.parse(clues[0].periods)).toEqual(MONTHS);
    expect(clues[0].state).toBe('registered');
    expect(await count(ds, 'case_report')).toBe(0);
    const detail = await ok(officer, 'GET', `/cases/${clues[0].id}`);
    expect(detail).toMatchObject({ source: 'warning', districtCode: '310112', reportCount: 0 });
    expect(detail.reports).toEqual([]);
  });

  it('never opens a second clue when reconciliation runs again over the same months', async () => {
    const before = Number((await ds.query('SELECT MAX(run_id) AS r FROM warning_level'))[0].r);
    const run = await t.app.get(ReconciliationService).runNow('all');
    expect(run?.id).toBeGreaterThan(before);
    const levels = await ds.query('SELECT COUNT(*) AS n FROM warning_level WHERE run_id = ?', [
      run!.id,
    ]);
    expect(Number(levels[0].n)).toBe(MONTHS.length);
    expect(await warningCases()).toHaveLength(1);
    expect(await count(ds, 'enforcement_case')).toBe(1);
  });

  it('classes the entity with an explanation per factor, for staff only', async () => {
    const list = (await ok(officer, 'GET', '/supervision/credit')) as CreditAssessmentView[];
    expect(list).toHaveLength(1);
    const [a] = list;
    expect(a.entityId).toBe(ENTITY);
    // Four red months (24, capped) and one clue under check (3): class C.
    expect(a).toMatchObject({ creditClass: 'C', score: 27 });
    expect(a.factors.map((f) => f.code)).toContain('FINDINGS');
    expect(a.factors.every((f) => f.explanation.length > 0)).toBe(true);
    for (const s of [entity, tenant]) {
      expect((await call(s, 'GET', '/supervision/credit')).status).toBe(403);
      expect((await call(s, 'GET', `/supervision/credit/${ENTITY}`)).status).toBe(403);
    }
    expect((await call(pudong, 'GET', `/supervision/credit/${ENTITY}`)).status).toBe(403);
  });

  let caseId = '';

  it('scores the entity again after a case decision, keeping the history', async () => {
    caseId = (await warningCases())[0].id;
    const act = (s: TestSession, body: object) => ok(s, 'POST', `/cases/${caseId}/actions`, body);
    await act(officer, { action: 'assign', assigneeUserId: officer.user.userId });
    await act(officer, { action: 'start_verification' });
    await act(lead, { action: 'open_case' });
    await act(lead, {
      action: 'record_decision',
      illegalGain: '30000.00',
      refundOrders: [],
      warning: true,
      fine: '100000.00',
      confiscation: '0',
    });
    const history = (await ok(
      officer,
      'GET',
      `/supervision/credit/${ENTITY}`,
    )) as CreditAssessmentView[];
    expect(history.length).toBeGreaterThanOrEqual(2);
    const [now] = history;
    expect(now.trigger).toBe(`case:${caseId}`);
    // 24 findings + 6 opened + 10 penalised + 10 heavy + 10 within six months.
    expect(now).toMatchObject({ creditClass: 'D', score: 60 });
    expect(now.factors.find((f) => f.code === 'PENALTIES')?.points).toBe(20);
    expect(history[history.length - 1].trigger).toMatch(/^run:/);
  });

  it('raises no clue for months a closed case handled, when the data is judged again', async () => {
    await ok(officer, 'POST', `/cases/${caseId}/actions`, { action: 'close' });
    await t.app.get(ReconciliationService).runNow('all');
    const clues = await warningCases();
    expect(clues.map((c) => c.state)).toEqual(['closed']);
    expect(await count(ds, 'enforcement_case')).toBe(1);
  });

  let entryId = '';

  it('lists the entity only after approval by a lead other than the proposer', async () => {
    const proposed = (await ok(officer, 'POST', '/supervision/serious-list', {
      caseId,
      reason: '罚款 10 万元，较重处罚',
    })) as BlacklistEntryView;
    entryId = proposed.id;
    expect(proposed).toMatchObject({ status: 'proposed', entityId: ENTITY, endsOn: null });
    // By the number officers know, as the console sends it.
    const number = (await ds.query('SELECT number FROM enforcement_case WHERE id = ?', [caseId]))[0]
      .number as string;
    const again = await call(lead, 'POST', '/supervision/serious-list', {
      caseNumber: number,
      reason: '重复',
    });
    expect(again.status).toBe(409);
    const unknown = await call(lead, 'POST', '/supervision/serious-list', {
      caseNumber: '沪转供-310112-2026-09999',
      reason: '无此案',
    });
    expect(unknown.status).toBe(404);
    const both = await call(lead, 'POST', '/supervision/serious-list', { reason: '未填' });
    expect(both.status).toBe(400);
    expect(
      (await call(officer, 'POST', `/supervision/serious-list/${entryId}/approve`)).status,
    ).toBe(403);
    expect((await call(pudong, 'GET', '/supervision/serious-list?district=310112')).status).toBe(
      403,
    );
    const listed = (await ok(
      lead,
      'POST',
      `/supervision/serious-list/${entryId}/approve`,
    )) as BlacklistEntryView;
    expect(listed).toMatchObject({
      status: 'listed',
      endsOn: '2029-06-01',
      repairFrom: '2026-12-01',
    });
    const [credit] = (await ok(officer, 'GET', '/supervision/credit')) as CreditAssessmentView[];
    expect(credit.factors.map((f) => f.code)).toContain('SERIOUS_LIST');
    expect((await call(entity, 'GET', '/supervision/serious-list')).status).toBe(403);
  });

  it('refuses credit repair before its time and removes after it, keeping the entry', async () => {
    const early = await call(lead, 'POST', `/supervision/serious-list/${entryId}/remove`, {
      reason: 'credit_repair',
    });
    expect(early.status).toBe(400);
    expect(early.json.code).toBe('BLACKLIST.INVALID_TOO_EARLY');
    day.now = new Date('2026-12-01T10:00:00+08:00');
    const removed = (await ok(lead, 'POST', `/supervision/serious-list/${entryId}/remove`, {
      reason: 'credit_repair',
    })) as BlacklistEntryView;
    expect(removed).toMatchObject({ status: 'removed', removalReason: 'credit_repair' });
    const all = (await ok(admin, 'GET', '/supervision/serious-list')) as BlacklistEntryView[];
    expect(all.map((e) => e.status)).toEqual(['removed']);
    day.now = new Date('2026-06-01T10:00:00+08:00');
  });

  it('refuses a listing without a heavy penalty', async () => {
    await ds.query(
      "INSERT INTO app_setting (`key`, value, updated_at) VALUES ('serious_list.heavy_fine_fen', '100000000', '2026-06-01')",
    );
    const r = await call(lead, 'POST', '/supervision/serious-list', { caseId, reason: '试' });
    expect(r.status).toBe(400);
    expect(r.json.code).toBe('BLACKLIST.INVALID_NOT_HEAVY_PENALTY');
    await ds.query("DELETE FROM app_setting WHERE `key` = 'serious_list.heavy_fine_fen'");
  });

  let draw: DrawView;
  let officers: TestSession[] = [];

  it('draws by class ratio and two inspectors from the roster, repeatable from its seed', async () => {
    // 闵行's roster: the demo officers and one more.
    officers = [
      officer,
      await loginAs(t, 'minhang-2'),
      await loginAs(t, 'minhang-3'),
      await loginAsNewUser(t, { role: 'district_officer', districtCode: '310112' }),
    ];
    expect(
      (
        await call(officer, 'POST', '/supervision/draws', {
          districtCode: '310112',
          plannedDate: '2026-06-15',
        })
      ).status,
    ).toBe(403);
    const pudongLead = await loginAs(t, 'pudong-lead');
    expect(
      (
        await call(pudongLead, 'POST', '/supervision/draws', {
          districtCode: '310112',
          plannedDate: '2026-06-15',
        })
      ).status,
    ).toBe(403);
    const roster = officers.map((s) => s.user.userId).sort((a, b) => a - b);
    draw = (await ok(lead, 'POST', '/supervision/draws', {
      districtCode: '310112',
      plannedDate: '2026-06-15',
      seed: 20260601,
    })) as DrawView;
    expect(draw).toMatchObject({
      seed: 20260601,
      plannedDate: '2026-06-15',
      population: { A: 0, B: 0, C: 0, D: 1 },
    });
    // Class D is drawn at 100 %: the entity is on the published list with two inspectors.
    expect(draw.items).toHaveLength(1);
    const [item] = draw.items;
    expect(item.entityId).toBe(ENTITY);
    const ids = item.inspectors.map((i) => i.userId);
    const replay = drawSpotChecks({
      seed: 20260601,
      ratiosBp: { A: 500, B: 2000, C: 6000, D: 10_000 },
      candidates: [{ entityId: ENTITY, creditClass: 'D', lastInspectorIds: [] }],
      roster,
    });
    expect(replay.ok && replay.items[0].inspectorIds).toEqual(ids);
    const published = (await ok(officer, 'GET', '/supervision/draws')) as DrawView[];
    expect(published.map((d) => d.id)).toEqual([draw.id]);
    for (const s of [entity, tenant])
      expect((await call(s, 'GET', '/supervision/draws')).status).toBe(403);

    const next = (await ok(admin, 'POST', '/supervision/draws', {
      districtCode: '310112',
      plannedDate: '2026-09-15',
    })) as DrawView;
    const again = next.items[0].inspectors.map((i) => i.userId);
    expect(again.filter((id) => ids.includes(id))).toEqual([]);
  });

  it('publishes the lists to anyone, without credit classes', async () => {
    const res = await fetch(`${t.baseUrl}/api/public/spot-checks?district=310112`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const lists = JSON.parse(text);
    expect(lists).toHaveLength(2);
    const first = lists.find((d: { id: string }) => d.id === draw.id);
    expect(first).toMatchObject({ plannedDate: '2026-06-15', seed: 20260601 });
    expect(first.items).toEqual([
      {
        entityId: ENTITY,
        entityName: '闵行某工业园',
        inspectors: draw.items[0].inspectors.map((i) => i.name),
        outcome: null,
      },
    ]);
    expect(text).not.toMatch(/creditClass|ratios|population/);
  });

  it('refuses to draw with a sampling ratio the settings spell wrong, drawing nothing', async () => {
    await ds.query(
      "INSERT INTO app_setting (`key`, value, updated_at) VALUES ('draw.ratio.C', '60%', '2026-06-01')",
    );
    const r = await call(lead, 'POST', '/supervision/draws', {
      districtCode: '310112',
      plannedDate: '2026-07-01',
    });
    await ds.query("DELETE FROM app_setting WHERE `key` = 'draw.ratio.C'");
    expect(r.status).toBe(503);
    expect(r.json.code).toBe('DRAW.NOT_CONFIGURED');
    expect(await count(ds, 'spot_check_draw')).toBe(2);
  });

  it('records a result once, by one of its inspectors or the lead', async () => {
    const [item] = draw.items;
    const path = `/supervision/draws/${draw.id}/items/${item.id}/result`;
    const inspectors = item.inspectors.map((i) => i.userId);
    const bystander = officers.find((s) => !inspectors.includes(s.user.userId))!;
    const denied = await call(bystander, 'POST', path, { outcome: 'compliant' });
    expect(denied.status).toBe(403);
    expect(denied.json.code).toBe('DRAW.FORBIDDEN_NOT_INSPECTOR');
    const inspector = officers.find((s) => s.user.userId === inspectors[0])!;
    const done = (await ok(inspector, 'POST', path, {
      outcome: 'violation',
      note: '现场按每度 1.2 元收费',
    })) as DrawView;
    expect(done.items[0]).toMatchObject({ outcome: 'violation', note: '现场按每度 1.2 元收费' });
    expect((await call(lead, 'POST', path, { outcome: 'compliant' })).status).toBe(409);
  });
});
