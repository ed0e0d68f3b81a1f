import type {
  BlacklistEntryView,
  CreditAssessmentView,
  DrawView,
  EntityWarningsView,
} from '@zgd/shared-types';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { callsTo, inTurn, stubRoutes } from '../../test/fetch-routes';
import { renderApp } from '../../test/render-app';

const ENTITY = '91310115MA1FL0Q25X';
const warnings: EntityWarningsView[] = [
  {
    entityId: ENTITY,
    entityName: '浦东某商场',
    districtCode: '310115',
    months: [
      {
        period: '2025-03',
        level: 'green',
        reasons: [],
        refund: '0.00',
        tenantsAffected: 0,
        runId: 1,
      },
      {
        period: '2025-04',
        level: 'red',
        reasons: [
          { code: 'PROHIBITED_FEE', message: '加收了不得收取的费用（如基础电费、管理费）' },
        ],
        refund: '960.00',
        tenantsAffected: 2,
        runId: 2,
      },
    ],
    latestLevel: 'red',
    trend: 'worse',
  },
];
const credit: CreditAssessmentView[] = [
  {
    id: 7,
    entityId: ENTITY,
    entityName: '浦东某商场',
    districtCode: '310115',
    creditClass: 'C',
    score: 27,
    factors: [
      { code: 'FINDINGS', label: '核查发现', points: 24, explanation: '近 12 个月红色预警 3 个月' },
      { code: 'CASES', label: '案件及结果', points: 3, explanation: '立案 0 件，待核查 1 件' },
    ],
    trigger: 'run:2',
    computedAt: '2026-06-01T02:00:00.000Z',
  },
];
const draw: DrawView = {
  id: '0f6b3a57-3a43-4a38-9a0c-1f0a3a7e7a11',
  districtCode: '310115',
  plannedDate: '2026-06-15',
  seed: 20260601,
  algorithm: 'mulberry32/bernoulli-by-class/v1',
  ratios: { A: '0.05', B: '0.20', C: '0.60', D: '1' },
  population: { A: 0, B: 0, C: 1, D: 0 },
  createdAt: '2026-06-01T02:00:00.000Z',
  publishedAt: '2026-06-01T02:00:00.000Z',
  items: [
    {
      id: 3,
      entityId: ENTITY,
      entityName: '浦东某商场',
      creditClass: 'C',
      inspectors: [
        { userId: 11, name: '张检查' },
        { userId: 12, name: '李检查' },
      ],
      outcome: null,
      note: null,
      resultAt: null,
      case: null,
    },
  ],
};
const CLUE = { id: '2b7c1e8e-8a8e-4c7e-9a55-6c1e1e7c2b10', number: '沪转供-310115-2026-00002' };
const recorded: DrawView = {
  ...draw,
  items: [
    {
      ...draw.items[0],
      outcome: 'violation',
      resultAt: '2026-06-15T02:00:00.000Z',
      case: CLUE,
    },
  ],
};
const entry: BlacklistEntryView = {
  id: '5d1c1e8e-8a8e-4c7e-9a55-6c1e1e7c2b10',
  entityId: ENTITY,
  entityName: '浦东某商场',
  districtCode: '310115',
  caseId: '9a1c1e8e-8a8e-4c7e-9a55-6c1e1e7c2b10',
  caseNumber: '沪转供-310115-2026-00001',
  status: 'proposed',
  reason: '罚款 10 万元',
  proposedBy: 2,
  proposedAt: '2026-06-01T02:00:00.000Z',
  decidedBy: null,
  decidedAt: null,
  endsOn: null,
  repairFrom: null,
  removedAt: null,
  removalReason: null,
};

const bodyOf = (call: unknown[]) => JSON.parse(String((call[1] as RequestInit).body));

describe('预警与信用 (warnings and credit page)', () => {
  it('shows each month of an entity in colour with the trend, and the reasons of a month', async () => {
    stubRoutes({ 'GET /api/supervision/warnings': warnings });
    renderApp('/admin/warnings', { as: 'district_lead' });

    const table = await screen.findByRole('table', { name: '预警等级' });
    const months = within(table).getByLabelText(`${ENTITY} 各月预警`);
    expect(within(months).getByText('2025-03')).toBeTruthy();
    expect(within(months).getByText('2025-04')).toBeTruthy();
    expect(within(table).getByText('↑ 加重')).toBeTruthy();
    fireEvent.click(within(table).getByRole('button', { name: /展开行|Expand row/ }));
    expect(await screen.findByText('加收了不得收取的费用（如基础电费、管理费）')).toBeTruthy();
    expect(screen.getByText('960.00')).toBeTruthy();
  });

  it('shows the class of each entity and explains it factor by factor', async () => {
    stubRoutes({
      'GET /api/supervision/warnings': warnings,
      'GET /api/supervision/credit': credit,
    });
    renderApp('/admin/warnings', { as: 'district_officer' });
    fireEvent.click(await screen.findByRole('tab', { name: '信用分类' }));

    const table = await screen.findByRole('table', { name: '信用分类' });
    expect(within(table).getByText('C 类（较高风险）')).toBeTruthy();
    expect(within(table).getByText('核查发现 24 分，案件及结果 3 分')).toBeTruthy();
    fireEvent.click(within(table).getByRole('button', { name: /展开行|Expand row/ }));
    expect(await screen.findByText('近 12 个月红色预警 3 个月')).toBeTruthy();
  });

  it("opens an entity's class history, newest first", async () => {
    const older = { ...credit[0], id: 5, creditClass: 'B' as const, score: 8, trigger: 'run:1' };
    const newer = { ...credit[0], trigger: `case:${entry.caseId}` };
    stubRoutes({
      'GET /api/supervision/warnings': warnings,
      'GET /api/supervision/credit': credit,
      [`GET /api/supervision/credit/${ENTITY}`]: [newer, older],
    });
    renderApp('/admin/warnings', { as: 'city_admin' });
    fireEvent.click(await screen.findByRole('tab', { name: '信用分类' }));
    const table = await screen.findByRole('table', { name: '信用分类' });
    fireEvent.click(within(table).getByRole('button', { name: '历史' }));

    const history = await screen.findByRole('table', { name: '信用分类历史' });
    const rows = within(history).getAllByRole('row').slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .slice(1)
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['2026-06-01 02:00', '案件办理', 'C 类（较高风险）', '27'],
      ['2026-06-01 02:00', '核查批次', 'B 类（一般风险）', '8'],
    ]);
  });

  it('lets a lead draw in its own district and record a result on the published list', async () => {
    const fetchMock = stubRoutes({
      'GET /api/supervision/warnings': warnings,
      'GET /api/supervision/draws': inTurn([], [draw], [recorded]),
      'POST /api/supervision/draws': draw,
      [`POST /api/supervision/draws/${draw.id}/items/3/result`]: recorded,
    });
    renderApp('/admin/warnings', { as: 'district_lead' });
    fireEvent.click(await screen.findByRole('tab', { name: '双随机抽查' }));

    expect(await screen.findByText('暂无抽查批次')).toBeTruthy();
    // A lead draws in its own district: no district to choose.
    expect(screen.queryByRole('combobox', { name: '抽查区' })).toBeNull();
    const date = screen.getByLabelText('计划检查日期');
    fireEvent.mouseDown(date);
    fireEvent.change(date, { target: { value: '2026-06-15' } });
    fireEvent.keyDown(date, { key: 'Enter', code: 'Enter' });
    fireEvent.change(screen.getByLabelText('随机种子'), { target: { value: '20260601' } });
    fireEvent.click(screen.getByRole('button', { name: '抽取并公示' }));

    await waitFor(() => expect(callsTo(fetchMock, 'POST /api/supervision/draws')).toHaveLength(1));
    expect(bodyOf(callsTo(fetchMock, 'POST /api/supervision/draws')[0])).toEqual({
      districtCode: '310115',
      plannedDate: '2026-06-15',
      seed: 20260601,
    });
    const list = await screen.findByRole('table', { name: '抽查名单 2026-06-15' });
    expect(within(list).getByText('张检查、李检查')).toBeTruthy();
    expect(screen.getByText('随机种子 20260601 · mulberry32/bernoulli-by-class/v1')).toBeTruthy();
    expect(await screen.findByText('已抽取 1 家收费主体并公示（随机种子 20260601）')).toBeTruthy();

    fireEvent.mouseDown(within(list).getByRole('combobox', { name: `${ENTITY} 检查结果` }));
    fireEvent.click(await screen.findByTitle('发现违法行为'));
    // A violation may name its supply months; none named means the month of the check.
    expect(within(list).getByRole('combobox', { name: `${ENTITY} 所涉月份` })).toBeTruthy();
    fireEvent.click(within(list).getByRole('button', { name: '登记' }));
    const key = `POST /api/supervision/draws/${draw.id}/items/3/result`;
    await waitFor(() => expect(callsTo(fetchMock, key)).toHaveLength(1));
    expect(bodyOf(callsTo(fetchMock, key)[0])).toEqual({ outcome: 'violation', note: '' });
    expect(await screen.findByText(`检查结果已登记，线索案件 ${CLUE.number}`)).toBeTruthy();
    const link = await screen.findByRole('link', { name: CLUE.number });
    expect(link.getAttribute('href')).toBe(`/admin/cases/${CLUE.id}`);
  });

  it('sends the supply months an inspector names with a violation', async () => {
    const fetchMock = stubRoutes({
      'GET /api/supervision/warnings': warnings,
      'GET /api/supervision/draws': inTurn([draw], [recorded]),
      [`POST /api/supervision/draws/${draw.id}/items/3/result`]: recorded,
    });
    renderApp('/admin/warnings', { as: 'city_admin' });
    fireEvent.click(await screen.findByRole('tab', { name: '双随机抽查' }));
    const list = await screen.findByRole('table', { name: '抽查名单 2026-06-15' });
    fireEvent.mouseDown(within(list).getByRole('combobox', { name: `${ENTITY} 检查结果` }));
    fireEvent.click(await screen.findByTitle('发现违法行为'));
    fireEvent.mouseDown(within(list).getByRole('combobox', { name: `${ENTITY} 所涉月份` }));
    const [newer, older] = [1, 2].map((n) => dayjs().subtract(n, 'month').format('YYYY-MM'));
    fireEvent.click(await screen.findByTitle(newer));
    fireEvent.click(await screen.findByTitle(older));
    fireEvent.click(within(list).getByRole('button', { name: '登记' }));
    const key = `POST /api/supervision/draws/${draw.id}/items/3/result`;
    await waitFor(() => expect(callsTo(fetchMock, key)).toHaveLength(1));
    expect(bodyOf(callsTo(fetchMock, key)[0])).toEqual({
      outcome: 'violation',
      note: '',
      periods: [older, newer],
    });
  });

  it('lets a lead approve a proposal and shows the listing period', async () => {
    const fetchMock = stubRoutes({
      'GET /api/supervision/warnings': warnings,
      'GET /api/supervision/serious-list': inTurn(
        [entry],
        [{ ...entry, status: 'listed', endsOn: '2029-06-01', repairFrom: '2026-12-01' }],
      ),
      [`POST /api/supervision/serious-list/${entry.id}/approve`]: { ...entry, status: 'listed' },
    });
    renderApp('/admin/warnings', { as: 'district_lead' });
    fireEvent.click(await screen.findByRole('tab', { name: '列严名单' }));

    const table = await screen.findByRole('table', { name: '列严名单' });
    expect(within(table).getByText('待审批')).toBeTruthy();
    fireEvent.click(within(table).getByRole('button', { name: '批准列入' }));
    await waitFor(() =>
      expect(
        callsTo(fetchMock, `POST /api/supervision/serious-list/${entry.id}/approve`),
      ).toHaveLength(1),
    );
    expect(await within(table).findByText('2029-06-01')).toBeTruthy();
    expect(within(table).getByText('已列入')).toBeTruthy();
  });

  it('proposes a listing by the case number officers know', async () => {
    const fetchMock = stubRoutes({
      'GET /api/supervision/warnings': warnings,
      'GET /api/supervision/serious-list': inTurn([], [entry]),
      'POST /api/supervision/serious-list': entry,
    });
    renderApp('/admin/warnings', { as: 'district_officer' });
    fireEvent.click(await screen.findByRole('tab', { name: '列严名单' }));
    fireEvent.change(await screen.findByLabelText('案件编号'), {
      target: { value: ' 沪转供-310115-2026-00001 ' },
    });
    fireEvent.change(screen.getByLabelText('列入理由'), { target: { value: '罚款 10 万元' } });
    fireEvent.click(screen.getByRole('button', { name: '提出申请' }));
    await waitFor(() =>
      expect(callsTo(fetchMock, 'POST /api/supervision/serious-list')).toHaveLength(1),
    );
    expect(bodyOf(callsTo(fetchMock, 'POST /api/supervision/serious-list')[0])).toEqual({
      caseNumber: '沪转供-310115-2026-00001',
      reason: '罚款 10 万元',
    });
    expect(await screen.findByText('待审批')).toBeTruthy();
  });

  it('shows a district officer the list without approval buttons', async () => {
    stubRoutes({
      'GET /api/supervision/warnings': warnings,
      'GET /api/supervision/serious-list': [entry],
    });
    renderApp('/admin/warnings', { as: 'district_officer' });
    fireEvent.click(await screen.findByRole('tab', { name: '列严名单' }));
    const table = await screen.findByRole('table', { name: '列严名单' });
    expect(within(table).getByText('待审批')).toBeTruthy();
    expect(within(table).queryByRole('button', { name: '批准列入' })).toBeNull();
  });

  it('keeps tenants and entities out of the page', async () => {
    stubRoutes({});
    renderApp('/admin/warnings', { as: 'entity_user' });
    expect(await screen.findByText('无权访问')).toBeTruthy();
  });
});
