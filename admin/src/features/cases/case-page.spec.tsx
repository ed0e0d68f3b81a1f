import { createHash } from 'node:crypto';
import type { CaseDetailView, CaseWorkbenchView, RefundProofView } from '@zgd/shared-types';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { callsTo, inTurn, stubRoutes } from '../../test/fetch-routes';
import { renderApp } from '../../test/render-app';

const ID = '11111111-2222-4333-8444-555555555555';
const REAL = 'aaaaaaaa-0000-4000-8000-000000000001';
const ANON = 'aaaaaaaa-0000-4000-8000-000000000002';
const TENANT_A = '91310109PRMU98K65L';
const TENANT_B = '91310104JM5DLCRP3K';

const evidence = JSON.stringify({
  tenantId: TENANT_A,
  accountNo: '3100000002',
  periods: ['2025-04'],
  sheets: [
    {
      entity: { id: '91310115MA1K4ABC5X', name: '浦东某商场', districtCode: '310115' },
      accountNo: '3100000002',
      period: '2025-04',
      runId: 1,
      computedAt: '2026-05-01T00:00:00.000Z',
      status: 'reconciled',
      grid: {
        lines: [],
        G: '10000.00',
        K: '12000.000',
        avg: { numerator: '1000000', denominator: '12000000', display: '0.8333' },
        ownUseKwh: null,
        own: null,
        T: '10000.00',
        collected: '12000.00',
        E: null,
      },
      lines: [
        {
          sourceLine: 2,
          tenantId: TENANT_A,
          tenantName: '租户1号商行',
          item: '电费',
          tou: null,
          kwh: '1000.000',
          unitPrice: '1.20000',
          amount: '1200.00',
          allowedPrice: '0.8333',
          allowedAmount: '833.33',
          difference: '366.67',
          fed: 'PRICE_ABOVE_GRID',
        },
      ],
      findings: [
        {
          type: 'PRICE_ABOVE_GRID',
          entityId: '91310115MA1K4ABC5X',
          accountNo: '3100000002',
          period: '2025-04',
          tenantId: TENANT_A,
          amount: '366.67',
          basis: {},
        },
      ],
      refund: null,
      verdict: { level: 'red', refund: '366.67', reasons: [] },
      sources: { gridBillId: 1, chargeSheetId: 1, ownUseId: null },
    },
  ],
});
const HASH = createHash('sha256').update(evidence, 'utf8').digest('hex');

function detail(over: Partial<CaseDetailView> = {}): CaseDetailView {
  // Asserted rather than annotated: fields the API adds later need no change here.
  return {
    id: ID,
    refundOrderPeriods: [],
    reporterNotices: [],
    number: '沪转供-310115-2026-00007',
    districtCode: '310115',
    entityId: '91310115MA1K4ABC5X',
    state: 'verifying',
    stateLabel: '核查中',
    periods: ['2025-04'],
    source: 'report',
    assigneeUserId: 2,
    receivedAt: '2026-06-01T02:00:00.000Z',
    reportCount: 2,
    deadlines: {
      asOf: '2026-06-18',
      filingDecision: {
        kind: 'filing_decision',
        dueDate: '2026-06-23',
        basis: '收到举报之日起15个工作日',
        daysLeft: 5,
        workingDaysLeft: 2,
        state: 'due_soon',
        completedAt: null,
        late: false,
      },
      reporterNotice: null,
      caseDecision: null,
    },
    urgent: null,
    calendarGap: null,
    decision: null,
    refunds: [],
    corrections: [],
    refusal: null,
    transfers: [],
    reports: [
      {
        id: REAL,
        tenantId: TENANT_A,
        realName: true,
        reporterName: '张三',
        reporterPhone: '13812345678',
        contactMasked: false,
        accountNo: '3100000002',
        periods: ['2025-04'],
        description: '按每度 1.2 元收费',
        createdAt: '2026-06-01T02:00:00.000Z',
        evidenceHash: HASH,
        attachments: [],
      },
      {
        id: ANON,
        tenantId: TENANT_B,
        realName: false,
        reporterName: null,
        reporterPhone: null,
        contactMasked: false,
        accountNo: '3100000002',
        periods: ['2025-04'],
        description: '',
        createdAt: '2026-06-02T02:00:00.000Z',
        evidenceHash: 'f'.repeat(64),
        attachments: [],
      },
    ],
    timeline: [
      {
        seq: 1,
        action: 'register',
        fromState: null,
        toState: 'registered',
        actorRole: 'system',
        at: '2026-06-01T02:00:00.000Z',
        details: {},
      },
      {
        seq: 2,
        action: 'assign',
        fromState: 'registered',
        toState: 'assigned',
        actorRole: 'district_officer',
        at: '2026-06-01T03:00:00.000Z',
        details: {},
      },
    ],
    ...over,
  } as CaseDetailView;
}

function workbench(
  actions: [string, string][],
  refundOrder: CaseWorkbenchView['refundOrder'] = {
    decisionDue: null,
    runningSince: null,
    ifEndedToday: null,
  },
): CaseWorkbenchView {
  return {
    refundOrder,
    actions: actions.map(([action, label]) => ({ action, label })),
    stepLabels: { register: '登记', assign: '分派承办人', open_case: '立案' },
    refusalReasons: [
      {
        code: 'NO_VIOLATION',
        label: '经核查，没有证据初步证明存在违法行为',
        basis: '《市场监督管理行政处罚程序规定》第十九条第（一）项',
      },
    ],
    transferReasons: [],
    unconfirmableReasons: [],
    noticeMethods: [{ code: 'PHONE', label: '电话告知' }],
    entity: { id: '91310115MA1K4ABC5X', name: '浦东某商场', premisesAddress: '浦东新区某路 8 号' },
    assigneeName: '浦东办案员',
    claimed: '2237.25',
    documents: [
      { kind: 'filing-approval', title: '立案审批表', ready: true },
      { kind: 'refund-order', title: '责令退还多收价款通知书', ready: false },
    ],
  };
}

const ENTITY_ROUTES = {
  [`GET /api/refund-proofs/${ID}`]: [],
  'GET /api/charging-entities/91310115MA1K4ABC5X': {
    id: '91310115MA1K4ABC5X',
    name: '浦东某商场',
    premisesAddress: '浦东新区某路 8 号',
    districtCode: '310115',
    accounts: [],
    tenantCount: 12,
    findingsByMonth: [
      { period: '2025-03', findings: 2, overcharge: '100.5' },
      { period: '2025-04', findings: 3, overcharge: '2237.25' },
    ],
    cases: [
      {
        id: ID,
        number: '沪转供-310115-2026-00007',
        state: 'verifying',
        stateLabel: '核查中',
        periods: ['2025-04'],
        receivedAt: '2026-06-01T02:00:00.000Z',
      },
      {
        id: '99999999-2222-4333-8444-555555555555',
        number: '沪转供-310115-2025-00031',
        state: 'closed',
        stateLabel: '已办结',
        periods: ['2024-10'],
        receivedAt: '2025-11-01T02:00:00.000Z',
      },
    ],
    casesByState: [],
  },
  'GET /api/supervision/credit/91310115MA1K4ABC5X': [
    {
      id: 2,
      entityId: '91310115MA1K4ABC5X',
      entityName: '浦东某商场',
      districtCode: '310115',
      creditClass: 'C',
      score: 48,
      factors: [],
      trigger: 'run:3',
      computedAt: '2026-05-20T02:00:00.000Z',
    },
  ],
};
const CASE = `GET /api/cases/${ID}`;
const BENCH = `GET /api/cases/${ID}/workbench`;
const ACT = `POST /api/cases/${ID}/actions`;
const bodies = (fetchMock: ReturnType<typeof stubRoutes>) =>
  callsTo(fetchMock, ACT).map(([, init]) => JSON.parse(String(init?.body)));

describe('the case page', () => {
  it('shows the summary, deadlines with time left, the reporter only where given, and the timeline', async () => {
    stubRoutes({
      ...ENTITY_ROUTES,
      [CASE]: detail(),
      [BENCH]: workbench([
        ['open_case', '立案'],
        ['refuse', '不予立案'],
      ]),
    });
    renderApp(`/admin/cases/${ID}`, { as: 'district_lead' });

    expect(await screen.findByRole('heading', { name: '沪转供-310115-2026-00007' })).toBeTruthy();
    expect(screen.getByText('浦东某商场（91310115MA1K4ABC5X）')).toBeTruthy();
    // The claimed amount (the entity's findings below may show the same figure).
    expect(
      screen.getByText('举报涉及金额').closest('.ant-descriptions-item')?.textContent,
    ).toContain('¥2,237.25');
    const filing = within(screen.getByLabelText('立案决定'));
    expect(filing.getByText('2026-06-23')).toBeTruthy();
    expect(filing.getByText('即将到期')).toBeTruthy();
    expect(filing.getByText('剩 5 天（2 个工作日）')).toBeTruthy();

    const real = within(screen.getByRole('region', { name: '举报 1' }));
    expect(real.getByText('张三 · 13812345678')).toBeTruthy();
    const anon = within(screen.getByRole('region', { name: '举报 2' }));
    expect(anon.queryByText('举报人')).toBeNull();
    expect(screen.getByText('浦东办案员')).toBeTruthy();
    // The entity around the case: its credit class, tenants, other cases, recent findings.
    expect(await screen.findByText('C 类（较高风险）')).toBeTruthy();
    expect(screen.getByRole('link', { name: '沪转供-310115-2025-00031（已办结）' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: '沪转供-310115-2026-00007（核查中）' })).toBeNull();
    const recent = within(screen.getByRole('table', { name: '近期核查结果' }));
    expect(recent.getAllByRole('row')[1].textContent).toContain('2025-04');
    expect(recent.getByText('¥2,237.25')).toBeTruthy();
    expect(screen.getByText('登记')).toBeTruthy();
    expect(screen.getByText('分派承办人')).toBeTruthy();
    expect(screen.getByText(/区局办案人员 · 转为“已分派”/)).toBeTruthy();
    // Only the steps the API allows, and the documents that are ready.
    expect(screen.getByRole('button', { name: '立案' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '作出处理决定' })).toBeNull();
    expect(
      (screen.getByRole('button', { name: '打印责令退还多收价款通知书' }) as HTMLButtonElement)
        .disabled,
    ).toBe(true);
  });

  it('lists the refund proofs the entity handed in, and opens one in a new tab', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const proof = (over: Partial<RefundProofView>): RefundProofView => ({
      id: 'a1b2c3d4e5f60718',
      caseId: ID,
      sha256: 'a1b2c3d4e5f60718'.padEnd(64, '0'),
      kind: 'png',
      bytes: 245_760,
      at: '2026-06-02T02:30:00.000Z',
      fileName: '银行回单-六月.png',
      ...over,
    });
    const fetchMock = stubRoutes({
      ...ENTITY_ROUTES,
      [CASE]: detail(),
      [BENCH]: workbench([]),
      [`GET /api/refund-proofs/${ID}`]: [
        proof({}),
        proof({
          id: 'ffff000011112222',
          sha256: 'ffff000011112222'.padEnd(64, '1'),
          kind: 'pdf',
          bytes: 1_572_864,
          at: '2026-06-03T01:00:00.000Z',
          // Stored before names were kept.
          fileName: null,
        }),
      ],
      [`GET /api/refund-proofs/${ID}/a1b2c3d4e5f60718/file`]: () =>
        new Response(png, { headers: { 'content-type': 'image/png' } }),
    });
    const tab = { location: { href: '' }, close: vi.fn() };
    vi.spyOn(window, 'open').mockReturnValue(tab as unknown as Window);
    const blobs: Blob[] = [];
    vi.stubGlobal(
      'URL',
      Object.assign(URL, {
        createObjectURL: vi.fn((b: Blob) => (blobs.push(b), 'blob:proof')),
        revokeObjectURL: vi.fn(),
      }),
    );
    renderApp(`/admin/cases/${ID}`, { as: 'district_officer' });

    // The table shows (loading) before the list arrives: wait for its first file.
    await screen.findByText('银行回单-六月.png');
    const table = screen.getByRole('table', { name: '退款凭证' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .slice(0, 4)
          .map((c) => c.textContent),
      );
    expect(rows).toEqual([
      ['银行回单-六月.png', 'PNG 图片', '240.0 KB', '2026-06-02 10:30'],
      ['退款凭证 ffff000011112222.pdf', 'PDF', '1.5 MB', '2026-06-03 09:00'],
    ]);

    fireEvent.click(within(table).getByRole('button', { name: '查看 银行回单-六月.png' }));
    await waitFor(() => expect(tab.location.href).toBe('blob:proof'));
    expect(new Uint8Array(await blobs[0]!.arrayBuffer())).toEqual(png);
    const [[, init]] = callsTo(fetchMock, `GET /api/refund-proofs/${ID}/a1b2c3d4e5f60718/file`);
    expect(new Headers(init?.headers).get('authorization')).toMatch(/^Bearer /);
  });

  it('says when the entity has handed in no refund proof', async () => {
    stubRoutes({ ...ENTITY_ROUTES, [CASE]: detail(), [BENCH]: workbench([]) });
    renderApp(`/admin/cases/${ID}`, { as: 'district_officer' });
    expect(await screen.findByText('收费主体尚未提交退款凭证。')).toBeTruthy();
    expect(screen.queryByRole('table', { name: '退款凭证' })).toBeNull();
  });

  it('recomputes the evidence hash in the browser and shows the frozen formula sheet', async () => {
    stubRoutes({
      ...ENTITY_ROUTES,
      [CASE]: detail(),
      [BENCH]: workbench([]),
      [`GET /api/cases/${ID}/reports/${REAL}/evidence`]: () =>
        new Response(evidence, { headers: { 'content-type': 'application/json' } }),
      [`GET /api/cases/${ID}/reports/${ANON}/evidence`]: () =>
        new Response(evidence, { headers: { 'content-type': 'application/json' } }),
    });
    renderApp(`/admin/cases/${ID}`, { as: 'district_officer' });
    const real = within(await screen.findByRole('region', { name: '举报 1' }));
    fireEvent.click(real.getByRole('button', { name: '校验并查看核算表' }));
    expect(await real.findByText('校验一致：证据未被改动')).toBeTruthy();
    expect(real.getByText('0.8333 元/kWh')).toBeTruthy();
    expect(real.getByText('366.67', { selector: '.ant-typography-danger' })).toBeTruthy();
    expect(real.getByText('单价高于允许价格')).toBeTruthy();

    // The second report's recorded hash does not match the bytes served for it.
    const anon = within(screen.getByRole('region', { name: '举报 2' }));
    fireEvent.click(anon.getByRole('button', { name: '校验并查看核算表' }));
    expect(await anon.findByText(/^校验不一致/)).toBeTruthy();
  });

  it('opens the case (立案) after a confirmation and reads the case again', async () => {
    const fetchMock = stubRoutes({
      ...ENTITY_ROUTES,
      [CASE]: inTurn(detail(), detail({ state: 'investigating', stateLabel: '已立案调查' })),
      [BENCH]: inTurn(workbench([['open_case', '立案']]), workbench([])),
      [ACT]: { id: ID, state: 'investigating', version: 4 },
    });
    renderApp(`/admin/cases/${ID}`, { as: 'district_lead' });
    fireEvent.click(await screen.findByRole('button', { name: '立案' }));
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText(/立案须经负责人批准/)).toBeTruthy();
    fireEvent.click(dialog.getByRole('button', { name: '确定' }));
    expect(await screen.findByText('已立案调查')).toBeTruthy();
    expect(bodies(fetchMock)).toEqual([{ action: 'open_case' }]);
  });

  it('refuses with a legal reason, showing the reason’s basis', async () => {
    const fetchMock = stubRoutes({
      ...ENTITY_ROUTES,
      [CASE]: detail(),
      [BENCH]: workbench([['refuse', '不予立案']]),
      [ACT]: { id: ID, state: 'not_opened', version: 4 },
    });
    renderApp(`/admin/cases/${ID}`, { as: 'district_lead' });
    fireEvent.click(await screen.findByRole('button', { name: '不予立案' }));
    const dialog = within(await screen.findByRole('dialog'));
    fireEvent.click(dialog.getByRole('button', { name: '确定' }));
    expect(await dialog.findByText('请选择不予立案的理由')).toBeTruthy();
    expect(callsTo(fetchMock, ACT)).toHaveLength(0);
    fireEvent.mouseDown(dialog.getByRole('combobox', { name: '不予立案的法定理由' }));
    fireEvent.click(await screen.findByTitle('经核查，没有证据初步证明存在违法行为'));
    expect(
      await dialog.findByText('依据：《市场监督管理行政处罚程序规定》第十九条第（一）项'),
    ).toBeTruthy();
    fireEvent.click(dialog.getByRole('button', { name: '确定' }));
    await waitFor(() =>
      expect(bodies(fetchMock)).toEqual([{ action: 'refuse', reason: 'NO_VIOLATION' }]),
    );
  });

  it('records the decision with exact amounts per tenant, and shows what the API refused', async () => {
    const fetchMock = stubRoutes({
      ...ENTITY_ROUTES,
      [CASE]: detail({ state: 'investigating', stateLabel: '已立案调查' }),
      [BENCH]: workbench([['record_decision', '作出处理决定']]),
      [ACT]: inTurn(
        () =>
          new Response(
            JSON.stringify({
              code: 'CASE.FINE_OUT_OF_BOUNDS',
              message: '罚款不得超过违法所得的5倍',
            }),
            { status: 400, headers: { 'content-type': 'application/json' } },
          ),
        { id: ID, state: 'decided', version: 5 },
      ),
    });
    renderApp(`/admin/cases/${ID}`, { as: 'district_lead' });
    fireEvent.click(await screen.findByRole('button', { name: '作出处理决定' }));
    const dialog = within(await screen.findByRole('dialog'));
    // Prefilled: the claimed amount, and one refund line per reporting tenant.
    expect((dialog.getByLabelText('违法所得（元）') as HTMLInputElement).value).toBe('2237.25');
    expect((dialog.getByLabelText('退还对象 1') as HTMLInputElement).value).toBe(TENANT_A);
    expect((dialog.getByLabelText('退还对象 2') as HTMLInputElement).value).toBe(TENANT_B);
    fireEvent.change(dialog.getByLabelText('应退金额 1'), { target: { value: '2000' } });
    fireEvent.change(dialog.getByLabelText('应退金额 2'), { target: { value: '237.25' } });
    fireEvent.change(dialog.getByLabelText('罚款（元）'), { target: { value: '99999999' } });
    fireEvent.click(dialog.getByRole('button', { name: '确定' }));
    expect(await dialog.findByText('罚款不得超过违法所得的5倍')).toBeTruthy();
    fireEvent.change(dialog.getByLabelText('罚款（元）'), { target: { value: '1118.63' } });
    fireEvent.click(dialog.getByRole('button', { name: '确定' }));
    await waitFor(() => expect(bodies(fetchMock)).toHaveLength(2));
    expect(bodies(fetchMock)[1]).toEqual({
      action: 'record_decision',
      illegalGain: '2237.25',
      refundOrders: [
        { tenantId: TENANT_A, amount: '2000' },
        { tenantId: TENANT_B, amount: '237.25' },
      ],
      warning: true,
      fine: '1118.63',
      confiscation: '0',
      serious: false,
    });
  });

  it('records a refund, prefilled with what is still owed', async () => {
    const fetchMock = stubRoutes({
      ...ENTITY_ROUTES,
      [CASE]: detail({
        state: 'refund_supervision',
        stateLabel: '退款监督中',
        refunds: [
          {
            tenantId: TENANT_A,
            ordered: '2000.00',
            recorded: '500.10',
            status: 'outstanding',
            settledAt: null,
            unconfirmableReason: null,
          },
        ],
      }),
      [BENCH]: workbench([['record_refund', '登记退款']]),
      [ACT]: { id: ID, state: 'refund_supervision', version: 7 },
    });
    renderApp(`/admin/cases/${ID}`, { as: 'district_officer' });
    fireEvent.click(await screen.findByRole('button', { name: '登记退款' }));
    const dialog = within(await screen.findByRole('dialog'));
    expect((dialog.getByLabelText('本次退还金额（元）') as HTMLInputElement).value).toBe('1499.90');
    fireEvent.click(dialog.getByRole('button', { name: '确定' }));
    await waitFor(() =>
      expect(bodies(fetchMock)).toEqual([
        { action: 'record_refund', tenantId: TENANT_A, amount: '1499.90' },
      ]),
    );
  });

  it('records that a real-name reporter was told, choosing the report and how', async () => {
    const fetchMock = stubRoutes({
      ...ENTITY_ROUTES,
      [CASE]: detail({ state: 'investigating', stateLabel: '已立案调查' }),
      [BENCH]: workbench([['record_reporter_notice', '登记告知举报人']]),
      [ACT]: { id: ID, state: 'investigating', version: 5 },
    });
    renderApp(`/admin/cases/${ID}`, { as: 'district_officer' });
    fireEvent.click(await screen.findByRole('button', { name: '登记告知举报人' }));
    const dialog = within(await screen.findByRole('dialog'));
    // The only real-name report is picked already; the anonymous one is never offered.
    expect(dialog.getByTitle(`实名举报 1（${TENANT_A}，2026-06-01）`)).toBeTruthy();
    fireEvent.mouseDown(dialog.getByRole('combobox', { name: '告知的实名举报' }));
    expect(await screen.findAllByRole('option')).toHaveLength(1);
    fireEvent.mouseDown(dialog.getByRole('combobox', { name: '告知方式' }));
    fireEvent.click(await screen.findByTitle('电话告知'));
    fireEvent.click(dialog.getByRole('button', { name: '确定' }));
    await waitFor(() =>
      expect(bodies(fetchMock)).toEqual([
        { action: 'record_reporter_notice', reportId: REAL, method: 'PHONE' },
      ]),
    );
  });

  it('offers 告知 on a refused case, for the real-name reporters not yet told only', async () => {
    const refused = detail({
      state: 'not_opened',
      stateLabel: '不予立案',
      refusal: { at: '2026-06-01T03:00:00.000Z', reason: 'NO_VIOLATION' },
      deadlines: {
        asOf: '2026-06-10',
        filingDecision: null as never,
        reporterNotice: {
          kind: 'reporter_notice',
          dueDate: '2026-06-08',
          basis: '作出是否立案决定之日起5个工作日',
          daysLeft: -2,
          workingDaysLeft: -2,
          state: 'overdue',
          completedAt: null,
          late: false,
        },
        caseDecision: null,
      },
      // Both reports real-name; the first reporter was told already.
      reports: detail().reports.map((r) => ({ ...r, realName: true })),
      reporterNotices: [
        {
          reportId: REAL,
          at: '2026-06-02T03:00:00.000Z',
          method: 'PHONE',
          byRole: 'district_officer',
        },
      ],
    });
    const fetchMock = stubRoutes({
      ...ENTITY_ROUTES,
      [CASE]: refused,
      [BENCH]: workbench([['record_reporter_notice', '登记告知举报人']]),
      [ACT]: { id: ID, state: 'not_opened', version: 6 },
    });
    renderApp(`/admin/cases/${ID}`, { as: 'district_officer' });
    fireEvent.click(await screen.findByRole('button', { name: '登记告知举报人' }));
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText(/本案期限：2026-06-08/)).toBeTruthy();
    // The one reporter still to be told is picked already; the told one is not offered.
    expect(dialog.getByTitle(`实名举报 2（${TENANT_B}，2026-06-02）`)).toBeTruthy();
    fireEvent.mouseDown(dialog.getByRole('combobox', { name: '告知的实名举报' }));
    expect(screen.queryByTitle(`实名举报 1（${TENANT_A}，2026-06-01）`)).toBeNull();
    fireEvent.mouseDown(dialog.getByRole('combobox', { name: '告知方式' }));
    fireEvent.click(await screen.findByTitle('电话告知'));
    fireEvent.click(dialog.getByRole('button', { name: '确定' }));
    await waitFor(() =>
      expect(bodies(fetchMock)).toEqual([
        { action: 'record_reporter_notice', reportId: ANON, method: 'PHONE' },
      ]),
    );
  });

  it('starts an order to refund, showing the decision deadline it stops', async () => {
    const fetchMock = stubRoutes({
      ...ENTITY_ROUTES,
      [CASE]: detail({ state: 'investigating', stateLabel: '已立案调查' }),
      [BENCH]: workbench([['suspend_for_refund_order', '责令退还多收价款（期间不计入办案期限）']], {
        decisionDue: '2026-08-30',
        runningSince: null,
        ifEndedToday: null,
      }),
      [ACT]: { id: ID, state: 'investigating', version: 6 },
    });
    renderApp(`/admin/cases/${ID}`, { as: 'district_lead' });
    fireEvent.click(
      await screen.findByRole('button', { name: '责令退还多收价款（期间不计入办案期限）' }),
    );
    const dialog = within(await screen.findByRole('dialog'));
    const period = within(dialog.getByRole('region', { name: '责令退还期间' }));
    expect(period.getByText('自今日起，至登记期间届满之日止')).toBeTruthy();
    expect(period.getByText('2026-08-30')).toBeTruthy();
    fireEvent.click(dialog.getByRole('button', { name: '确定' }));
    await waitFor(() =>
      expect(bodies(fetchMock)).toEqual([{ action: 'suspend_for_refund_order' }]),
    );
  });

  it('ends an order to refund, showing its days and where the decision deadline moves', async () => {
    const fetchMock = stubRoutes({
      ...ENTITY_ROUTES,
      [CASE]: detail({
        state: 'investigating',
        stateLabel: '已立案调查',
        refundOrderPeriods: [{ from: '2026-06-01T02:00:00.000Z', to: null }],
      }),
      [BENCH]: workbench([['resume_after_refund_order', '责令退还期间届满']], {
        decisionDue: '2026-08-30',
        runningSince: '2026-06-01',
        ifEndedToday: { days: 10, decisionDue: '2026-09-09' },
      }),
      [ACT]: { id: ID, state: 'investigating', version: 7 },
    });
    renderApp(`/admin/cases/${ID}`, { as: 'district_officer' });
    expect(await screen.findByText('责令退还：2026-06-01 起（执行中）')).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: '责令退还期间届满' }));
    const dialog = within(await screen.findByRole('dialog'));
    const period = within(dialog.getByRole('region', { name: '责令退还期间' }));
    expect(period.getByText('2026-06-01 至今日，共 10 日')).toBeTruthy();
    expect(period.getByText('2026-08-30')).toBeTruthy();
    expect(period.getByText('2026-09-09')).toBeTruthy();
    fireEvent.click(dialog.getByRole('button', { name: '确定' }));
    await waitFor(() =>
      expect(bodies(fetchMock)).toEqual([{ action: 'resume_after_refund_order' }]),
    );
  });
});
