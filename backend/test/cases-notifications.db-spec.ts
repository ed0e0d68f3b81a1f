import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../src/modules/audit';
import { CalendarService } from '../src/modules/calendar';
import { CASES_CLOCK, type CaseClock } from '../src/modules/cases/case-clock';
import { CaseLedger } from '../src/modules/cases/case-ledger';
import { CasesRepository } from '../src/modules/cases/cases.repository';
import { transition } from '../src/modules/cases/domain';
import { caseFromJson } from '../src/modules/cases/domain/case-json';
import { NotificationOutbox } from '../src/modules/notifications/notification-outbox.entity';
import { NotificationWorker } from '../src/modules/notifications/notification-worker';
import { NotificationsService } from '../src/modules/notifications/notifications.service';
import { loginAs, loginAsNewUser, type TestSession } from './support/auth';
import { fixture, folderUploads, importUploads } from './support/batches';
import {
  FAKE_WECHAT_APPID,
  FAKE_WECHAT_SECRET,
  startFakeWechat,
  type FakeWechat,
} from './support/fake-wechat';
import { refuseWarningClues } from './support/warning-clues';
import { startTestApp, type TestApp } from './support/test-app';

// Fixture 02: a 闵行 industrial park (310112) billing two tenants.
const TENANT = '91310109PRMU98K65L';
const OTHER = '91310104JM5DLCRP3K';
const ACCOUNT = '3100000002';
const TEMPLATE = 'tmpl-case-status-001';
const OPENID = 'o-tenant-real-name-1';

describe(`case status changes notify real-name reporters on ${process.env.TEST_DB ?? 'sqlite'}`, () => {
  let t: TestApp;
  let wechat: FakeWechat;
  let ds: DataSource;
  let tenant: TestSession;
  let colleague: TestSession;
  let anonymous: TestSession;
  let officer: TestSession;
  let caseId = '';

  beforeAll(async () => {
    wechat = await startFakeWechat();
    t = await startTestApp({
      WECHAT_API_BASE: wechat.url,
      WECHAT_APPID: FAKE_WECHAT_APPID,
      WECHAT_SECRET: FAKE_WECHAT_SECRET,
      WECHAT_TEMPLATE_CASE_STATUS: TEMPLATE,
      // The timer's first pass runs at start on an empty outbox; the tests run the rest.
      NOTIFY_INTERVAL_MS: '3600000',
    });
    ds = t.app.get(DataSource);
    await importUploads(t.app, folderUploads(fixture('02-fixed-price-and-basic-fee')));
    await refuseWarningClues(t);
    t.app.get<CaseClock>(CASES_CLOCK).now = () => new Date('2026-06-01T10:00:00+08:00');
    tenant = await loginAs(t, 'tenant');
    // Signed in through the mini-program: subscribe messages reach it.
    await ds.query('UPDATE app_user SET wechat_openid = ? WHERE id = ?', [
      OPENID,
      tenant.user.userId,
    ]);
    // Same firm, H5 only: its messages are queued and skipped.
    colleague = await loginAsNewUser(t, { role: 'tenant', tenantId: TENANT });
    anonymous = await loginAsNewUser(t, { role: 'tenant', tenantId: OTHER });
    officer = await loginAs(t, 'minhang');
  });
  afterAll(async () => {
    await t?.close();
    await wechat?.close();
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
  const report = (s: TestSession, key: string, realName: boolean, periods = ['2025-04']) =>
    call(s, 'POST', '/reports', {
      idempotencyKey: key,
      accountNo: ACCOUNT,
      periods,
      description: '',
      realName,
    });
  const outbox = () => ds.getRepository(NotificationOutbox).find({ order: { dedupeKey: 'ASC' } });
  const eventSeq = async (action: string) => {
    const rows: { seq: number }[] = await ds.query(
      'SELECT seq FROM case_event WHERE case_id = ? AND action = ? ORDER BY seq DESC',
      [caseId, action],
    );
    return Number(rows[0].seq);
  };

  it('tells the real-name reporter its report was registered, in the same step', async () => {
    const r = await report(tenant, 'notify-0001-tenant', true);
    expect(r.status, r.text).toBe(201);
    const [row] = await ds.query('SELECT case_id FROM case_report WHERE id = ?', [r.json.reportId]);
    caseId = row.case_id;
    const rows = await outbox();
    expect(rows.map((x) => x.dedupeKey)).toEqual([
      `case:${caseId}:event:${await eventSeq('register')}:${tenant.user.userId}`,
    ]);
    expect(rows[0]).toMatchObject({ recipientUserId: tenant.user.userId, wechatOpenid: OPENID });
    expect(JSON.parse(rows[0].data)).toEqual({
      caseNumber: r.json.caseNumber,
      stateLabel: '已登记',
      date: '2026-06-01',
    });
  });

  it('queues nothing for a report that joins the case without changing its state', async () => {
    expect((await report(anonymous, 'notify-0002-anonym', false, ['2025-04'])).status).toBe(201);
    expect((await report(colleague, 'notify-0003-collea', true, ['2025-04'])).status).toBe(201);
    expect(await outbox()).toHaveLength(1);
  });

  it('writes one row per real-name reporter for a status change, none for the anonymous one', async () => {
    const r = await call(officer, 'POST', `/cases/${caseId}/actions`, {
      action: 'assign',
      assigneeUserId: officer.user.userId,
    });
    expect(r.status, r.text).toBe(200);
    const seq = await eventSeq('assign');
    const rows = (await outbox()).filter((x) => x.dedupeKey.includes(`:event:${seq}:`));
    expect(rows.map((x) => x.recipientUserId).sort((a, b) => a - b)).toEqual(
      [tenant.user.userId, colleague.user.userId].sort((a, b) => a - b),
    );
    for (const row of rows) {
      expect(row.dedupeKey).toBe(`case:${caseId}:event:${seq}:${row.recipientUserId}`);
      expect(JSON.parse(row.data).stateLabel).toBe('已分派');
    }
    expect((await outbox()).some((x) => x.recipientUserId === anonymous.user.userId)).toBe(false);
    // Assigning again keeps the state: no message.
    await call(officer, 'POST', `/cases/${caseId}/actions`, {
      action: 'assign',
      assigneeUserId: officer.user.userId,
    });
    expect(await outbox()).toHaveLength(3);
  });

  it('leaves no row when the status change rolls back', async () => {
    const repo = t.app.get(CasesRepository);
    const ledger = t.app.get(CaseLedger);
    const before = (await repo.caseById(caseId))!;
    const step = transition(
      caseFromJson(before.model),
      { type: 'start_verification' },
      { role: 'city_admin', userId: 1, districtCode: null },
      new Date('2026-06-02T10:00:00+08:00'),
    );
    if (!step.ok) throw new Error(step.message);
    const calendar = await t.app.get(CalendarService).calendar();
    await expect(
      t.app.get(AuditService).transaction(async (m) => {
        await ledger.update(m, step.case, step.event, before, calendar);
        // The step and its messages were written in this transaction…
        expect(await m.getRepository(NotificationOutbox).count()).toBe(5);
        throw new Error('the step failed after it was written');
      }),
    ).rejects.toThrow('the step failed');
    // …and went with it.
    expect(await outbox()).toHaveLength(3);
    expect((await repo.caseById(caseId))!.state).toBe('assigned');
  });

  it('delivers each message once through WeChat, skipping the reporter without an openid', async () => {
    const worker = t.app.get(NotificationWorker);
    expect(await worker.runOnce()).toMatchObject({ sent: 2, skipped: 1, failed: 0 });
    expect(await worker.runOnce()).toMatchObject({ sent: 0, skipped: 0 });
    expect(wechat.sends.map((s) => s.body.touser)).toEqual([OPENID, OPENID]);
    expect(wechat.sends.map((s) => s.body.data.phrase2)).toEqual([
      { value: '已登记' },
      { value: '已分派' },
    ]);
    for (const s of wechat.sends) expect(s.body.template_id).toBe(TEMPLATE);
    const rows = await outbox();
    expect(rows.map((x) => x.status).sort()).toEqual(['sent', 'sent', 'skipped']);
  });

  it('never queues an event for a reporter twice', async () => {
    const [first] = await outbox();
    await ds.transaction((m) =>
      t.app.get(NotificationsService).enqueue(m, {
        recipientUserId: first.recipientUserId,
        wechatOpenid: first.wechatOpenid,
        template: 'case_status',
        data: JSON.parse(first.data),
        dedupeKey: first.dedupeKey,
      }),
    );
    expect(await outbox()).toHaveLength(3);
    await t.app.get(NotificationWorker).runOnce();
    expect(wechat.sends).toHaveLength(2);
  });
});
