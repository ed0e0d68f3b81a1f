import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES_CLOCK, type CaseClock } from '../src/modules/cases/case-clock';
import { loginAs, loginAsNewUser, type TestSession } from './support/auth';
import { fixture, folderUploads, importUploads } from './support/batches';
import { multipartBody } from './support/multipart';
import { startTestApp, type TestApp } from './support/test-app';
import { refuseWarningClues } from './support/warning-clues';

// Fixture 02: a 闵行 industrial park (310112, the entity user 'entity') billing two tenants:
// fewer than 5, so its view must carry no per-tenant figure.
const OTHER_ENTITY = '91310104MA1K4YYYY2';
const TENANT = '91310109PRMU98K65L';
const OTHER_TENANT = '91310104JM5DLCRP3K';
const ACCOUNT = '3100000002';
const NAME = '司马小燕';
const PHONE = '13712345678';
const DESCRIPTION = '物业按每度一块二收电费，还另收基础电费，举报人备注甲乙丙';

type Actor =
  | 'city_admin'
  | 'officer_own'
  | 'officer_other'
  | 'lead_own'
  | 'lead_other'
  | 'entity_own'
  | 'entity_other'
  | 'tenant_own'
  | 'tenant_other'
  | 'anonymous';
const ACTORS: Actor[] = [
  'city_admin',
  'officer_own',
  'officer_other',
  'lead_own',
  'lead_other',
  'entity_own',
  'entity_other',
  'tenant_own',
  'tenant_other',
  'anonymous',
];

interface Row {
  /** `METHOD /path` as the controllers declare it. */
  route: string;
  request: (actor: Actor) => { path: string; body?: unknown; multipart?: boolean };
  /**
   * The statuses each actor gets, in the order of ACTORS. 409 on a step means the actor got
   * past the role and scope checks and only the case's state (decided) refused it.
   */
  expect: number[];
}

/*
 * Every endpoint of reports and cases for every kind of user, against one decided case of the
 * 闵行 district reported by tenant_own. Read across a row: who may do what. The route list is
 * read from the application itself, so a new endpoint fails this test until it has a row.
 */
describe(`who may call which case endpoint, on ${process.env.TEST_DB ?? 'sqlite'}`, () => {
  let t: TestApp;
  const s = {} as Record<Exclude<Actor, 'anonymous'>, TestSession>;
  let caseId = '';
  let reportId = '';
  const entityBodies: { route: string; actor: Actor; text: string }[] = [];

  const send = async (
    actor: Actor,
    method: string,
    path: string,
    body?: unknown,
    multipart = false,
  ) => {
    const auth = actor === 'anonymous' ? {} : s[actor].headers;
    let payload: string | Uint8Array | undefined;
    let contentType: Record<string, string> = { 'content-type': 'application/json' };
    if (multipart) {
      const png = Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        Buffer.alloc(32, 7),
      ]);
      const m = await multipartBody([{ name: 'meter.png', data: png }]);
      payload = new Uint8Array(m.body);
      contentType = { 'content-type': m.contentType };
    } else if (body !== undefined) payload = JSON.stringify(body);
    const res = await fetch(`${t.baseUrl}/api${path}`, {
      method,
      headers: { ...auth, ...contentType },
      body: payload,
    });
    return { status: res.status, text: await res.text() };
  };

  beforeAll(async () => {
    t = await startTestApp();
    await importUploads(t.app, folderUploads(fixture('02-fixed-price-and-basic-fee')));
    await refuseWarningClues(t);
    t.app.get<CaseClock>(CASES_CLOCK).now = () => new Date('2026-06-01T10:00:00+08:00');
    s.city_admin = await loginAs(t, 'admin');
    s.officer_own = await loginAs(t, 'minhang');
    s.officer_other = await loginAs(t, 'pudong');
    s.lead_own = await loginAsNewUser(t, { role: 'district_lead', districtCode: '310112' });
    s.lead_other = await loginAs(t, 'pudong-lead');
    s.entity_own = await loginAs(t, 'entity');
    s.entity_other = await loginAsNewUser(t, { role: 'entity_user', entityId: OTHER_ENTITY });
    s.tenant_own = await loginAs(t, 'tenant');
    s.tenant_other = await loginAsNewUser(t, { role: 'tenant', tenantId: OTHER_TENANT });

    const report = await send('tenant_own', 'POST', '/reports', firstReport);
    expect(report.status, report.text).toBe(201);
    reportId = JSON.parse(report.text).reportId;
    const [row] = await t.app
      .get(DataSource)
      .query('SELECT case_id FROM case_report WHERE id = ?', [reportId]);
    caseId = row.case_id;
    for (const [actor, body] of [
      ['officer_own', { action: 'assign', assigneeUserId: s.officer_own.user.userId }],
      ['officer_own', { action: 'start_verification' }],
      ['lead_own', { action: 'open_case' }],
      [
        'lead_own',
        {
          action: 'record_decision',
          illegalGain: '6000.00',
          refundOrders: [
            { tenantId: TENANT, amount: '4249.83' },
            { tenantId: OTHER_TENANT, amount: '1000.00' },
          ],
          warning: true,
          fine: '3000.00',
          confiscation: '0',
        },
      ],
    ] as const) {
      const r = await send(actor, 'POST', `/cases/${caseId}/actions`, body);
      expect(r.status, r.text).toBe(200);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const firstReport = {
    idempotencyKey: 'matrix-0001-tenant',
    accountNo: ACCOUNT,
    periods: ['2025-04'],
    description: DESCRIPTION,
    realName: true,
    reporterName: NAME,
    reporterPhone: PHONE,
  };

  //                                       admin  off  off× lead lead× ent  ent× ten  ten× anon
  const STAFF_OWN_CASE = /*             */ [200, 200, 403, 200, 403, 403, 403, 403, 403, 401];
  const STAFF_LISTS = /*                */ [200, 200, 200, 200, 200, 403, 403, 403, 403, 401];
  const ROWS: Row[] = [
    { route: 'GET /cases', request: () => ({ path: '/cases' }), expect: STAFF_LISTS },
    { route: 'GET /cases/due', request: () => ({ path: '/cases/due' }), expect: STAFF_LISTS },
    {
      route: 'GET /cases/assignees',
      request: () => ({ path: '/cases/assignees' }),
      expect: STAFF_LISTS,
    },
    {
      route: 'GET /cases/:id',
      request: () => ({ path: `/cases/${caseId}` }),
      expect: STAFF_OWN_CASE,
    },
    {
      route: 'GET /cases/:id/workbench',
      request: () => ({ path: `/cases/${caseId}/workbench` }),
      expect: STAFF_OWN_CASE,
    },
    {
      route: 'GET /cases/:id/reports/:reportId/evidence',
      request: () => ({ path: `/cases/${caseId}/reports/${reportId}/evidence` }),
      expect: STAFF_OWN_CASE,
    },
    {
      route: 'GET /cases/:id/documents/:kind',
      request: () => ({ path: `/cases/${caseId}/documents/refund-order` }),
      expect: STAFF_OWN_CASE,
    },
    {
      route: 'POST /cases/:id/actions',
      // A staff step: decided cases take no assignment, so those allowed get 409.
      request: () => ({
        path: `/cases/${caseId}/actions`,
        body: { action: 'assign', assigneeUserId: s.officer_own.user.userId },
      }),
      expect: [409, 409, 403, 409, 403, 403, 403, 403, 403, 401],
    },
    {
      route: 'POST /cases/:id/actions',
      // The entity's own step, for its own case only (its window closed with 立案).
      request: () => ({
        path: `/cases/${caseId}/actions`,
        body: { action: 'record_correction', refunded: '1.00' },
      }),
      expect: [409, 409, 403, 409, 403, 409, 403, 403, 403, 401],
    },
    {
      route: 'POST /cases/:id/actions',
      // The tenant's own step, for its own refund only (supervision has not started).
      request: () => ({
        path: `/cases/${caseId}/actions`,
        body: { action: 'confirm_refund', tenantId: TENANT },
      }),
      expect: [403, 403, 403, 403, 403, 403, 403, 409, 403, 401],
    },
    {
      route: 'POST /cases/assign',
      request: () => ({
        path: '/cases/assign',
        body: { caseIds: [caseId], assigneeId: s.officer_own.user.userId },
      }),
      expect: [409, 409, 403, 409, 403, 403, 403, 403, 403, 401],
    },
    {
      route: 'GET /entity/cases',
      request: () => ({ path: '/entity/cases' }),
      expect: [403, 403, 403, 403, 403, 200, 200, 403, 403, 401],
    },
    {
      route: 'GET /me/reports',
      request: () => ({ path: '/me/reports' }),
      expect: [403, 403, 403, 403, 403, 403, 403, 200, 200, 401],
    },
    {
      route: 'POST /me/reports/:id/rating',
      // Rated once the case has ended: its own reporter gets past scope to 409.
      request: () => ({ path: `/me/reports/${reportId}/rating`, body: { stars: 4 } }),
      expect: [403, 403, 403, 403, 403, 403, 403, 409, 404, 401],
    },
    {
      route: 'POST /reports/:id/attachments',
      request: () => ({ path: `/reports/${reportId}/attachments`, multipart: true }),
      // Another tenant is told the report does not exist.
      expect: [403, 403, 403, 403, 403, 403, 403, 201, 404, 401],
    },
    {
      route: 'POST /reports',
      // The same key and content again: the same report (200) for its reporter.
      request: (actor) => ({
        path: '/reports',
        body:
          actor === 'tenant_own'
            ? firstReport
            : { ...firstReport, idempotencyKey: `matrix-${actor}` },
      }),
      expect: [403, 403, 403, 403, 403, 403, 403, 200, 201, 401],
    },
  ];

  it('has a row for every report and case endpoint of the application', () => {
    const routes = new Set<string>();
    for (const module of t.app.get(ModulesContainer).values())
      for (const wrapper of module.controllers.values()) {
        const type = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
        if (!type) continue;
        const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
        for (const name of Object.getOwnPropertyNames(type.prototype)) {
          const handler = type.prototype[name];
          const method = Reflect.getMetadata(METHOD_METADATA, handler);
          if (method === undefined || typeof handler !== 'function') continue;
          const path = [base, String(Reflect.getMetadata(PATH_METADATA, handler) ?? '')]
            .join('/')
            .replace(/\/+/g, '/')
            .replace(/^\/|\/$/g, '');
          if (/^(cases|reports|me\/reports|entity\/cases)(\/|$)/.test(path))
            routes.add(`${RequestMethod[method]} /${path}`);
        }
      }
    expect([...routes].sort()).toEqual([...new Set(ROWS.map((r) => r.route))].sort());
  });

  it.each(ROWS.map((row, i) => ({ ...row, label: `${row.route} #${i}` })))(
    '$label',
    async (row) => {
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const [i, actor] of ACTORS.entries()) {
        const { path, body, multipart } = row.request(actor);
        const r = await send(actor, row.route.split(' ')[0], path, body, multipart);
        got[actor] = r.status;
        want[actor] = row.expect[i];
        if (actor.startsWith('entity'))
          entityBodies.push({ route: row.route, actor, text: r.text });
      }
      expect(got).toEqual(want);
    },
  );

  it('never shows an entity user a reporter or the report, in any answer', async () => {
    const own = await send('entity_own', 'GET', '/entity/cases');
    entityBodies.push({ route: 'GET /entity/cases (after)', actor: 'entity_own', text: own.text });
    expect(JSON.parse(own.text).map((c: { id: string }) => c.id)).toContain(caseId);
    // The entity's other pages outside the cases module: its overview and tenants' notices.
    for (const path of ['/entity/overview', '/entity/declaration-notices']) {
      const r = await send('entity_own', 'GET', path);
      expect(r.status, `${path}: ${r.text}`).toBe(200);
      entityBodies.push({ route: `GET ${path}`, actor: 'entity_own', text: r.text });
    }
    const secrets = [
      reportId,
      TENANT,
      OTHER_TENANT,
      // The reporter's account: its display name (its username, "tenant", is a common word).
      s.tenant_own.user.displayName,
      NAME,
      PHONE,
      '司**燕',
      '137****5678',
      DESCRIPTION,
      DESCRIPTION.slice(0, 8),
      'reporter',
      'matrix-0001',
    ];
    expect(entityBodies.length).toBeGreaterThan(2 * ROWS.length);
    for (const { route, actor, text } of entityBodies)
      for (const secret of secrets) expect(text, `${actor} ${route}`).not.toContain(secret);
  });

  it('gives the entity of fewer than 5 tenants no per-tenant figure', async () => {
    const view = JSON.parse((await send('entity_own', 'GET', '/entity/cases')).text).find(
      (c: { id: string }) => c.id === caseId,
    );
    expect(view.refundsOutstanding).toBeNull();
    const text = JSON.stringify(view);
    for (const perTenant of ['4249.83', '1000.00', 'tenantId', 'refunds"'])
      expect(text).not.toContain(perTenant);
    // The decision itself, in totals, is the entity's to know.
    expect(view.decision).toMatchObject({ refundOrdered: '5249.83', fine: '3000.00' });
  });
});
