import { createHash, randomUUID } from 'node:crypto';
import type { CaseQueueItem, CaseQueuePage, DashboardView } from '@zgd/shared-types';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReporterNoticeDue1764461500000 } from '../src/database/migrations/1764461500000-reporter-notice-due';
import { CaseRow } from '../src/modules/cases/case.entity';
import { CASES_CLOCK, type CaseClock } from '../src/modules/cases/case-clock';
import { caseToJson } from '../src/modules/cases/domain/case-json';
import {
  registerCase,
  SYSTEM_ACTOR,
  type CaseState,
  type EnforcementCase,
} from '../src/modules/cases/domain';
import { loginAs, loginAsNewUser, type TestSession } from './support/auth';
import { fixture, folderUploads, importUploads } from './support/batches';
import { startTestApp, type TestApp } from './support/test-app';

// Fixture 02: a 闵行 industrial park (310112) and its tenant.
const ENTITY = '91310112YUYU122BX0';
const OTHER_ENTITY = '91310115MA1K4ABC5X';
const TENANT = '91310109PRMU98K65L';
const ACCOUNT = '3100000002';
// Monday 2026-06-01 in Shanghai: today for the whole file.
const NOW = new Date('2026-06-01T10:00:00+08:00');
const TODAY = '2026-06-01';
// 3 working days after Monday 2026-06-01: Thursday 2026-06-04 is the last day due soon.
const SOON_UNTIL = '2026-06-04';

interface Seed {
  id: string;
  number: string;
  district: string;
  entityId: string;
  state: CaseState;
  filingDue: string;
  decisionDue: string | null;
  claimedFen: bigint;
}

/** The queue's order, written out independently of the code under test. */
const queueDue = (s: Seed) =>
  ['registered', 'assigned', 'verifying'].includes(s.state)
    ? s.filingDue
    : s.state === 'investigating'
      ? (s.decisionDue as string)
      : '9999-12-31';
const byQueue = (a: Seed, b: Seed) =>
  queueDue(a) < queueDue(b) ? -1 : queueDue(a) > queueDue(b) ? 1 : a.id < b.id ? -1 : 1;

const STATES: CaseState[] = ['registered', 'assigned', 'verifying', 'investigating', 'closed'];

function seeds(): Seed[] {
  const out: Seed[] = [];
  for (let i = 0; i < 48; i++) {
    const district = i % 4 === 3 ? '310115' : '310112';
    const state = STATES[i % STATES.length];
    // Many cases share a due day, so the id decides between them across page boundaries.
    const day = 26 + (i % 9); // 2026-05-26 … 2026-06-03
    const filingDue = day <= 31 ? `2026-05-${day}` : `2026-06-0${day - 31}`;
    out.push({
      id: randomUUID(),
      number: `沪转供-${district}-2026-${String(9000 + i).padStart(5, '0')}`,
      district,
      entityId: district === '310112' ? (i % 2 ? ENTITY : '91310112MA1GL0KX3T') : OTHER_ENTITY,
      state,
      filingDue,
      decisionDue:
        state === 'investigating' ? `2026-08-${String(10 + (i % 5)).padStart(2, '0')}` : null,
      claimedFen: BigInt(i * 2_500 + 1),
    });
  }
  return out;
}

function model(s: Seed): EnforcementCase {
  const registeredAt = new Date('2026-05-06T09:00:00+08:00');
  const opened = s.state === 'investigating' || s.state === 'closed';
  const filingDueAt = new Date(`${s.filingDue}T23:59:59.999+08:00`);
  const r = registerCase(
    {
      id: s.id,
      reportId: randomUUID(),
      districtCode: s.district,
      entityId: s.entityId,
      // Months no report of this file names: a report never merges into a seeded case.
      periods: ['2024-01'],
      filingDueAt,
      correctionWindowEndsAt: filingDueAt,
    },
    SYSTEM_ACTOR,
    registeredAt,
  );
  if (!r.ok) throw new Error(r.message);
  return {
    ...r.case,
    state: s.state,
    openedAt: opened ? new Date('2026-05-12T10:00:00+08:00') : null,
    decisionDueAt: s.decisionDue ? new Date(`${s.decisionDue}T23:59:59.999+08:00`) : null,
    closedAt: s.state === 'closed' ? new Date('2026-05-30T10:00:00+08:00') : null,
  };
}

async function insertSeed(ds: DataSource, s: Seed, c = model(s)) {
  const row: CaseRow = {
    id: s.id,
    number: s.number,
    districtCode: s.district,
    entityId: s.entityId,
    periods: [...c.periods],
    state: s.state,
    source: 'report',
    model: caseToJson(c),
    receivedAt: c.registeredAt,
    filingDue: s.filingDue,
    decisionDue: s.decisionDue,
    noticeDue: null,
    assigneeUserId: null,
    version: c.version,
    updatedAt: c.registeredAt,
  };
  await ds.manager.insert(CaseRow, row);
  await ds.query('UPDATE enforcement_case SET claimed_fen = ? WHERE id = ?', [
    s.claimedFen.toString(),
    s.id,
  ]);
}

describe(`the work queue over HTTP on ${process.env.TEST_DB ?? 'sqlite'}`, () => {
  let t: TestApp;
  let ds: DataSource;
  let officer: TestSession;
  let pudong: TestSession;
  let admin: TestSession;
  let lead: TestSession;
  let tenant: TestSession;
  const created = seeds();
  /** Every case in the database: the seeds, and any the import itself raised (warning clues). */
  let all: Seed[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    await importUploads(t.app, folderUploads(fixture('02-fixed-price-and-basic-fee')));
    t.app.get<CaseClock>(CASES_CLOCK).now = () => NOW;
    officer = await loginAs(t, 'minhang');
    pudong = await loginAs(t, 'pudong');
    admin = await loginAs(t, 'admin');
    tenant = await loginAs(t, 'tenant');
    lead = await loginAsNewUser(t, { role: 'district_lead', districtCode: '310112' });
    const existing: Record<string, string | number | null>[] = await ds.query(
      'SELECT id, number, district_code, entity_id, state, filing_due, decision_due, claimed_fen FROM enforcement_case',
    );
    all = [
      ...existing.map((r) => ({
        id: String(r.id),
        number: String(r.number),
        district: String(r.district_code),
        entityId: String(r.entity_id),
        state: r.state as CaseState,
        filingDue: String(r.filing_due),
        decisionDue: r.decision_due === null ? null : String(r.decision_due),
        claimedFen: BigInt(String(r.claimed_fen)),
      })),
      ...created,
    ];
    for (const s of created) await insertSeed(ds, s);
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
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // HTML documents.
    }
    return { status: res.status, text, json, type: res.headers.get('content-type') ?? '' };
  };

  /** Every page of a query, following nextCursor. */
  async function walk(s: TestSession, query: string, limit: number) {
    const items: CaseQueueItem[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q = `${query}${query ? '&' : ''}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const r = await call(s, 'GET', `/cases?${q}`);
      expect(r.status, r.text).toBe(200);
      const page = r.json as CaseQueuePage;
      expect(page.items.length).toBeLessThanOrEqual(limit);
      items.push(...page.items);
      cursor = page.nextCursor;
      pages++;
      expect(pages).toBeLessThan(100);
    } while (cursor);
    return { items, pages };
  }

  const seedsOf = (keep: (s: Seed) => boolean) =>
    all
      .filter(keep)
      .sort(byQueue)
      .map((s) => s.number);

  it.each([
    ['no filter', '', () => true],
    [
      'two states',
      'status=registered,verifying',
      (s: Seed) => s.state === 'registered' || s.state === 'verifying',
    ],
    ['overdue', 'due=overdue', (s: Seed) => queueDue(s) < TODAY],
    ['due soon', 'due=soon', (s: Seed) => queueDue(s) >= TODAY && queueDue(s) <= SOON_UNTIL],
    ['one entity', `entityId=${ENTITY}`, (s: Seed) => s.entityId === ENTITY],
    [
      'an amount range (元)',
      'amountMin=250.01&amountMax=700',
      (s: Seed) => s.claimedFen >= 25_001n && s.claimedFen <= 70_000n,
    ],
    [
      'everything at once',
      `status=assigned,registered&due=overdue&entityId=${ENTITY}&amountMin=0.01`,
      (s: Seed) =>
        ['assigned', 'registered'].includes(s.state) &&
        queueDue(s) < TODAY &&
        s.entityId === ENTITY &&
        s.claimedFen >= 1n,
    ],
  ])('pages %s through the district without gaps or duplicates', async (_, query, keep) => {
    const expected = seedsOf((s) => s.district === '310112' && keep(s));
    expect(expected.length).toBeGreaterThan(0);
    for (const limit of [1, 4, 100]) {
      const { items, pages } = await walk(officer, query, limit);
      expect(items.map((i) => i.number)).toEqual(expected);
      expect(pages).toBe(Math.max(1, Math.ceil(expected.length / limit)));
    }
  });

  it('flags overdue and due-soon rows by the deadline the queue is sorted on', async () => {
    const { items } = await walk(officer, '', 100);
    for (const item of items) {
      const s = all.find((x) => x.id === item.id) as Seed;
      const due = queueDue(s);
      expect(item.queueDue).toBe(due === '9999-12-31' ? null : due);
      expect(item.overdue).toBe(due < TODAY);
      expect(item.dueSoon).toBe(due >= TODAY && due <= SOON_UNTIL);
      expect(item.claimed).toBe(
        `${s.claimedFen / 100n}.${String(s.claimedFen % 100n).padStart(2, '0')}`,
      );
    }
    expect(items.some((i) => i.overdue)).toBe(true);
    expect(items.some((i) => i.dueSoon)).toBe(true);
    const first = await call(officer, 'GET', '/cases?limit=1');
    expect(first.json.dueSoonUntil).toBe(SOON_UNTIL);
  });

  it("counts the dashboard's overdue and due-soon cases by the queue's own flags, per district", async () => {
    const flagged = async (s: TestSession) => {
      const by: Record<string, { overdue: number; dueSoon: number }> = {};
      for (const i of (await walk(s, '', 100)).items) {
        const d = (by[i.districtCode] ??= { overdue: 0, dueSoon: 0 });
        d.overdue += i.overdue ? 1 : 0;
        d.dueSoon += i.dueSoon ? 1 : 0;
      }
      return by;
    };
    const counted = (view: DashboardView) =>
      Object.fromEntries(
        view.casesByDistrict
          .filter((r) => r.overdue || r.dueSoon)
          .map((r) => [r.districtCode, { overdue: r.overdue, dueSoon: r.dueSoon }]),
      );
    const city = (await call(admin, 'GET', '/dashboard')).json as DashboardView;
    const expected = await flagged(admin);
    // Both districts have cases of each kind: the comparison cannot pass by counting nothing.
    for (const code of ['310112', '310115']) {
      expect(expected[code]?.overdue).toBeGreaterThan(0);
      expect(expected[code]?.dueSoon).toBeGreaterThan(0);
    }
    expect(counted(city)).toEqual(expected);
    expect(city.overdueTotal).toBe(seedsOf((s) => queueDue(s) < TODAY).length);
    expect(city.dueSoonTotal).toBe(
      seedsOf((s) => queueDue(s) >= TODAY && queueDue(s) <= SOON_UNTIL).length,
    );
    const minhang = (await call(officer, 'GET', '/dashboard')).json as DashboardView;
    expect(counted(minhang)).toEqual({ '310112': expected['310112'] });
    expect(minhang.overdueTotal).toBe(expected['310112']!.overdue);
  });

  it('holds district staff to their district; the city sees all or the district it picks', async () => {
    const own = await walk(officer, 'district=310115', 100);
    expect(own.items.map((i) => i.number)).toEqual(seedsOf((s) => s.district === '310112'));
    const theirs = await walk(pudong, '', 7);
    expect(theirs.items.map((i) => i.number)).toEqual(seedsOf((s) => s.district === '310115'));
    const city = await walk(admin, '', 9);
    expect(city.items.map((i) => i.number)).toEqual(seedsOf(() => true));
    const picked = await walk(admin, 'district=310115', 100);
    expect(picked.items.map((i) => i.number)).toEqual(seedsOf((s) => s.district === '310115'));
    expect((await call(tenant, 'GET', '/cases')).status).toBe(403);
  });

  it('refuses a cursor made for other filters, a bad cursor and a page over 100', async () => {
    const first = await call(officer, 'GET', '/cases?limit=2&status=registered');
    const cursor = encodeURIComponent(first.json.nextCursor);
    const other = await call(officer, 'GET', `/cases?limit=2&status=assigned&cursor=${cursor}`);
    expect(other.status).toBe(400);
    expect(other.json.code).toBe('CASE_QUEUE.BAD_CURSOR');
    expect((await call(officer, 'GET', '/cases?cursor=abc')).status).toBe(400);
    const big = await call(officer, 'GET', '/cases?limit=101');
    expect(big.status).toBe(400);
    expect(big.json.details[0].path).toBe('query.limit');
    const range = await call(officer, 'GET', '/cases?amountMin=10&amountMax=9.99');
    expect(range.status).toBe(400);
    const bad = await call(officer, 'GET', '/cases?status=nonsense');
    expect(bad.status).toBe(400);
  });

  const snapshot = async (ids: string[]) =>
    (
      await ds.query(
        `SELECT id, state, version, assignee_user_id FROM enforcement_case WHERE id IN (${ids.map(() => '?').join(',')}) ORDER BY id`,
        ids,
      )
    ).map((r: Record<string, unknown>) => ({ ...r, version: Number(r.version) }));

  it('assigns all or nothing: a closed case, another district or a stranger refuses the whole batch', async () => {
    const registered = created
      .filter((s) => s.district === '310112' && s.state === 'registered')
      .slice(0, 3);
    const closed = created.find((s) => s.district === '310112' && s.state === 'closed') as Seed;
    const foreign = created.find(
      (s) => s.district === '310115' && s.state === 'registered',
    ) as Seed;
    const ids = registered.map((s) => s.id);
    const before = await snapshot([...ids, closed.id, foreign.id]);
    const events = async () =>
      Number((await ds.query('SELECT COUNT(*) AS n FROM case_event'))[0].n);
    const eventsBefore = await events();

    const withClosed = await call(officer, 'POST', '/cases/assign', {
      caseIds: [...ids, closed.id],
      assigneeId: officer.user.userId,
    });
    expect(withClosed.status, withClosed.text).toBe(409);
    expect(withClosed.json.details[0].path).toBe('body.caseIds.3');
    const withForeign = await call(officer, 'POST', '/cases/assign', {
      caseIds: [foreign.id, ...ids],
      assigneeId: officer.user.userId,
    });
    expect(withForeign.status).toBe(403);
    const stranger = await call(officer, 'POST', '/cases/assign', {
      caseIds: ids,
      assigneeId: pudong.user.userId,
    });
    expect(stranger.status).toBe(400);
    expect(stranger.json.code).toBe('CASE_QUEUE.INVALID_ASSIGNEE');
    expect(await snapshot([...ids, closed.id, foreign.id])).toEqual(before);
    expect(await events()).toBe(eventsBefore);

    const ok = await call(officer, 'POST', '/cases/assign', {
      caseIds: ids,
      assigneeId: lead.user.userId,
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json.cases.map((c: { state: string }) => c.state)).toEqual([
      'assigned',
      'assigned',
      'assigned',
    ]);
    const after = await snapshot(ids);
    for (const r of after) {
      expect(r).toMatchObject({ state: 'assigned', version: 2 });
      expect(Number(r.assignee_user_id)).toBe(lead.user.userId);
    }
    expect(await events()).toBe(eventsBefore + 3);
    const audited = await ds.query(
      "SELECT subject_id FROM audit_log WHERE action = 'case.bulk_assigned'",
    );
    expect(audited.map((r: { subject_id: string }) => r.subject_id)).toEqual([
      String(lead.user.userId),
    ]);
    const page = await walk(officer, 'status=assigned', 100);
    const names = page.items.filter((i) => ids.includes(i.id)).map((i) => i.assigneeName);
    expect(names).toEqual([lead.user.displayName, lead.user.displayName, lead.user.displayName]);
  });

  it('lists the assignees of the district only', async () => {
    const r = await call(officer, 'GET', '/cases/assignees?district=310115');
    expect(r.status).toBe(200);
    expect(r.json.length).toBeGreaterThan(0);
    expect(r.json.every((u: { districtCode: string }) => u.districtCode === '310112')).toBe(true);
  });

  it("adds a report's frozen overcharge to its case; the evidence comes back byte for byte", async () => {
    const r = await call(tenant, 'POST', '/reports', {
      idempotencyKey: 'queue-report-0001',
      accountNo: ACCOUNT,
      periods: ['2025-04'],
      description: '每度 1.2 元',
      realName: true,
    });
    expect(r.status, r.text).toBe(201);
    const { items } = await walk(officer, `entityId=${ENTITY}`, 100);
    const item = items.find((i) => i.number === r.json.caseNumber) as CaseQueueItem;
    expect(item.entityName).toBeTruthy();
    const detail = (await call(officer, 'GET', `/cases/${item.id}`)).json;
    const report = detail.reports[0];
    const res = await fetch(`${t.baseUrl}/api/cases/${item.id}/reports/${report.id}/evidence`, {
      headers: officer.headers,
    });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(report.evidenceHash);
    const evidence = JSON.parse(bytes.toString('utf8'));
    const owed = evidence.sheets
      .map((s: { verdict: { refund: string } }) => BigInt(s.verdict.refund.replace('.', '')))
      .reduce((a: bigint, b: bigint) => a + b, 0n);
    expect(owed).toBeGreaterThan(0n);
    expect(item.claimed).toBe(`${owed / 100n}.${String(owed % 100n).padStart(2, '0')}`);
    const foreign = await fetch(`${t.baseUrl}/api/cases/${item.id}/reports/${report.id}/evidence`, {
      headers: pudong.headers,
    });
    expect(foreign.status).toBe(403);

    const bench = await call(officer, 'GET', `/cases/${item.id}/workbench`);
    expect(bench.status).toBe(200);
    expect(bench.json.actions.map((a: { action: string }) => a.action)).toContain('assign');
    // Opening the case is the lead's: the officer is not offered it.
    expect(bench.json.actions.map((a: { action: string }) => a.action)).not.toContain('open_case');
    expect(bench.json.claimed).toBe(item.claimed);
  });

  it('prints the 立案审批表 and, once refunds are ordered, the refund order without the reporter', async () => {
    const s = all.find((x) => x.district === '310112' && x.state === 'investigating') as Seed;
    const filing = await call(officer, 'GET', `/cases/${s.id}/documents/filing-approval`);
    expect(filing.status).toBe(200);
    expect(filing.type).toContain('text/html');
    expect(filing.text).toContain('立案审批表');
    expect(filing.text).toContain(s.number);
    expect(filing.text).toContain('上海市闵行区市场监督管理局');

    const early = await call(officer, 'GET', `/cases/${s.id}/documents/refund-order`);
    expect(early.status).toBe(409);
    expect((await call(officer, 'GET', `/cases/${s.id}/documents/nonsense`)).status).toBe(404);
    expect((await call(pudong, 'GET', `/cases/${s.id}/documents/filing-approval`)).status).toBe(
      403,
    );

    const decided: Seed = {
      ...s,
      id: randomUUID(),
      number: '沪转供-310112-2026-09999',
      state: 'decided',
      entityId: ENTITY,
    };
    const c = model(decided);
    await insertSeed(ds, decided, {
      ...c,
      decision: {
        at: new Date('2026-05-28T10:00:00+08:00'),
        approvedByUserId: lead.user.userId,
        illegalGainFen: 3_207_571n,
        refundOrderFen: 3_207_571n,
        warning: true,
        fineFen: 3_207_571n,
        confiscationFen: 0n,
        serious: false,
      },
      refunds: [
        {
          tenantId: TENANT,
          orderedFen: 3_207_571n,
          recordedFen: 0n,
          status: 'outstanding',
          settledAt: null,
          unconfirmableReason: null,
        },
      ],
    });
    const order = await call(officer, 'GET', `/cases/${decided.id}/documents/refund-order`);
    expect(order.status, order.text).toBe(200);
    expect(order.text).toContain('责令退还多收价款通知书');
    expect(order.text).toContain('¥32,075.71');
    expect(order.text).toContain('叁万贰仟零柒拾伍元柒角壹分');
    expect(order.text).toContain('《价格违法行为行政处罚规定》第十六条');
    // The entity has fewer than 5 tenants: no per-tenant list that could point at a reporter.
    expect(order.text).not.toContain(TENANT);
    expect(order.text).not.toContain('举报');
    const printed = await ds.query(
      "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'case.document_printed'",
    );
    expect(Number(printed[0].n)).toBe(2);
  });

  /** The case the tenant's first report (above) registered. */
  const reportedCase = async (): Promise<string> =>
    String(
      (
        await ds.query('SELECT case_id FROM case_report WHERE idempotency_key = ?', [
          'queue-report-0001',
        ])
      )[0].case_id,
    );

  /** The queue row of a case, found among every row of the district. */
  const rowOf = async (s: TestSession, id: string, query = '') =>
    (await walk(s, query, 100)).items.find((i) => i.id === id);

  it('claims a tenant’s month once per case, however often it is reported again', async () => {
    const first = (await rowOf(officer, await reportedCase())) as CaseQueueItem;
    const claimedBefore = first.claimed;
    const fenOf = (yuan: string) => BigInt(yuan.replace('.', ''));
    const again = await call(tenant, 'POST', '/reports', {
      idempotencyKey: 'queue-report-0002',
      accountNo: ACCOUNT,
      periods: ['2025-04'],
      description: '再次举报同一月份',
      realName: false,
    });
    expect(again.status, again.text).toBe(201);
    expect(again.json).toMatchObject({ caseNumber: first.number, merged: true });
    expect((await rowOf(officer, first.id))?.claimed).toBe(claimedBefore);

    // One month new, one reported before: only the new one adds.
    const wider = await call(tenant, 'POST', '/reports', {
      idempotencyKey: 'queue-report-0003',
      accountNo: ACCOUNT,
      periods: ['2025-03', '2025-04'],
      description: '三月也多收了',
      realName: false,
    });
    expect(wider.status, wider.text).toBe(201);
    expect(wider.json).toMatchObject({ caseNumber: first.number, merged: true });
    const res = await fetch(
      `${t.baseUrl}/api/cases/${first.id}/reports/${wider.json.reportId}/evidence`,
      { headers: officer.headers },
    );
    const evidence = JSON.parse(Buffer.from(await res.arrayBuffer()).toString('utf8'));
    const march = evidence.sheets
      .filter((x: { period: string }) => x.period === '2025-03')
      .map((x: { verdict: { refund: string } }) => fenOf(x.verdict.refund))
      .reduce((a: bigint, b: bigint) => a + b, 0n);
    const total = fenOf(claimedBefore) + march;
    expect((await rowOf(officer, first.id))?.claimed).toBe(
      `${total / 100n}.${String(total % 100n).padStart(2, '0')}`,
    );
    const [stored] = await ds.query('SELECT claimed_fen FROM enforcement_case WHERE id = ?', [
      first.id,
    ]);
    expect(BigInt(String(stored.claimed_fen))).toBe(total);
  });

  it('keeps a refused case with a real-name reporter untold due in the queue and on /cases/due', async () => {
    const clock = t.app.get<CaseClock>(CASES_CLOCK);
    const c = (await rowOf(officer, await reportedCase())) as CaseQueueItem;
    const act = async (s: TestSession, body: Record<string, unknown>) => {
      const r = await call(s, 'POST', `/cases/${c.id}/actions`, body);
      expect(r.status, r.text).toBe(200);
    };
    const actions = async () =>
      (await call(officer, 'GET', `/cases/${c.id}/workbench`)).json.actions.map(
        (a: { action: string }) => a.action,
      );
    const dueLists = async () => {
      const r = (await call(officer, 'GET', '/cases/due')).json;
      const ids = (list: { id: string }[]) => list.map((x) => x.id).includes(c.id);
      return { overdue: ids(r.overdue), dueSoon: ids(r.dueSoon) };
    };
    const stored = async () =>
      (
        await ds.query('SELECT notice_due, queue_due FROM enforcement_case WHERE id = ?', [c.id])
      )[0];
    try {
      await act(officer, { action: 'assign', assigneeUserId: officer.user.userId });
      await act(officer, { action: 'start_verification' });
      await act(lead, { action: 'refuse', reason: 'NO_VIOLATION' });
      // Refused on Monday 2026-06-01: told within 5 working days, by Monday 2026-06-08.
      expect(await stored()).toEqual({ notice_due: '2026-06-08', queue_due: '2026-06-08' });
      expect(await rowOf(officer, c.id)).toMatchObject({
        state: 'not_opened',
        queueDue: '2026-06-08',
        queueDueKind: 'reporter_notice',
        overdue: false,
        dueSoon: false,
      });
      expect(await dueLists()).toEqual({ overdue: false, dueSoon: false });
      expect(await actions()).toEqual(['record_reporter_notice']);
      expect((await call(pudong, 'GET', `/cases/${c.id}/workbench`)).status).toBe(403);

      // Friday 06-05: 06-08 is within 3 working days.
      clock.now = () => new Date('2026-06-05T10:00:00+08:00');
      expect(await rowOf(officer, c.id, 'due=soon')).toMatchObject({ dueSoon: true });
      expect(await rowOf(officer, c.id, 'due=overdue')).toBeUndefined();
      expect(await dueLists()).toEqual({ overdue: false, dueSoon: true });

      // Tuesday 06-09: overdue in both.
      clock.now = () => new Date('2026-06-09T10:00:00+08:00');
      expect(await rowOf(officer, c.id, 'due=overdue')).toMatchObject({
        overdue: true,
        queueDaysLeft: -1,
      });
      expect(await rowOf(officer, c.id, 'due=soon')).toBeUndefined();
      expect(await dueLists()).toEqual({ overdue: true, dueSoon: false });

      // The migration fills the column from the stored case, as the ledger wrote it.
      const runner = ds.createQueryRunner();
      try {
        const migration = new ReporterNoticeDue1764461500000();
        await migration.down(runner);
        await expect(runner.query('SELECT notice_due FROM enforcement_case')).rejects.toThrow();
        await migration.up(runner);
      } finally {
        await runner.release();
      }
      expect(await stored()).toEqual({ notice_due: '2026-06-08', queue_due: '2026-06-08' });

      // Told: nothing is due any more, and nothing is left to offer.
      const detail = (await call(officer, 'GET', `/cases/${c.id}`)).json;
      const realName = detail.reports.filter((r: { realName: boolean }) => r.realName);
      expect(realName).toHaveLength(1);
      await act(officer, {
        action: 'record_reporter_notice',
        reportId: realName[0].id,
        method: 'PHONE',
      });
      expect(await stored()).toEqual({ notice_due: null, queue_due: '9999-12-31' });
      expect(await rowOf(officer, c.id)).toMatchObject({
        queueDue: null,
        queueDueKind: null,
        overdue: false,
      });
      expect(await rowOf(officer, c.id, 'due=overdue')).toBeUndefined();
      expect(await dueLists()).toEqual({ overdue: false, dueSoon: false });
      expect(await actions()).toEqual([]);
    } finally {
      clock.now = () => NOW;
    }
  });
});
