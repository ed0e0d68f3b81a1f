import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  AuditChainView,
  AuditLogPage,
  CaseQueuePage,
  DashboardView,
  EntityPortalView,
  EntityProfileView,
  EntitySearchPage,
} from '@zgd/shared-types';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES_CLOCK, type CaseClock } from '../src/modules/cases/case-clock';
import { CASE_STATES } from '../src/modules/cases/domain';
import { formatFen, parseScaledOrThrow } from '../src/modules/reconciliation/domain/exact';
import { loginAs, loginAsNewUser, type TestSession } from './support/auth';
import { fixture, folderUploads, importUploads } from './support/batches';
import { multipartBody } from './support/multipart';
import { startTestApp, type TestApp } from './support/test-app';

// Three entities in three districts: 浦东 (01, clean), 闵行 (02, overcharging), 松江 (03).
const PUDONG_ENTITY = '913101154JURQ2830U';
const MINHANG_ENTITY = '91310112YUYU122BX0';
const SONGJIANG_ENTITY = '913101177JH4BXKF5F';
const TENANT = '91310109PRMU98K65L';
const OTHER = '91310104JM5DLCRP3K';
const FIXTURES = ['01-clean-two-part', '02-fixed-price-and-basic-fee', '03-loss-own-use-and-tou'];

interface Expected {
  findings: { entity_id: string; period: string }[];
  refunds: { entity_id: string; period: string; amount: string }[];
}
const expected = (name: string) =>
  JSON.parse(readFileSync(join(fixture(name), 'expected.json'), 'utf8')) as Expected;

/** Per supply month: findings and Σ refunds, from the fixtures' contract outputs. */
function expectedByPeriod(entityId?: string) {
  const rows = new Map<string, { findings: number; fen: bigint }>();
  const row = (p: string) => rows.get(p) ?? rows.set(p, { findings: 0, fen: 0n }).get(p)!;
  for (const name of FIXTURES) {
    const e = expected(name);
    for (const f of e.findings) if (!entityId || f.entity_id === entityId) row(f.period).findings++;
    for (const r of e.refunds)
      if (!entityId || r.entity_id === entityId)
        row(r.period).fen += parseScaledOrThrow(r.amount, 2);
  }
  return rows;
}

describe(`console over HTTP on ${process.env.TEST_DB ?? 'sqlite'}`, () => {
  let t: TestApp;
  let clock: CaseClock;
  let admin: TestSession;
  let pudong: TestSession;
  let minhang: TestSession;
  let lead: TestSession;
  let entity: TestSession;
  let tenant: TestSession;
  let other: TestSession;
  let decidedCase = '';
  let openCase = '';

  const call = async (s: TestSession, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${t.baseUrl}/api${path}`, {
      method,
      headers: { ...s.headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, text, json: text ? JSON.parse(text) : null };
  };
  const get = (s: TestSession, path: string) => call(s, 'GET', path);
  const act = async (s: TestSession, caseId: string, body: Record<string, unknown>) => {
    const r = await call(s, 'POST', `/cases/${caseId}/actions`, body);
    expect(r.status, r.text).toBe(200);
  };
  const report = async (key: string, s: TestSession, periods: string[]) => {
    const r = await call(s, 'POST', '/reports', {
      idempotencyKey: key,
      accountNo: '3100000002',
      periods,
      description: '',
      realName: false,
    });
    expect(r.status, r.text).toBe(201);
    return r.json.caseNumber as string;
  };

  /** Cases per district and state, read straight from the table the dashboard summarises. */
  const casesInDb = async (district?: string) => {
    const rows: { district_code: string; state: string }[] = await t.app
      .get(DataSource)
      .query('SELECT district_code, state FROM enforcement_case');
    const by = new Map<string, Record<string, number>>();
    for (const r of rows)
      if (!district || r.district_code === district) {
        const d = by.get(r.district_code) ?? {};
        d[r.state] = (d[r.state] ?? 0) + 1;
        by.set(r.district_code, d);
      }
    return by;
  };
  /** Overdue and due-soon cases per district, as the work queue flags them, page after page. */
  const dueInQueue = async (s: TestSession) => {
    const by = new Map<string, { overdue: number; dueSoon: number }>();
    let cursor: string | null = null;
    do {
      const page = (
        await get(s, `/cases?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      ).json as CaseQueuePage;
      for (const c of page.items) {
        const d = by.get(c.districtCode) ?? { overdue: 0, dueSoon: 0 };
        d.overdue += c.overdue ? 1 : 0;
        d.dueSoon += c.dueSoon ? 1 : 0;
        by.set(c.districtCode, d);
      }
      cursor = page.nextCursor;
    } while (cursor);
    return by;
  };
  const expectCasesAsStored = async (view: DashboardView, s: TestSession, district?: string) => {
    const stored = await casesInDb(district);
    const due = await dueInQueue(s);
    expect(view.casesByDistrict.map((r) => r.districtCode)).toEqual([...stored.keys()].sort());
    for (const r of view.casesByDistrict) {
      expect(r.byState).toEqual(stored.get(r.districtCode));
      expect(r.total).toBe(Object.values(r.byState).reduce((a, b) => a + b, 0));
      expect({ overdue: r.overdue, dueSoon: r.dueSoon }).toEqual(
        due.get(r.districtCode) ?? { overdue: 0, dueSoon: 0 },
      );
    }
    expect(view.overdueTotal).toBe(view.casesByDistrict.reduce((n, r) => n + r.overdue, 0));
    expect(view.dueSoonTotal).toBe(view.casesByDistrict.reduce((n, r) => n + r.dueSoon, 0));
  };

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get<CaseClock>(CASES_CLOCK);
    // Red months may raise warning clues (cases) as the imports are reconciled: same day.
    clock.now = () => new Date('2026-02-13T16:00:00+08:00');
    for (const name of FIXTURES) await importUploads(t.app, folderUploads(fixture(name)));
    admin = await loginAs(t, 'admin');
    pudong = await loginAs(t, 'pudong');
    minhang = await loginAs(t, 'minhang');
    entity = await loginAs(t, 'entity');
    tenant = await loginAs(t, 'tenant');
    other = await loginAsNewUser(t, { role: 'tenant', tenantId: OTHER });
    lead = await loginAsNewUser(t, { role: 'district_lead', districtCode: '310112' });

    // The case of the tenant's report (or the warning clue it joined) is corrected by the
    // entity, decided with a fine and one refund recorded (Feb 2026). The other tenant's report
    // is of other months: its case (or the clue it joins) may be left waiting, overdue by June.
    await report('console-case-1', tenant, ['2025-03', '2025-04']);
    await report('console-case-2', other, ['2025-06']);
    const caseOf = async (s: TestSession) =>
      ((await get(s, '/me/reports')).json as { caseId: string }[])[0]!.caseId;
    decidedCase = await caseOf(tenant);
    openCase = await caseOf(other);
    await act(minhang, decidedCase, { action: 'assign', assigneeUserId: minhang.user.userId });
    await act(minhang, decidedCase, { action: 'start_verification' });
    await act(entity, decidedCase, { action: 'record_correction', refunded: '100.00' });
    await act(lead, decidedCase, { action: 'open_case' });
    await act(lead, decidedCase, {
      action: 'record_decision',
      illegalGain: '6000.00',
      refundOrders: [{ tenantId: TENANT, amount: '4249.83' }],
      warning: true,
      fine: '3000.00',
      confiscation: '0',
    });
    await act(minhang, decidedCase, { action: 'start_refund_supervision' });
    await act(minhang, decidedCase, {
      action: 'record_refund',
      tenantId: TENANT,
      amount: '4249.83',
    });
    clock.now = () => new Date('2026-06-01T10:00:00+08:00');
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('charging entities', () => {
    it('finds every entity for the city, by id, one keyset page after another', async () => {
      const first = (await get(admin, '/charging-entities?limit=2')).json as EntitySearchPage;
      expect(first.items.map((e) => e.id)).toEqual([MINHANG_ENTITY, PUDONG_ENTITY]);
      expect(first.nextAfter).toBe(PUDONG_ENTITY);
      const second = (await get(admin, `/charging-entities?limit=2&after=${first.nextAfter}`))
        .json as EntitySearchPage;
      expect(second).toEqual({
        items: [expect.objectContaining({ id: SONGJIANG_ENTITY, districtCode: '310117' })],
        nextAfter: null,
      });
      expect(first.items[0]).toEqual({
        id: MINHANG_ENTITY,
        name: '闵行某工业园',
        premisesAddress: '上海市闵行某工业园园区856号',
        districtCode: '310112',
        accountCount: 1,
        tenantCount: 2,
      });
    });

    it('searches by part of the name, a code prefix or an exact account number', async () => {
      const ids = async (q: string) =>
        (
          (await get(admin, `/charging-entities?q=${encodeURIComponent(q)}`))
            .json as EntitySearchPage
        ).items.map((e) => e.id);
      expect(await ids('工业园')).toEqual([MINHANG_ENTITY]);
      expect(await ids('913101177j')).toEqual([SONGJIANG_ENTITY]);
      expect(await ids('3100000003')).toEqual([SONGJIANG_ENTITY]);
      expect(await ids('310000000')).toEqual([]); // accounts match exactly, not by part
      expect(await ids('%')).toEqual([]); // a wildcard is a character, not a pattern
    });

    it("keeps district staff to their district's entities", async () => {
      const mine = (await get(pudong, '/charging-entities')).json as EntitySearchPage;
      expect(mine.items.map((e) => e.id)).toEqual([PUDONG_ENTITY]);
      const elsewhere = await get(pudong, '/charging-entities?district=310112');
      expect(elsewhere.status).toBe(403);
      expect(elsewhere.json.code).toBe('DASHBOARD.OUT_OF_SCOPE');
      expect((await get(pudong, `/charging-entities/${MINHANG_ENTITY}`)).status).toBe(403);
      expect((await get(entity, '/charging-entities')).status).toBe(403);
    });

    it('profiles an entity: accounts, tenants, findings by month, cases by state', async () => {
      const r = await get(minhang, `/charging-entities/${MINHANG_ENTITY}`);
      expect(r.status, r.text).toBe(200);
      const profile = r.json as EntityProfileView;
      expect(profile.accounts).toEqual([
        {
          accountNo: '3100000002',
          userClass: 'general_commercial',
          voltage: 'lt_1kv',
          pricing: 'single',
          firstPeriod: '2025-03',
          lastPeriod: '2025-06',
        },
      ]);
      expect(profile.tenantCount).toBe(2);
      const want = expectedByPeriod(MINHANG_ENTITY);
      expect(profile.findingsByMonth).toEqual(
        [...want.entries()]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([period, w]) => ({ period, findings: w.findings, overcharge: formatFen(w.fen) })),
      );
      expect(profile.findingsByMonth.reduce((n, m) => n + m.findings, 0)).toBe(22);
      expect(profile.cases.find((c) => c.id === decidedCase)?.state).toBe('refund_supervision');
      expect(profile.cases.map((c) => c.id)).toContain(openCase);
      const stored = (await casesInDb('310112')).get('310112')!;
      expect(profile.casesByState).toEqual(
        Object.entries(stored)
          .map(([state, count]) => ({ state, count }))
          .sort(
            (a, b) => CASE_STATES.indexOf(a.state as never) - CASE_STATES.indexOf(b.state as never),
          )
          .map((x) => ({ ...x, label: expect.any(String) })),
      );
      expect(profile.casesByState.find((x) => x.state === 'refund_supervision')?.label).toBe(
        '退款监督中',
      );
    });

    it('answers 404 for an unknown entity and 400 for a malformed code', async () => {
      expect((await get(admin, `/charging-entities/${OTHER}`)).status).toBe(404);
      const bad = await get(admin, '/charging-entities/not-a-code');
      expect(bad.status).toBe(400);
      expect(bad.json.details[0].path).toBe('params.id');
    });
  });

  describe('dashboard', () => {
    it('shows a district its cases, overdue ones, money by month and top entities', async () => {
      const r = await get(minhang, '/dashboard');
      expect(r.status, r.text).toBe(200);
      const view = r.json as DashboardView;
      expect(view.districtCode).toBe('310112');
      expect(view.casesByDistrict.map((r) => r.districtCode)).toEqual(['310112']);
      await expectCasesAsStored(view, minhang, '310112');

      const found = expectedByPeriod(MINHANG_ENTITY);
      expect(view.moneyByMonth).toEqual([
        ...[...found.entries()]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([month, w]) => ({
            month,
            found: formatFen(w.fen),
            refunded: '0.00',
            fined: '0.00',
          })),
        // The correction before 立案 and the refund under supervision, and the fine.
        { month: '2026-02', found: '0.00', refunded: '4349.83', fined: '3000.00' },
      ]);
      expect(view.topEntities).toEqual([
        {
          entityId: MINHANG_ENTITY,
          name: '闵行某工业园',
          districtCode: '310112',
          findings: 22,
          overcharge: '15274.91',
        },
      ]);
    });

    it('shows the city every district, and narrows to one or to a range of months', async () => {
      const city = (await get(admin, '/dashboard')).json as DashboardView;
      expect(city.districtCode).toBeNull();
      await expectCasesAsStored(city, admin);
      // A case registered in February and left waiting for 立案 (a report's or a warning
      // clue's) is overdue in June, and the queue says so too.
      expect(city.overdueTotal).toBeGreaterThanOrEqual(1);
      expect(city.topEntities.map((e) => [e.entityId, e.findings, e.overcharge])).toEqual([
        [MINHANG_ENTITY, 22, '15274.91'],
        [SONGJIANG_ENTITY, 3, '1237.83'],
      ]);
      expect(city.moneyByMonth.find((m) => m.month === '2025-08')).toEqual({
        month: '2025-08',
        found: '1237.83',
        refunded: '0.00',
        fined: '0.00',
      });
      const songjiang = (await get(admin, '/dashboard?district=310117')).json as DashboardView;
      expect(songjiang.casesByDistrict.map((r) => r.districtCode)).toEqual([
        ...(await casesInDb('310117')).keys(),
      ]);
      expect(songjiang.topEntities.map((e) => e.entityId)).toEqual([SONGJIANG_ENTITY]);
      const range = (await get(admin, '/dashboard?from=2026-01&to=2026-12')).json as DashboardView;
      expect(range.moneyByMonth.map((m) => m.month)).toEqual(['2026-02']);
      const reversed = await get(admin, '/dashboard?from=2026-03&to=2026-01');
      expect(reversed.status).toBe(400);
    });

    it("refuses another district's figures to district staff", async () => {
      const r = await get(pudong, '/dashboard?district=310112');
      expect(r.status).toBe(403);
      const own = (await get(pudong, '/dashboard')).json as DashboardView;
      await expectCasesAsStored(own, pudong, '310115');
      expect(own.topEntities).toEqual([]); // fixture 01 is clean
      expect(JSON.stringify(own)).not.toContain(MINHANG_ENTITY);
      expect((await get(entity, '/dashboard')).status).toBe(403);
    });

    it('exports each list as .xlsx with Chinese headers and exact 2-decimal amounts', async () => {
      const view = (await get(minhang, '/dashboard')).json as DashboardView;
      const sheetOf = async (list: string) => {
        const res = await fetch(`${t.baseUrl}/api/dashboard/export?list=${list}`, {
          headers: minhang.headers,
        });
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toContain('spreadsheetml.sheet');
        expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''");
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(await res.arrayBuffer());
        const sheet = book.worksheets[0]!;
        const rows: unknown[][] = [];
        sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
        return { sheet, rows };
      };

      const money = await sheetOf('money-by-month');
      expect(money.rows).toEqual([
        ['月份', '核查发现多收金额（元）', '已退还金额（元）', '罚款金额（元）'],
        ...view.moneyByMonth.map((m) => [
          m.month,
          Number(m.found),
          Number(m.refunded),
          Number(m.fined),
        ]),
      ]);
      expect(money.rows.at(-1)).toEqual(['2026-02', 0, 4349.83, 3000]);
      for (let r = 2; r <= money.rows.length; r++)
        for (const c of [2, 3, 4]) {
          const cell = money.sheet.getRow(r).getCell(c);
          expect(cell.numFmt).toBe('#,##0.00');
          // The number in the file prints back as the wire's exact decimal.
          expect((cell.value as number).toFixed(2)).toBe(
            [
              view.moneyByMonth[r - 2]!.found,
              view.moneyByMonth[r - 2]!.refunded,
              view.moneyByMonth[r - 2]!.fined,
            ][c - 2],
          );
        }

      const top = await sheetOf('top-entities');
      expect(top.rows).toEqual([
        ['统一社会信用代码', '收费主体名称', '所在区', '问题数', '多收金额（元）'],
        [MINHANG_ENTITY, '闵行某工业园', '闵行区', 22, 15274.91],
      ]);

      const cases = await sheetOf('cases-by-district');
      expect(cases.rows[0]).toEqual([
        '区划代码',
        '区',
        '已登记',
        '已分派',
        '核查中',
        '已立案调查',
        '已作出处理决定',
        '退款监督中',
        '已办结',
        '不予立案',
        '合计',
        '已逾期',
        '即将到期',
      ]);
      const m = view.casesByDistrict[0]!;
      expect(cases.rows.slice(1)).toEqual([
        [
          '310112',
          '闵行区',
          ...view.states.map((st) => m.byState[st.state] ?? 0),
          m.total,
          m.overdue,
          m.dueSoon,
        ],
      ]);
    });

    it('refuses an unknown list and another district in the export', async () => {
      expect((await get(minhang, '/dashboard/export?list=everything')).status).toBe(400);
      expect(
        (await get(pudong, '/dashboard/export?list=top-entities&district=310112')).status,
      ).toBe(403);
    });
  });

  describe('entity portal', () => {
    it('shows the entity its prices and findings, without any tenant when it has few', async () => {
      const r = await get(entity, '/entity/overview');
      if (r.status !== 200) console.log(t.logs.filter((l) => l.includes('error')).join('\n'));
      expect(r.status, r.text).toBe(200);
      const view = r.json as EntityPortalView;
      expect(view).toMatchObject({
        id: MINHANG_ENTITY,
        name: '闵行某工业园',
        perTenantFigures: false,
      });
      expect(view.months.map((m) => m.period)).toEqual([
        '2025-06',
        '2025-05',
        '2025-04',
        '2025-03',
      ]);
      const march = view.months.find((m) => m.period === '2025-03')!;
      expect(march.gridPrices).toEqual([
        { tou: 'peak', unitPrice: '0.88844' },
        { tou: 'valley', unitPrice: '0.45903' },
      ]);
      expect(march.averagePrice).toMatch(/^\d+\.\d{6}$/);
      expect(view.findings.length).toBeGreaterThan(0);
      expect(view.findings.every((f) => f.tenantId === null)).toBe(true);
      for (const secret of [TENANT, OTHER, '租户', 'report']) expect(r.text).not.toContain(secret);
      // Its own data only.
      for (const foreign of [PUDONG_ENTITY, SONGJIANG_ENTITY, '3100000001', '3100000003'])
        expect(r.text).not.toContain(foreign);
    });

    it('takes refund proof for its case under supervision, judged by the bytes', async () => {
      const png = Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        Buffer.alloc(32, 7),
      ]);
      const upload = async (s: TestSession, caseId: string, name: string, data: Buffer) => {
        const { body, contentType } = await multipartBody([{ name, data }]);
        const res = await fetch(`${t.baseUrl}/api/entity/refund-proofs/${caseId}`, {
          method: 'POST',
          headers: { ...s.headers, 'content-type': contentType },
          body: new Uint8Array(body),
        });
        return { status: res.status, json: JSON.parse(await res.text()) };
      };
      const ok = await upload(entity, decidedCase, 'bank-slip.png', png);
      expect(ok.status).toBe(201);
      expect(ok.json).toMatchObject([
        { caseId: decidedCase, kind: 'png', bytes: 40, fileName: 'bank-slip.png' },
      ]);
      // The same file again is kept once.
      expect((await upload(entity, decidedCase, 'again.png', png)).json).toHaveLength(1);
      const fake = await upload(entity, decidedCase, 'slip.pdf', Buffer.from('<html>'));
      expect(fake.status).toBe(415);
      expect(fake.json.code).toBe('REFUND_PROOF.UNSUPPORTED_TYPE');

      expect((await get(entity, `/refund-proofs/${decidedCase}`)).json).toEqual(ok.json);
      expect((await get(minhang, `/refund-proofs/${decidedCase}`)).json).toEqual(ok.json);
      expect((await get(pudong, `/refund-proofs/${decidedCase}`)).status).toBe(404);
      const audit = (await get(admin, `/audit-logs?action=case.refund_proof_added`))
        .json as AuditLogPage;
      expect(audit.items).toHaveLength(1);
      expect(audit.items[0]!.details).toEqual({
        sha256: ok.json[0].sha256,
        kind: 'png',
        bytes: 40,
      });

      // Staff of the district open the stored bytes; each read is audited.
      const proofId = ok.json[0].id as string;
      const file = (s: TestSession, id = proofId) =>
        fetch(`${t.baseUrl}/api/refund-proofs/${decidedCase}/${id}/file`, { headers: s.headers });
      const res = await file(minhang);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(res.headers.get('content-disposition')).toContain(
        `filename*=UTF-8''${encodeURIComponent('bank-slip.png')}`,
      );
      expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
      expect((await file(pudong)).status).toBe(404);
      expect((await file(minhang, '0'.repeat(16))).status).toBe(404);
      expect((await file(minhang, 'not-an-id')).status).toBe(400);
      expect((await file(entity)).status).toBe(403);
      const reads = (await get(admin, `/audit-logs?action=case.refund_proof_viewed`))
        .json as AuditLogPage;
      expect(reads.items).toHaveLength(1);
      expect(reads.items[0]).toMatchObject({
        subjectId: decidedCase,
        details: { sha256: ok.json[0].sha256 },
      });
    });

    it("refuses proof for another entity's case, and after the correction window", async () => {
      const ds = t.app.get(DataSource);
      const [waiting]: { id: string; entity_id: string }[] = await ds.query(
        "SELECT id, entity_id FROM enforcement_case WHERE state = 'registered'",
      );
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]);
      const { body, contentType } = await multipartBody([{ name: 'p.png', data: png }]);
      const post = (s: TestSession, caseId: string) =>
        fetch(`${t.baseUrl}/api/entity/refund-proofs/${caseId}`, {
          method: 'POST',
          headers: { ...s.headers, 'content-type': contentType },
          body: new Uint8Array(body),
        });
      const owner = await loginAsNewUser(t, { role: 'entity_user', entityId: waiting!.entity_id });
      const stranger = await loginAsNewUser(t, { role: 'entity_user', entityId: PUDONG_ENTITY });
      expect((await post(stranger, waiting!.id)).status).toBe(404);
      // Registered in February: its correction window ended in March.
      const late = await post(owner, waiting!.id);
      expect(late.status).toBe(409);
      expect(((await late.json()) as { code: string }).code).toBe('REFUND_PROOF.WINDOW_CLOSED');
      expect((await get(owner, `/refund-proofs/${waiting!.id}`)).json).toEqual([]);
    });

    it('is for entity users only', async () => {
      expect((await get(minhang, '/entity/overview')).status).toBe(403);
      expect((await get(entity, '/audit-logs')).status).toBe(403);
    });
  });

  describe('audit log', () => {
    it('pages the log newest first, with who did what to which case', async () => {
      const all: number[] = [];
      let before: number | null = null;
      do {
        const page = (await get(admin, `/audit-logs?limit=4${before ? `&before=${before}` : ''}`))
          .json as AuditLogPage;
        all.push(...page.items.map((e) => e.seq));
        before = page.nextBefore;
      } while (before);
      const verdict = (await get(admin, '/audit-logs/verification')).json as AuditChainView;
      expect(all).toEqual(Array.from({ length: verdict.count }, (_, i) => verdict.count - i));

      const decision = (
        await get(admin, `/audit-logs?action=case.record_decision&subjectId=${decidedCase}`)
      ).json as AuditLogPage;
      expect(decision.items).toHaveLength(1);
      expect(decision.items[0]).toMatchObject({
        actorUserId: lead.user.userId,
        actorName: lead.user.displayName,
        actorRole: 'district_lead',
        subjectType: 'case',
        subjectId: decidedCase,
        at: '2026-02-13T08:00:00.000Z',
        details: expect.objectContaining({ fine: '3000.00', to: 'decided' }),
      });
      const feb = (await get(admin, '/audit-logs?from=2026-02-13&to=2026-02-13&limit=200'))
        .json as AuditLogPage;
      const june = (await get(admin, '/audit-logs?from=2026-06-01&limit=200')).json as AuditLogPage;
      expect(feb.items.length).toBeGreaterThan(5);
      expect(june.items.every((e) => e.at >= '2026-05-31T16:00:00.000Z')).toBe(true);
      expect(feb.items.length + june.items.length).toBeLessThanOrEqual(verdict.count);
    });

    it('is for the city administrator only', async () => {
      expect((await get(minhang, '/audit-logs')).status).toBe(403);
      expect((await get(lead, '/audit-logs/verification')).status).toBe(403);
    });

    it('says the chain verifies, and names the first broken entry once one is altered', async () => {
      const ok = (await get(admin, '/audit-logs/verification')).json as AuditChainView;
      expect(ok).toMatchObject({ ok: true, problemCount: 0, firstProblem: null });
      expect(ok.count).toBeGreaterThan(5);
      const ds = t.app.get(DataSource);
      await ds.query(`UPDATE audit_log SET details = ? WHERE seq = 3`, ['{"forged":true}']);
      const broken = (await get(admin, '/audit-logs/verification')).json as AuditChainView;
      expect(broken).toMatchObject({
        ok: false,
        count: ok.count,
        firstProblem: { seq: 3, kind: 'altered' },
      });
      expect(broken.problemCount).toBeGreaterThanOrEqual(1);
    });
  });
});
