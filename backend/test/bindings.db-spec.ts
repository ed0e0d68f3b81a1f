import type { BindingView, PremisesView, TenantMonthSummary } from '@zgd/shared-types';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BINDINGS_CLOCK, type BindingsClock } from '../src/modules/bindings/bindings-clock';
import { CASES_CLOCK, type CaseClock } from '../src/modules/cases/case-clock';
import { loginAs, loginAsNewUser, type TestSession } from './support/auth';
import { count, fixture, folderUploads, importUploads } from './support/batches';
import { startTestApp, type TestApp } from './support/test-app';

// Fixture 02: 闵行某工业园 (account 3100000002) bills two tenants, March–June 2025; in June
// 租户1号商行 used 2911 kWh and 租户2号商行 3028 kWh. Fixture 03: 松江某产业园 (3100000003), whose
// 租户1号商行 has a time-of-use meter (3000 + 2500 + 400 kWh in August 2025).
const ENTITY = '91310112YUYU122BX0';
const ACCOUNT = '3100000002';
const DEMO_FIRM = '91310109PRMU98K65L';
const FIRM = '91310104JM5DLCRP3K';
const SONGJIANG = '913101177JH4BXKF5F';
const TOU_FIRM = '91310105K0XTF8H71G';
/** FIRM with its last character changed: the check digit no longer fits. */
const BAD_CHECK = '91310104JM5DLCRP3L';

const body = (over: Record<string, unknown> = {}) => ({
  tenantId: FIRM,
  tenantName: '租户2号商行',
  entityId: ENTITY,
  accountNo: ACCOUNT,
  subMeterNo: 'M-0202',
  latestKwh: '3028',
  ...over,
});

describe(`binding a firm to premises on ${process.env.TEST_DB ?? 'sqlite'}`, () => {
  let t: TestApp;
  let ds: DataSource;
  let clock: BindingsClock;
  let user: TestSession;

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    await importUploads(t.app, folderUploads(fixture('02-fixed-price-and-basic-fee')));
    await importUploads(t.app, folderUploads(fixture('03-loss-own-use-and-tou')));
    clock = t.app.get<BindingsClock>(BINDINGS_CLOCK);
    clock.now = () => new Date('2026-06-01T10:00:00+08:00');
    t.app.get<CaseClock>(CASES_CLOCK).now = () => new Date('2026-06-01T10:00:00+08:00');
    // A WeChat user: a tenant with no firm until it binds one.
    user = await loginAsNewUser(t, { role: 'tenant' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const call = async (s: TestSession, method: string, path: string, payload?: unknown) => {
    const res = await fetch(`${t.baseUrl}/api${path}`, {
      method,
      headers: { ...s.headers, 'content-type': 'application/json' },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    const text = await res.text();
    return { status: res.status, text, json: text ? JSON.parse(text) : null };
  };
  const months = async (s: TestSession) =>
    ((await call(s, 'GET', '/me/months')).json as TenantMonthSummary[]).map(
      (m) => `${m.accountNo}/${m.period}/${m.verdict.level}`,
    );

  it('finds premises by a scanned entity code, an account number or part of a name', async () => {
    const byEntity = await call(user, 'GET', `/premises?code=${ENTITY}`);
    expect(byEntity.status, byEntity.text).toBe(200);
    expect(byEntity.json as PremisesView[]).toEqual([
      {
        entityId: ENTITY,
        entityName: '闵行某工业园',
        premisesAddress: '上海市闵行某工业园园区856号',
        districtCode: '310112',
        accountNo: ACCOUNT,
        latestPeriod: '2025-06',
      },
    ]);
    const byAccount = await call(user, 'GET', '/premises?code=3100000003');
    expect(byAccount.json.map((p: PremisesView) => [p.entityId, p.latestPeriod])).toEqual([
      [SONGJIANG, '2025-08'],
    ]);
    const byName = await call(user, 'GET', `/premises?name=${encodeURIComponent('工业园')}`);
    expect(byName.json.map((p: PremisesView) => p.entityName)).toEqual(['闵行某工业园']);
    // Wildcards typed by the user are taken literally.
    expect((await call(user, 'GET', `/premises?name=${encodeURIComponent('%%')}`)).json).toEqual(
      [],
    );
    const neither = await call(user, 'GET', '/premises');
    expect(neither.status).toBe(400);
    expect(neither.json.message).toMatch(/代码或名称/);
  });

  it('refuses a firm code with a wrong check digit, saying where, and writes nothing', async () => {
    const r = await call(user, 'POST', '/me/bindings', body({ tenantId: BAD_CHECK }));
    expect(r.status).toBe(400);
    expect(r.json.details).toEqual([
      expect.objectContaining({ path: 'body.tenantId', message: '统一社会信用代码校验位错误' }),
    ]);
    expect(await count(ds, 'tenant_binding')).toBe(0);
    expect(await count(ds, 'binding_attempt')).toBe(0);
  });

  it('refuses a kWh one thousandth off with a Chinese message, and binds nothing', async () => {
    const r = await call(user, 'POST', '/me/bindings', body({ latestKwh: '3028.001' }));
    expect(r.status).toBe(400);
    expect(r.json.code).toBe('BINDING.INVALID_PROOF');
    expect(r.json.message).toBe(
      '用电量与收费主体上报的2025年6月用电量不符，或该企业不在此户号下。请核对电费单后重试，今天还可尝试 4 次',
    );
    expect((await call(user, 'GET', '/me/bindings')).json).toEqual([]);
    expect(await months(user)).toEqual([]);
    // Another firm's figure does not prove this one.
    const other = await call(user, 'POST', '/me/bindings', body({ latestKwh: '2911' }));
    expect(other.status).toBe(400);
    expect(await count(ds, 'tenant_binding')).toBe(0);
  });

  it('refuses premises that do not belong to the entity named', async () => {
    const r = await call(user, 'POST', '/me/bindings', body({ entityId: SONGJIANG }));
    expect(r.status).toBe(404);
    expect(r.json.code).toBe('PREMISES.NOT_FOUND');
  });

  it('binds with the exact kWh; the scope is that firm at those premises only', async () => {
    const r = await call(user, 'POST', '/me/bindings', body({ latestKwh: '3028.000' }));
    expect(r.status, r.text).toBe(201);
    expect(r.json as BindingView).toMatchObject({
      tenantId: FIRM,
      tenantName: '租户2号商行',
      entityName: '闵行某工业园',
      accountNo: ACCOUNT,
      subMeterNo: 'M-0202',
      provenPeriod: '2025-06',
    });
    expect(await months(user)).toEqual([
      `${ACCOUNT}/2025-06/red`,
      `${ACCOUNT}/2025-05/red`,
      `${ACCOUNT}/2025-04/red`,
      `${ACCOUNT}/2025-03/red`,
    ]);
    const sheet = await call(user, 'GET', `/me/months/${ACCOUNT}/2025-03`);
    expect(sheet.status).toBe(200);
    expect(new Set(sheet.json.lines.map((l: { tenantId: string }) => l.tenantId))).toEqual(
      new Set([FIRM]),
    );
    // Not the other firm at the same premises, and nothing at premises it is not bound to.
    expect((await call(user, 'GET', `/tenants/${DEMO_FIRM}/months`)).status).toBe(403);
    expect(
      (await call(user, 'GET', `/tenants/${DEMO_FIRM}/months/${ACCOUNT}/2025-03`)).status,
    ).toBe(403);
    expect((await call(user, 'GET', '/me/months/3100000003/2025-08')).status).toBe(404);
    const audit = await ds.query(
      "SELECT action, subject_type FROM audit_log WHERE action = 'binding.create'",
    );
    expect(audit).toHaveLength(1);

    const again = await call(user, 'POST', '/me/bindings', body());
    expect(again.status).toBe(409);
    expect(again.json.message).toBe('您已绑定过该企业在此户号下的场所');
  });

  it('binds a second firm with a time-of-use meter by its summed kWh', async () => {
    const r = await call(
      user,
      'POST',
      '/me/bindings',
      body({
        tenantId: TOU_FIRM,
        tenantName: '租户1号商行',
        entityId: SONGJIANG,
        accountNo: '3100000003',
        latestKwh: '5900',
      }),
    );
    expect(r.status, r.text).toBe(201);
    expect(
      (await call(user, 'GET', '/me/bindings')).json.map((b: BindingView) => b.tenantId),
    ).toEqual([FIRM, TOU_FIRM]);
    expect(await months(user)).toEqual([
      '3100000003/2025-08/red',
      `${ACCOUNT}/2025-06/red`,
      `${ACCOUNT}/2025-05/red`,
      `${ACCOUNT}/2025-04/red`,
      `${ACCOUNT}/2025-03/red`,
    ]);
  });

  it('reports as the firm bound at the premises; the demo firm does not see the report', async () => {
    const r = await call(user, 'POST', '/reports', {
      idempotencyKey: 'bind-report-0001',
      accountNo: ACCOUNT,
      periods: ['2025-06'],
      description: '',
      realName: false,
    });
    expect(r.status, r.text).toBe(201);
    const mine = await call(user, 'GET', '/me/reports');
    expect(
      mine.json.map((x: { caseNumber: string; rating: unknown }) => [x.caseNumber, x.rating]),
    ).toEqual([[r.json.caseNumber, null]]);
    const [row] = await ds.query('SELECT tenant_id FROM case_report');
    expect(row.tenant_id).toBe(FIRM);
    const demo = await loginAs(t, 'tenant');
    expect((await call(demo, 'GET', '/me/reports')).json).toEqual([]);
    // The handling can be rated only once the case has ended.
    const rate = await call(user, 'POST', `/me/reports/${r.json.reportId}/rating`, { stars: 5 });
    expect(rate.status).toBe(409);
    expect(rate.json.message).toBe('案件办结后才能评价处理情况');

    // Refused (不予立案): the case has ended, and the reporter rates its handling once.
    const officer = await loginAs(t, 'minhang');
    const lead = await loginAsNewUser(t, { role: 'district_lead', districtCode: '310112' });
    const caseId = mine.json[0].caseId as string;
    const act = async (s: TestSession, step: Record<string, unknown>) =>
      expect((await call(s, 'POST', `/cases/${caseId}/actions`, step)).status).toBe(200);
    await act(officer, { action: 'assign', assigneeUserId: officer.user.userId });
    await act(officer, { action: 'start_verification' });
    await act(lead, { action: 'refuse', reason: 'NO_VIOLATION' });
    const outsider = await call(demo, 'POST', `/me/reports/${r.json.reportId}/rating`, {
      stars: 1,
    });
    expect(outsider.status).toBe(404);
    const bad = await call(user, 'POST', `/me/reports/${r.json.reportId}/rating`, { stars: 6 });
    expect(bad.status).toBe(400);
    const rated = await call(user, 'POST', `/me/reports/${r.json.reportId}/rating`, {
      stars: 4,
      comment: '处理及时',
    });
    expect(rated.status, rated.text).toBe(201);
    const again = await call(user, 'POST', `/me/reports/${r.json.reportId}/rating`, { stars: 5 });
    expect(again.status).toBe(409);
    const listed = (await call(user, 'GET', '/me/reports')).json[0];
    expect([listed.state, listed.rating.stars, listed.rating.comment]).toEqual([
      'not_opened',
      4,
      '处理及时',
    ]);
  });

  it('unbinds: the firm leaves the scope; the same id again, or another user’s, is not found', async () => {
    const [first] = (await call(user, 'GET', '/me/bindings')).json as BindingView[];
    const stranger = await loginAsNewUser(t, { role: 'tenant' });
    expect((await call(stranger, 'DELETE', `/me/bindings/${first.id}`)).status).toBe(404);
    expect((await call(user, 'DELETE', `/me/bindings/${first.id}`)).status).toBe(204);
    expect(await months(user)).toEqual(['3100000003/2025-08/red']);
    expect((await call(user, 'GET', `/me/months/${ACCOUNT}/2025-03`)).status).toBe(404);
    const twice = await call(user, 'DELETE', `/me/bindings/${first.id}`);
    expect(twice.status).toBe(404);
    expect(twice.json.message).toBe('没有找到该绑定，可能已经解绑');
  });

  it('allows 5 failed proofs a day, then refuses even the right figure until the next day', async () => {
    const guesser = await loginAsNewUser(t, { role: 'tenant' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (await call(guesser, 'POST', '/me/bindings', body({ latestKwh: `${i}` }))).status,
      );
    expect(statuses).toEqual([400, 400, 400, 400, 429]);
    const right = await call(guesser, 'POST', '/me/bindings', body());
    expect(right.status).toBe(429);
    expect(right.json.message).toBe('今天验证失败已达 5 次，为保护企业信息，请明天再试');
    expect((await call(guesser, 'GET', '/me/bindings')).json).toEqual([]);

    clock.now = () => new Date('2026-06-02T00:00:01+08:00');
    expect((await call(guesser, 'POST', '/me/bindings', body())).status).toBe(201);
  });

  it('keeps the demo tenant bound to its firm by the demo seed', async () => {
    const demo = await loginAs(t, 'tenant');
    expect(demo.user.tenantId).toBe(DEMO_FIRM);
    const bindings = (await call(demo, 'GET', '/me/bindings')).json as BindingView[];
    expect(bindings.map((b) => [b.tenantId, b.accountNo])).toEqual([[DEMO_FIRM, ACCOUNT]]);
    expect(await months(demo)).toHaveLength(4);
  });

  it('is for tenants only', async () => {
    const officer = await loginAs(t, 'minhang');
    expect((await call(officer, 'GET', '/me/bindings')).status).toBe(403);
    expect((await call(officer, 'GET', `/premises?code=${ENTITY}`)).status).toBe(403);
  });
});
