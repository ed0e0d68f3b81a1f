import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { ReportAnswer } from '@zgd/shared-types';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES_CLOCK, type CaseClock } from '../src/modules/cases/case-clock';
import { loginAs, loginAsNewUser, type TestSession } from './support/auth';
import { fixture, folderUploads, importUploads } from './support/batches';
import { multipartBody } from './support/multipart';
import { startTestApp, type TestApp } from './support/test-app';
import { refuseWarningClues } from './support/warning-clues';

// Fixture 02: a 闵行 industrial park (310112) billing two tenants a fixed price and a basic fee.
const ENTITY = '91310112YUYU122BX0';
const TENANT = '91310109PRMU98K65L';
const OTHER = '91310104JM5DLCRP3K';
const ACCOUNT = '3100000002';
const CLI = join(__dirname, '../dist/cli/main.js');

describe(`reports and cases over HTTP on ${process.env.TEST_DB ?? 'sqlite'}`, () => {
  let t: TestApp;
  let clock: CaseClock;
  let tenant: TestSession;
  let other: TestSession;
  let officer: TestSession;
  let lead: TestSession;
  let entity: TestSession;
  let caseId = '';

  beforeAll(async () => {
    t = await startTestApp();
    await importUploads(t.app, folderUploads(fixture('02-fixed-price-and-basic-fee')));
    // The import raised a clue case (沪转供-310112-2026-00001); settled, reports open their own.
    await refuseWarningClues(t);
    clock = t.app.get<CaseClock>(CASES_CLOCK);
    // A Monday in June 2026: every deadline of the flow falls in a year the calendar covers.
    clock.now = () => new Date('2026-06-01T10:00:00+08:00');
    tenant = await loginAs(t, 'tenant');
    officer = await loginAs(t, 'minhang');
    entity = await loginAs(t, 'entity');
    other = await loginAsNewUser(t, { role: 'tenant', tenantId: OTHER });
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
  const act = async (s: TestSession, body: Record<string, unknown>) => {
    const r = await call(s, 'POST', `/cases/${caseId}/actions`, body);
    expect(r.status, r.text).toBe(200);
    return r.json;
  };

  const firstReport = {
    idempotencyKey: 'report-0001-tenant',
    accountNo: ACCOUNT,
    periods: ['2025-04', '2025-03'],
    description: '按每度 1.2 元收费，另收基础电费',
    realName: true,
  };

  it('registers a report as a case in the district of the premises, with a filing due date', async () => {
    const r = await call(tenant, 'POST', '/reports', firstReport);
    expect(r.status, r.text).toBe(201);
    const answer = r.json as ReportAnswer;
    expect(answer).toMatchObject({
      caseNumber: '沪转供-310112-2026-00002',
      merged: false,
      // 15 working days after Monday 2026-06-01, the Dragon Boat holiday (06-19) skipped.
      filingDue: '2026-06-23',
    });
    const cases = (await call(officer, 'GET', '/cases')).json.items;
    expect(cases.map((c: { source: string }) => c.source).sort()).toEqual(['report', 'warning']);
    const mine = cases.find((c: { number: string }) => c.number === answer.caseNumber);
    expect(mine).toMatchObject({ districtCode: '310112', entityId: ENTITY, source: 'report' });
    caseId = mine.id;
  });

  it('answers the same key and content with the same report, other content with 409', async () => {
    const first = (await call(tenant, 'GET', '/me/reports')).json[0];
    const again = await call(tenant, 'POST', '/reports', firstReport);
    expect(again.status, again.text).toBe(200);
    expect(again.json).toMatchObject({ reportId: first.reportId, merged: false });
    const changed = await call(tenant, 'POST', '/reports', { ...firstReport, realName: false });
    expect(changed.status).toBe(409);
    expect(changed.json.code).toBe('REPORT.IDEMPOTENCY_KEY_REUSED');
    expect((await call(tenant, 'GET', '/me/reports')).json).toHaveLength(1);
  });

  it('refuses a month in which the tenant has no charges', async () => {
    const r = await call(tenant, 'POST', '/reports', {
      ...firstReport,
      idempotencyKey: 'report-0002-tenant',
      periods: ['2024-01'],
    });
    expect(r.status).toBe(400);
    expect(r.json.code).toBe('REPORT.INVALID_PERIOD');
  });

  it("merges the other tenant's report on overlapping months into the same case", async () => {
    const r = await call(other, 'POST', '/reports', {
      idempotencyKey: 'report-0001-other',
      accountNo: ACCOUNT,
      periods: ['2025-04', '2025-05'],
      description: '',
      realName: false,
    });
    expect(r.status, r.text).toBe(201);
    expect(r.json).toMatchObject({ caseNumber: '沪转供-310112-2026-00002', merged: true });
    const detail = await call(officer, 'GET', `/cases/${caseId}`);
    expect(detail.json.periods).toEqual(['2025-03', '2025-04', '2025-05']);
    expect(detail.json.reports.map((x: { tenantId: string }) => x.tenantId)).toEqual([
      TENANT,
      OTHER,
    ]);
  });

  it('takes photos and PDFs judged by their bytes, on own reports only', async () => {
    const reportId = (await call(tenant, 'GET', '/me/reports')).json[0].reportId;
    const upload = async (s: TestSession, id: string, name: string, data: Buffer) => {
      const { body, contentType } = await multipartBody([{ name, data }]);
      const res = await fetch(`${t.baseUrl}/api/reports/${id}/attachments`, {
        method: 'POST',
        headers: { ...s.headers, 'content-type': contentType },
        body: new Uint8Array(body),
      });
      return { status: res.status, json: JSON.parse(await res.text()) };
    };
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64, 1),
    ]);
    const ok = await upload(tenant, reportId, 'meter.png', png);
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject([{ kind: 'png', bytes: 72 }]);
    const fake = await upload(tenant, reportId, 'photo.jpg', Buffer.from('<html>not a photo'));
    expect(fake.status).toBe(415);
    expect(fake.json.code).toBe('REPORT_ATTACHMENT.UNSUPPORTED_TYPE');
    expect((await upload(other, reportId, 'meter.png', png)).status).toBe(404);
    const detail = await call(officer, 'GET', `/cases/${caseId}`);
    expect(detail.json.reports[0].attachments).toHaveLength(1);
  });

  it('keeps the case from officers of another district and reporters from each other', async () => {
    const pudong = await loginAs(t, 'pudong');
    expect((await call(pudong, 'GET', `/cases/${caseId}`)).status).toBe(403);
    expect(
      (await call(pudong, 'POST', `/cases/${caseId}/actions`, { action: 'close' })).status,
    ).toBe(403);
    expect((await call(pudong, 'GET', '/cases')).json.items).toEqual([]);
    expect((await call(tenant, 'GET', `/cases/${caseId}`)).status).toBe(403);
    const mine = await call(tenant, 'GET', '/me/reports');
    expect(mine.text).not.toContain(OTHER);
    const theirs = await call(other, 'GET', '/me/reports');
    expect(theirs.json).toHaveLength(1);
    expect(theirs.text).not.toContain(TENANT);
  });

  it('works the case from assignment to closing, with every step on the timeline', async () => {
    await act(officer, { action: 'assign', assigneeUserId: officer.user.userId });
    await act(officer, { action: 'start_verification' });
    await act(entity, { action: 'record_correction', refunded: '100.00' });
    const early = await call(officer, 'POST', `/cases/${caseId}/actions`, { action: 'open_case' });
    expect(early.status).toBe(403);
    expect(early.json.code).toBe('CASE.FORBIDDEN_ROLE');
    await act(lead, { action: 'open_case' });
    const tooHigh = await call(lead, 'POST', `/cases/${caseId}/actions`, {
      action: 'record_decision',
      illegalGain: '6000.00',
      refundOrders: [{ tenantId: TENANT, amount: '4249.83' }],
      warning: true,
      fine: '30000.01',
      confiscation: '0',
    });
    expect(tooHigh.status).toBe(400);
    expect(tooHigh.json.code).toBe('CASE.FINE_OUT_OF_BOUNDS');
    await act(lead, {
      action: 'record_decision',
      illegalGain: '6000.00',
      refundOrders: [
        { tenantId: TENANT, amount: '4249.83' },
        { tenantId: OTHER, amount: '1000.00' },
      ],
      warning: true,
      fine: '3000.00',
      confiscation: '0',
    });
    await act(officer, { action: 'start_refund_supervision' });
    await act(officer, { action: 'record_refund', tenantId: TENANT, amount: '4249.83' });
    await act(officer, { action: 'record_refund', tenantId: OTHER, amount: '1000.00' });
    const notYours = await call(tenant, 'POST', `/cases/${caseId}/actions`, {
      action: 'confirm_refund',
      tenantId: OTHER,
    });
    expect(notYours.status).toBe(403);
    await act(tenant, { action: 'confirm_refund', tenantId: TENANT });
    await act(other, { action: 'confirm_refund', tenantId: OTHER });
    const closed = await act(officer, { action: 'close' });
    expect(closed.state).toBe('closed');

    const detail = await call(officer, 'GET', `/cases/${caseId}`);
    expect(detail.json.timeline.map((e: { action: string }) => e.action)).toEqual([
      'register',
      'merge',
      'assign',
      'start_verification',
      'record_correction',
      'open_case',
      'record_decision',
      'start_refund_supervision',
      'record_refund',
      'record_refund',
      'confirm_refund',
      'confirm_refund',
      'close',
    ]);
    expect(detail.json.decision).toMatchObject({ fine: '3000.00', refundOrdered: '5249.83' });
    const mine = (await call(tenant, 'GET', '/me/reports')).json[0];
    expect(mine).toMatchObject({ state: 'closed', refund: { status: 'confirmed' } });
  });

  it('shows the entity its case without a tenant id or a reporter anywhere', async () => {
    const r = await call(entity, 'GET', '/entity/cases');
    expect(r.status).toBe(200);
    expect(r.json[0]).toMatchObject({ number: '沪转供-310112-2026-00002', state: 'closed' });
    expect(r.json[0].decision).toMatchObject({ warning: true, fine: '3000.00' });
    for (const secret of [TENANT, OTHER, '测试用户', 'report-0001', 'reporter'])
      expect(r.text).not.toContain(secret);
  });

  it('counts a filing due date across the Spring Festival on the holiday calendar', async () => {
    // Friday 2026-02-13: 02-14 is a make-up working day, 02-15..23 are off, 02-28 is worked.
    clock.now = () => new Date('2026-02-13T16:00:00+08:00');
    const r = await call(tenant, 'POST', '/reports', {
      ...firstReport,
      idempotencyKey: 'report-0003-tenant',
      periods: ['2025-06'],
    });
    expect(r.status, r.text).toBe(201);
    // Plain weekdays would give 2026-03-06.
    expect(r.json).toMatchObject({ merged: false, filingDue: '2026-03-12' });
    expect(r.json.caseNumber).toBe('沪转供-310112-2026-00003');
  });

  it('lists the overdue filing decision once its due date has passed', async () => {
    clock.now = () => new Date('2026-03-13T09:00:00+08:00');
    const due = await call(officer, 'GET', '/cases/due');
    expect(due.status).toBe(200);
    expect(due.json.overdue.map((c: { number: string }) => c.number)).toEqual([
      '沪转供-310112-2026-00003',
    ]);
    expect(due.json.overdue[0].urgent).toMatchObject({
      kind: 'filing_decision',
      dueDate: '2026-03-12',
    });
    // The first case was opened on a real-name report: its reporter must be told, within 5
    // working days of 立案 (2026-06-01, so by 2026-06-08).
    const all = (await call(officer, 'GET', '/cases')).json.items;
    const first = all.find((c: { number: string }) => c.number.endsWith('-00002'));
    expect(first.deadlines.reporterNotice).toMatchObject({ dueDate: '2026-06-08' });
    const queue = await call(officer, 'GET', '/cases?status=registered');
    expect(queue.json.items.map((c: { number: string }) => c.number)).toEqual([
      '沪转供-310112-2026-00003',
    ]);
  });

  it('opens one case for reports of the same conduct arriving together', async () => {
    const send = (key: string) =>
      call(tenant, 'POST', '/reports', {
        ...firstReport,
        idempotencyKey: key,
        periods: ['2025-05'],
      });
    const answers = await Promise.all([
      send('report-0004-tenant'),
      send('report-0005-tenant'),
      send('report-0004-tenant'),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 201, 201]);
    expect(new Set(answers.map((a) => a.json.caseNumber))).toEqual(
      new Set(['沪转供-310112-2026-00004']),
    );
    expect(answers[0].json.reportId).toBe(answers[2].json.reportId);
    // Whichever of the two reports got in first opened the case; the other joined it. The
    // repeated key answers the same report, so the same way.
    expect([answers[0].json.merged, answers[1].json.merged].sort()).toEqual([false, true]);
    expect(answers[2].json.merged).toBe(answers[0].json.merged);
  });

  // Last: the command line blocks this process for seconds, and a kept-alive socket the
  // server closed meanwhile would fail the next request.
  it('audits every read of reporters and keeps the audit chain intact', async () => {
    const viewed = await t.app
      .get(DataSource)
      .query("SELECT subject_id FROM audit_log WHERE action = 'reporter.viewed'");
    // Both reports were shown to staff, and each showing was logged.
    expect(new Set(viewed.map((v: { subject_id: string }) => v.subject_id)).size).toBe(2);
    const db = t.config.database;
    const url = db.type === 'mysql' ? db.location : `sqlite:${db.location}`;
    const run = spawnSync(process.execPath, [CLI, 'audit', 'verify'], {
      env: { ...process.env, DATABASE_URL: url },
      encoding: 'utf8',
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
  });
});
