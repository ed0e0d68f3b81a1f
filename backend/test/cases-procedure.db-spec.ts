import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES_CLOCK, type CaseClock } from '../src/modules/cases/case-clock';
import { loginAs, loginAsNewUser, type TestSession } from './support/auth';
import { fixture, folderUploads, importUploads } from './support/batches';
import { refuseWarningClues } from './support/warning-clues';
import { startTestApp, type TestApp } from './support/test-app';

// Fixture 02: a 闵行 industrial park (310112) billing two tenants.
const ACCOUNT = '3100000002';
const TENANT = '91310109PRMU98K65L';
const OTHER_TENANT = '91310104JM5DLCRP3K';
const MINHANG = '310112';
const PUDONG = '310115';

/**
 * The branches of the procedure beside the main path (cases.db-spec.ts): 不予立案 on a legal
 * ground after the entity's correction in its window, telling the reporter, transfer to another
 * district, an order to refund that stops the decision clock, and a refund the tenant cannot
 * confirm.
 */
describe(`refusal, notice, transfer and refund orders over HTTP on ${process.env.TEST_DB ?? 'sqlite'}`, () => {
  let t: TestApp;
  let ds: DataSource;
  let clock: CaseClock;
  let tenant: TestSession;
  let officer: TestSession;
  let lead: TestSession;
  let entity: TestSession;
  let pudong: TestSession;
  let serial = 0;
  /** The investigated case of the refund-order test, decided and closed by the next one. */
  let decidedCase = '';

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    await importUploads(t.app, folderUploads(fixture('02-fixed-price-and-basic-fee')));
    await refuseWarningClues(t);
    clock = t.app.get<CaseClock>(CASES_CLOCK);
    clock.now = () => new Date('2026-06-01T10:00:00+08:00');
    tenant = await loginAs(t, 'tenant');
    officer = await loginAs(t, 'minhang');
    entity = await loginAs(t, 'entity');
    pudong = await loginAs(t, 'pudong');
    lead = await loginAsNewUser(t, { role: 'district_lead', districtCode: MINHANG });
  });
  afterAll(async () => {
    await t?.close();
  });

  const on = (day: string, time = '10:00:00') => {
    clock.now = () => new Date(`${day}T${time}+08:00`);
  };
  const call = async (s: TestSession, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${t.baseUrl}/api${path}`, {
      method,
      headers: { ...s.headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, text, json: text ? JSON.parse(text) : null };
  };
  const act = (s: TestSession, caseId: string, body: Record<string, unknown>) =>
    call(s, 'POST', `/cases/${caseId}/actions`, body);
  const ok = async (s: TestSession, caseId: string, body: Record<string, unknown>) => {
    const r = await act(s, caseId, body);
    expect(r.status, r.text).toBe(200);
    return r.json;
  };
  /** A new real-name report that opens a case of its own; its case id and report id. */
  const newCase = async (periods = ['2025-04']) => {
    const r = await call(tenant, 'POST', '/reports', {
      idempotencyKey: `procedure-${String(++serial).padStart(4, '0')}`,
      accountNo: ACCOUNT,
      periods,
      description: '',
      realName: true,
    });
    expect(r.status, r.text).toBe(201);
    expect(r.json.merged).toBe(false);
    const [row] = await ds.query('SELECT case_id FROM case_report WHERE id = ?', [r.json.reportId]);
    return { caseId: row.case_id as string, reportId: r.json.reportId as string };
  };
  const detail = async (s: TestSession, caseId: string) => {
    const r = await call(s, 'GET', `/cases/${caseId}`);
    expect(r.status, r.text).toBe(200);
    return r.json;
  };

  describe('不予立案 after a correction in the window, then telling the reporter', () => {
    let caseId = '';
    let reportId = '';

    it('records the entity’s correction as made within the correction window', async () => {
      ({ caseId, reportId } = await newCase());
      await ok(officer, caseId, { action: 'assign', assigneeUserId: officer.user.userId });
      await ok(officer, caseId, { action: 'start_verification' });
      on('2026-06-05');
      await ok(entity, caseId, { action: 'record_correction', refunded: '320.50' });
      const d = await detail(lead, caseId);
      expect(d.corrections).toEqual([
        { at: '2026-06-05T02:00:00.000Z', refunded: '320.50', recordedByRole: 'entity_user' },
      ]);
      const step = d.timeline.find((e: { action: string }) => e.action === 'record_correction');
      expect(step).toMatchObject({
        actorRole: 'entity_user',
        fromState: 'verifying',
        toState: 'verifying',
        details: { refunded: '320.50', withinCorrectionWindow: true },
      });
      // The window is the filing period: 15 working days from 06-01, Dragon Boat day skipped.
      expect(step.details.correctionWindowEndsAt).toBe('2026-06-23T15:59:59.999Z');
      const own = (await call(entity, 'GET', '/entity/cases')).json;
      expect(own.find((c: { id: string }) => c.id === caseId).corrections).toEqual([
        { at: '2026-06-05T02:00:00.000Z', refunded: '320.50' },
      ]);
    });

    it('refuses 不予立案 by an officer, on no ground, or on a ground that calls for transfer', async () => {
      const byOfficer = await act(officer, caseId, {
        action: 'refuse',
        reason: 'MINOR_CORRECTED_NO_HARM',
      });
      expect([byOfficer.status, byOfficer.json.code]).toEqual([403, 'CASE.FORBIDDEN_ROLE']);
      const noGround = await act(lead, caseId, { action: 'refuse', reason: 'NOT_IN_THE_MOOD' });
      expect([noGround.status, noGround.json.code]).toEqual([400, 'CASE.INVALID_REASON']);
      expect(noGround.json.message).toMatch(/法定情形/);
      const missing = await act(lead, caseId, { action: 'refuse' });
      expect([missing.status, missing.json.code]).toEqual([400, 'VALIDATION_FAILED']);
      const transferInstead = await act(lead, caseId, {
        action: 'refuse',
        reason: 'OUTSIDE_JURISDICTION',
      });
      expect([transferInstead.status, transferInstead.json.code]).toEqual([
        409,
        'CASE.USE_TRANSFER',
      ]);
      expect((await detail(lead, caseId)).state).toBe('verifying');
    });

    it('refuses to open the case on the legal ground of a minor conduct corrected in time', async () => {
      on('2026-06-08');
      const r = await ok(lead, caseId, { action: 'refuse', reason: 'MINOR_CORRECTED_NO_HARM' });
      expect(r.state).toBe('not_opened');
      const d = await detail(lead, caseId);
      expect(d.refusal).toEqual({
        at: '2026-06-08T02:00:00.000Z',
        reason: 'MINOR_CORRECTED_NO_HARM',
      });
      expect(d.deadlines.filingDecision).toMatchObject({ state: 'met', completedAt: '2026-06-08' });
      // Told within 5 working days of the decision: by Monday 2026-06-15.
      expect(d.deadlines.reporterNotice).toMatchObject({ dueDate: '2026-06-15', state: 'ok' });
      const closedAgain = await act(officer, caseId, { action: 'assign', assigneeUserId: 1 });
      expect([closedAgain.status, closedAgain.json.code]).toEqual([409, 'CASE.ALREADY_CLOSED']);
    });

    it('keeps the refused case on the due list until the reporter is told', async () => {
      on('2026-06-12');
      const due = (await call(officer, 'GET', '/cases/due')).json;
      const mine = due.dueSoon.find((c: { id: string }) => c.id === caseId);
      expect(mine.urgent).toMatchObject({ kind: 'reporter_notice', dueDate: '2026-06-15' });
      on('2026-06-16');
      const late = (await call(officer, 'GET', '/cases/due')).json;
      expect(late.overdue.map((c: { id: string }) => c.id)).toContain(caseId);
    });

    it('records the notice with who, when and how, once, and only for the real-name report', async () => {
      const noMethod = await act(officer, caseId, {
        action: 'record_reporter_notice',
        reportId,
        method: 'CARRIER_PIGEON',
      });
      expect([noMethod.status, noMethod.json.code]).toEqual([400, 'CASE.INVALID_NOTICE_METHOD']);
      await ok(officer, caseId, { action: 'record_reporter_notice', reportId, method: 'PHONE' });
      const again = await act(officer, caseId, {
        action: 'record_reporter_notice',
        reportId,
        method: 'SMS',
      });
      expect([again.status, again.json.code]).toEqual([409, 'CASE.ALREADY_NOTIFIED']);
      const d = await detail(lead, caseId);
      expect(d.reporterNotices).toEqual([
        { reportId, at: '2026-06-16T02:00:00.000Z', method: 'PHONE', byRole: 'district_officer' },
      ]);
      expect(d.deadlines.reporterNotice).toMatchObject({ state: 'met', late: true });
      const due = (await call(officer, 'GET', '/cases/due')).json;
      expect([...due.overdue, ...due.dueSoon].map((c: { id: string }) => c.id)).not.toContain(
        caseId,
      );
      // The reporter sees it was told; the entity never learns that anyone was.
      const mine = (await call(tenant, 'GET', '/me/reports')).json.find(
        (r: { reportId: string }) => r.reportId === reportId,
      );
      expect(mine.timeline.map((e: { action: string }) => e.action)).toContain(
        'record_reporter_notice',
      );
      expect(mine.reporterNotice).toMatchObject({ state: 'met' });
      const seen = (await call(entity, 'GET', '/entity/cases')).json.find(
        (c: { id: string }) => c.id === caseId,
      );
      expect(seen.timeline.map((e: { action: string }) => e.action)).not.toContain(
        'record_reporter_notice',
      );
    });

    it('refuses a correction after the window has closed', async () => {
      on('2026-06-16');
      const { caseId: later } = await newCase(['2025-05']);
      // 15 working days from 06-16 (the Dragon Boat holiday 06-19 skipped) end on 07-08; the
      // window shuts with that day.
      const window = (await detail(lead, later)).deadlines.filingDecision.dueDate;
      expect(window).toBe('2026-07-08');
      on('2026-07-08', '23:59:00');
      const lastMinute = await act(entity, later, {
        action: 'record_correction',
        refunded: '5.00',
      });
      expect(lastMinute.status, lastMinute.text).toBe(200);
      on('2026-07-09', '00:00:01');
      const r = await act(entity, later, { action: 'record_correction', refunded: '10.00' });
      expect([r.status, r.json.code]).toEqual([409, 'CASE.CORRECTION_WINDOW_CLOSED']);
      expect(r.json.message).toMatch(/窗口期/);
      expect((await detail(lead, later)).corrections.map((c: { at: string }) => c.at)).toEqual([
        '2026-07-08T15:59:00.000Z',
      ]);
      // Leave it closed so the next report opens a case of its own.
      await ok(lead, later, { action: 'assign', assigneeUserId: officer.user.userId });
      await ok(officer, later, { action: 'start_verification' });
      await ok(lead, later, { action: 'refuse', reason: 'NO_VIOLATION' });
    });
  });

  describe('transfer to another district', () => {
    let caseId = '';

    it('refuses a transfer to the same district, outside Shanghai, or without a reason', async () => {
      on('2026-07-06');
      ({ caseId } = await newCase(['2025-04']));
      const same = await act(officer, caseId, {
        action: 'transfer',
        toDistrict: MINHANG,
        reason: 'PREMISES_IN_OTHER_DISTRICT',
      });
      expect([same.status, same.json.code]).toEqual([400, 'CASE.INVALID_DISTRICT']);
      const beijing = await act(officer, caseId, {
        action: 'transfer',
        toDistrict: '110101',
        reason: 'PREMISES_IN_OTHER_DISTRICT',
      });
      expect([beijing.status, beijing.json.code]).toEqual([400, 'CASE.INVALID_DISTRICT']);
      const noReason = await act(officer, caseId, {
        action: 'transfer',
        toDistrict: PUDONG,
        reason: 'BECAUSE',
      });
      expect([noReason.status, noReason.json.code]).toEqual([400, 'CASE.INVALID_REASON']);
      const stranger = await act(pudong, caseId, {
        action: 'transfer',
        toDistrict: PUDONG,
        reason: 'MISROUTED',
      });
      expect([stranger.status, stranger.json.code]).toEqual([403, 'CASE.OUT_OF_SCOPE']);
    });

    it('hands the case to the other bureau with its reason and a filing period of its own', async () => {
      on('2026-07-08');
      const r = await ok(officer, caseId, {
        action: 'transfer',
        toDistrict: PUDONG,
        reason: 'PREMISES_IN_OTHER_DISTRICT',
      });
      expect(r.state).toBe('registered');
      const d = await detail(pudong, caseId);
      expect(d).toMatchObject({ districtCode: PUDONG, state: 'registered', assigneeUserId: null });
      expect(d.transfers).toEqual([
        {
          at: '2026-07-08T02:00:00.000Z',
          fromDistrict: MINHANG,
          toDistrict: PUDONG,
          reason: 'PREMISES_IN_OTHER_DISTRICT',
        },
      ]);
      // 15 working days from the receiving bureau's receipt on 07-08.
      expect(d.deadlines.filingDecision).toMatchObject({ dueDate: '2026-07-29', state: 'ok' });
      expect(d.timeline.at(-1)).toMatchObject({
        action: 'transfer',
        fromState: 'registered',
        toState: 'registered',
        details: {
          fromDistrict: MINHANG,
          toDistrict: PUDONG,
          reason: 'PREMISES_IN_OTHER_DISTRICT',
        },
      });
      // The sending bureau no longer sees or works it.
      expect((await call(officer, 'GET', `/cases/${caseId}`)).status).toBe(403);
      const back = await act(officer, caseId, { action: 'assign', assigneeUserId: 1 });
      expect(back.status).toBe(403);
      const [row] = await ds.query(
        'SELECT district_code, filing_due FROM enforcement_case WHERE id = ?',
        [caseId],
      );
      expect(row).toMatchObject({ district_code: PUDONG, filing_due: '2026-07-29' });
    });
  });

  describe('an order to refund during the investigation', () => {
    it('moves the decision due date by the days the order ran', async () => {
      on('2026-08-03');
      const { caseId } = await newCase(['2025-03']);
      await ok(officer, caseId, { action: 'assign', assigneeUserId: officer.user.userId });
      await ok(officer, caseId, { action: 'start_verification' });
      await ok(lead, caseId, { action: 'open_case' });
      // 90 days from 2026-08-03.
      expect((await detail(lead, caseId)).deadlines.caseDecision.dueDate).toBe('2026-11-01');
      const byOfficer = await act(officer, caseId, { action: 'suspend_for_refund_order' });
      expect(byOfficer.status).toBe(403);
      on('2026-08-10');
      await ok(lead, caseId, { action: 'suspend_for_refund_order' });
      on('2026-08-14');
      // Running: 08-10 … 08-14 so far.
      expect((await detail(lead, caseId)).deadlines.caseDecision.dueDate).toBe('2026-11-06');
      on('2026-08-19');
      await ok(officer, caseId, { action: 'resume_after_refund_order' });
      const d = await detail(lead, caseId);
      expect(d.refundOrderPeriods).toEqual([
        { from: '2026-08-10T02:00:00.000Z', to: '2026-08-19T02:00:00.000Z' },
      ]);
      expect(d.deadlines.caseDecision).toMatchObject({ dueDate: '2026-11-11' });
      expect(d.deadlines.caseDecision.basis).toContain('不计入（10日）');
      const [row] = await ds.query('SELECT decision_due FROM enforcement_case WHERE id = ?', [
        caseId,
      ]);
      expect(row.decision_due).toBe('2026-11-11');
      const twice = await act(officer, caseId, { action: 'resume_after_refund_order' });
      expect([twice.status, twice.json.code]).toEqual([409, 'CASE.REFUND_ORDER_NOT_RUNNING']);
      decidedCase = caseId;
    });
  });

  describe('a refund the tenant cannot confirm', () => {
    it('closes only once every order is confirmed or marked unconfirmable with a reason', async () => {
      on('2026-09-01');
      const caseId = decidedCase;
      await ok(lead, caseId, {
        action: 'record_decision',
        illegalGain: '2000.00',
        refundOrders: [
          { tenantId: TENANT, amount: '1200.00' },
          { tenantId: OTHER_TENANT, amount: '800.00' },
        ],
        warning: true,
        fine: '0',
        confiscation: '0',
      });
      await ok(officer, caseId, { action: 'start_refund_supervision' });
      await ok(officer, caseId, { action: 'record_refund', tenantId: TENANT, amount: '1200.00' });
      await ok(officer, caseId, {
        action: 'record_refund',
        tenantId: OTHER_TENANT,
        amount: '800.00',
      });
      await ok(tenant, caseId, { action: 'confirm_refund', tenantId: TENANT });
      const early = await act(officer, caseId, { action: 'close' });
      expect([early.status, early.json.code]).toEqual([409, 'CASE.REFUNDS_OUTSTANDING']);
      const noReason = await act(officer, caseId, {
        action: 'mark_refund_unconfirmable',
        tenantId: OTHER_TENANT,
        reason: 'FORGOT',
      });
      expect([noReason.status, noReason.json.code]).toEqual([400, 'CASE.INVALID_REASON']);
      const notTheirs = await act(tenant, caseId, {
        action: 'mark_refund_unconfirmable',
        tenantId: OTHER_TENANT,
        reason: 'TENANT_UNREACHABLE',
      });
      expect(notTheirs.status).toBe(403);
      on('2026-09-20');
      await ok(officer, caseId, {
        action: 'mark_refund_unconfirmable',
        tenantId: OTHER_TENANT,
        reason: 'PROOF_OF_PAYMENT_ON_FILE',
      });
      expect((await ok(officer, caseId, { action: 'close' })).state).toBe('closed');
      const d = await detail(lead, caseId);
      expect(d.refunds).toEqual([
        {
          tenantId: TENANT,
          ordered: '1200.00',
          recorded: '1200.00',
          status: 'confirmed',
          settledAt: '2026-09-01T02:00:00.000Z',
          unconfirmableReason: null,
        },
        {
          tenantId: OTHER_TENANT,
          ordered: '800.00',
          recorded: '800.00',
          status: 'unconfirmable',
          settledAt: '2026-09-20T02:00:00.000Z',
          unconfirmableReason: 'PROOF_OF_PAYMENT_ON_FILE',
        },
      ]);
      expect(d.timeline.at(-1)).toMatchObject({
        action: 'close',
        details: { refundsConfirmed: 1, refundsUnconfirmable: 1 },
      });
    });
  });
});
