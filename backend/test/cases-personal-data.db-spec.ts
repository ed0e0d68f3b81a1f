import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appPiiCipher, PiiCipher } from '../src/common/crypto/pii-cipher';
import { CASES_CLOCK, type CaseClock } from '../src/modules/cases/case-clock';
import { loginAs, loginAsNewUser, type TestSession } from './support/auth';
import { fixture, folderUploads, importUploads } from './support/batches';
import { refuseWarningClues } from './support/warning-clues';
import { startTestApp, type TestApp } from './support/test-app';

// Fixture 02: a 闵行 industrial park (310112) billing two tenants.
const TENANT = '91310109PRMU98K65L';
const ACCOUNT = '3100000002';
const NAME = '欧阳小明';
const PHONE = '13912345678';
const LANDLINE = '021-62345678';

describe(`reporters' names and phones on ${process.env.TEST_DB ?? 'sqlite'}`, () => {
  let t: TestApp;
  let ds: DataSource;
  let tenant: TestSession;
  let officer: TestSession;
  let lead: TestSession;
  let entity: TestSession;
  let reportId = '';
  let caseId = '';

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    await importUploads(t.app, folderUploads(fixture('02-fixed-price-and-basic-fee')));
    await refuseWarningClues(t);
    t.app.get<CaseClock>(CASES_CLOCK).now = () => new Date('2026-06-01T10:00:00+08:00');
    tenant = await loginAs(t, 'tenant');
    officer = await loginAs(t, 'minhang');
    entity = await loginAs(t, 'entity');
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
  const body = {
    idempotencyKey: 'pii-0001-tenant',
    accountNo: ACCOUNT,
    periods: ['2025-04'],
    description: '按每度 1.2 元收费',
    realName: true,
    reporterName: NAME,
    reporterPhone: PHONE,
  };

  it('refuses a bad phone, a bad name, and contact details on an anonymous report', async () => {
    const cases = [
      { change: { reporterPhone: '1391234567' }, path: 'body.reporterPhone', words: '手机号' },
      { change: { reporterName: '张三123' }, path: 'body.reporterName', words: '姓名' },
      { change: { reporterName: '' }, path: 'body.reporterName', words: '姓名' },
      { change: { realName: false }, path: 'body.reporterName', words: '匿名举报' },
    ];
    for (const { change, path, words } of cases) {
      const r = await call(tenant, 'POST', '/reports', { ...body, ...change });
      expect(r.status, r.text).toBe(400);
      expect(r.json.code).toBe('VALIDATION_FAILED');
      expect(r.json.message).toContain(words);
      expect(r.json.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect((await call(tenant, 'GET', '/me/reports')).json).toEqual([]);
  });

  it('stores the name and phone encrypted, never as plain text', async () => {
    const r = await call(tenant, 'POST', '/reports', body);
    expect(r.status, r.text).toBe(201);
    reportId = r.json.reportId;
    const [row] = await ds.query(
      'SELECT case_id, reporter_name, reporter_phone FROM case_report WHERE id = ?',
      [reportId],
    );
    caseId = row.case_id;
    for (const [stored, plain] of [
      [row.reporter_name, NAME],
      [row.reporter_phone, PHONE],
    ]) {
      expect(stored).not.toContain(plain);
      expect(stored).not.toContain(plain.slice(-4));
      expect(PiiCipher.looksEncrypted(stored)).toBe(true);
      expect(appPiiCipher().decrypt(stored)).toBe(plain);
    }
    // Nothing else in the database holds them either: not the audit log, not the outbox.
    for (const table of ['audit_log', 'case_event', 'enforcement_case', 'notification_outbox']) {
      const dump = JSON.stringify(await ds.query(`SELECT * FROM ${table}`));
      expect(dump, table).not.toContain(NAME);
      expect(dump, table).not.toContain(PHONE);
    }
  });

  it('answers a retry with the same contact, and refuses the same key with another one', async () => {
    const again = await call(tenant, 'POST', '/reports', body);
    expect(again.status, again.text).toBe(200);
    expect(again.json.reportId).toBe(reportId);
    const other = await call(tenant, 'POST', '/reports', { ...body, reporterPhone: LANDLINE });
    expect(other.status).toBe(409);
    expect(other.json.code).toBe('REPORT.IDEMPOTENCY_KEY_REUSED');
  });

  it('masks the contact in the tenant’s own list', async () => {
    const r = await call(tenant, 'GET', '/me/reports');
    expect(r.json[0]).toMatchObject({ reporterName: '欧**明', reporterPhone: '139****5678' });
    expect(r.text).not.toContain(NAME);
    expect(r.text).not.toContain(PHONE);
  });

  const contactOf = async (s: TestSession) => {
    const r = await call(s, 'GET', `/cases/${caseId}`);
    expect(r.status, r.text).toBe(200);
    const { reporterName, reporterPhone, contactMasked } = r.json.reports[0];
    return { reporterName, reporterPhone, contactMasked };
  };
  const viewedAudits = async () =>
    (
      await ds.query(
        "SELECT actor_user_id, details FROM audit_log WHERE action = 'reporter.viewed' ORDER BY seq",
      )
    ).map((row: { actor_user_id: number; details: string }) => ({
      actor: Number(row.actor_user_id),
      shown: JSON.parse(row.details).shown,
    }));

  it('shows the contact in full to the lead and the assigned officer only, auditing each read', async () => {
    expect(await contactOf(officer)).toEqual({
      reporterName: '欧**明',
      reporterPhone: '139****5678',
      contactMasked: true,
    });
    expect(await contactOf(lead)).toEqual({
      reporterName: NAME,
      reporterPhone: PHONE,
      contactMasked: false,
    });
    const assign = await call(officer, 'POST', `/cases/${caseId}/actions`, {
      action: 'assign',
      assigneeUserId: officer.user.userId,
    });
    expect(assign.status, assign.text).toBe(200);
    expect((await contactOf(officer)).reporterPhone).toBe(PHONE);
    expect(await viewedAudits()).toEqual([
      { actor: officer.user.userId, shown: 'masked' },
      { actor: lead.user.userId, shown: 'full' },
      { actor: officer.user.userId, shown: 'full' },
    ]);
  });

  it('never shows the entity any of it', async () => {
    const r = await call(entity, 'GET', '/entity/cases');
    expect(r.status).toBe(200);
    expect(r.json.map((c: { id: string }) => c.id)).toContain(caseId);
    for (const secret of [NAME, PHONE, '欧**明', '139****5678', '5678', TENANT, reportId])
      expect(r.text).not.toContain(secret);
  });

  it('keeps the name and phone out of every log line', async () => {
    // Everything the app logged from start, at debug level: requests, errors, audit, SQL.
    expect(t.logs.length).toBeGreaterThan(0);
    const logged = t.logs.join('\n');
    for (const secret of [NAME, PHONE, '1391234567', '62345678'])
      expect(logged).not.toContain(secret);
  });
});
