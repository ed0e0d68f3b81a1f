import type { CaseQueueItem, CaseQueuePage } from '@zgd/shared-types';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callsTo, inTurn, stubRoutes } from '../../test/fetch-routes';
import { jsonResponse, renderApp } from '../../test/render-app';

const FIRST = 'GET /api/cases?limit=20';
const ASSIGNEES = 'GET /api/cases/assignees?district=310115';

function item(n: number, over: Partial<CaseQueueItem> = {}): CaseQueueItem {
  return {
    id: `00000000-0000-4000-8000-00000000000${n}`,
    number: `沪转供-310115-2026-0000${n}`,
    districtCode: '310115',
    entityId: '91310115MA1K4ABC5X',
    state: 'registered',
    stateLabel: '已登记',
    periods: ['2025-04'],
    source: 'report',
    assigneeUserId: null,
    receivedAt: '2026-05-20T02:00:00.000Z',
    reportCount: 1,
    deadlines: null,
    urgent: null,
    calendarGap: null,
    entityName: `浦东某商场${n}`,
    assigneeName: null,
    claimed: '1234.5',
    queueDue: '2026-06-10',
    queueDueKind: 'filing_decision',
    queueDaysLeft: 9,
    overdue: false,
    dueSoon: false,
    ...over,
  };
}

const page = (items: CaseQueueItem[], nextCursor: string | null = null): CaseQueuePage => ({
  items,
  nextCursor,
  dueSoonUntil: '2026-06-04',
});

const overdue = item(1, { queueDue: '2026-05-29', queueDaysLeft: -3, overdue: true });
// A refused case whose real-name reporter was not told in time: still overdue in the queue.
const untold = item(4, {
  state: 'not_opened',
  stateLabel: '不予立案',
  queueDueKind: 'reporter_notice',
  queueDue: '2026-05-30',
  queueDaysLeft: -2,
  overdue: true,
});
const soon = item(2, { queueDue: '2026-06-03', queueDaysLeft: 2, dueSoon: true });
const later = item(3, {
  state: 'investigating',
  stateLabel: '已立案调查',
  queueDueKind: 'case_decision',
  queueDue: '2026-08-20',
  queueDaysLeft: 80,
  assigneeName: '浦东办案员',
  claimed: '32075.71',
});

function rowOf(number: string): HTMLElement {
  return screen.getByText(number).closest('tr') as HTMLElement;
}

describe('线索与案件 (the work queue)', () => {
  it('lists the queue by deadline with overdue in red and due soon in orange, then loads more', async () => {
    const fetchMock = stubRoutes({
      [FIRST]: page([overdue, untold, soon], 'CURSOR-1'),
      'GET /api/cases?limit=20&cursor=CURSOR-1': page([later]),
      [ASSIGNEES]: [],
    });
    renderApp('/admin/cases', { as: 'district_officer' });

    expect(await screen.findByText('沪转供-310115-2026-00001')).toBeTruthy();
    const red = within(rowOf('沪转供-310115-2026-00001')).getByText('已超期 · 超期 3 天');
    expect(red.closest('.ant-tag')?.className).toContain('ant-tag-red');
    const refused = within(rowOf('沪转供-310115-2026-00004'));
    expect(refused.getByText('告知实名举报人 · 2026-05-30')).toBeTruthy();
    expect(refused.getByText('已超期 · 超期 2 天').closest('.ant-tag')?.className).toContain(
      'ant-tag-red',
    );
    const orange = within(rowOf('沪转供-310115-2026-00002')).getByText('即将到期 · 剩 2 天');
    expect(orange.closest('.ant-tag')?.className).toContain('ant-tag-orange');
    expect(within(rowOf('沪转供-310115-2026-00002')).getByText('¥1,234.50')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '加载更多' }));
    expect(await screen.findByText('沪转供-310115-2026-00003')).toBeTruthy();
    const third = within(rowOf('沪转供-310115-2026-00003'));
    expect(third.getByText('作出处理决定 · 2026-08-20')).toBeTruthy();
    expect(third.getByText('¥32,075.71')).toBeTruthy();
    expect(third.getByText('浦东办案员')).toBeTruthy();
    // Kept in order: the first page, then the next.
    const numbers = screen.getAllByRole('link', { name: /沪转供-/ }).map((a) => a.textContent);
    expect(numbers).toEqual([
      '沪转供-310115-2026-00001',
      '沪转供-310115-2026-00004',
      '沪转供-310115-2026-00002',
      '沪转供-310115-2026-00003',
    ]);
    expect(screen.getByText('已显示全部 4 件')).toBeTruthy();
    expect(callsTo(fetchMock, 'GET /api/cases?limit=20&cursor=CURSOR-1')).toHaveLength(1);
  });

  it('sends the filters to the API and keeps them in the address', async () => {
    const filtered = 'GET /api/cases?status=registered&due=overdue&amountMin=100&limit=20';
    const fetchMock = stubRoutes({
      [FIRST]: page([overdue, soon]),
      [filtered]: page([overdue]),
      [ASSIGNEES]: [],
    });
    const { router } = renderApp('/admin/cases', { as: 'district_officer' });
    await screen.findByText('沪转供-310115-2026-00002');

    fireEvent.mouseDown(screen.getByRole('combobox', { name: '状态' }));
    fireEvent.click(await screen.findByTitle('已登记'));
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '期限' }));
    fireEvent.click(await screen.findByTitle('已超期'));
    fireEvent.change(screen.getByRole('textbox', { name: '金额下限' }), {
      target: { value: '100' },
    });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));

    await waitFor(() => expect(callsTo(fetchMock, filtered)).toHaveLength(1));
    await waitFor(() => expect(screen.queryByText('沪转供-310115-2026-00002')).toBeNull());
    expect(router.state.location.search).toBe('?status=registered&due=overdue&amountMin=100');
    // District staff have no district filter: the API holds them to their own.
    expect(screen.queryByRole('combobox', { name: '区' })).toBeNull();
  });

  it('refuses an amount that is not 元 with two decimals before asking the API', async () => {
    const fetchMock = stubRoutes({ [FIRST]: page([overdue]), [ASSIGNEES]: [] });
    renderApp('/admin/cases', { as: 'district_officer' });
    await screen.findByText('沪转供-310115-2026-00001');
    fireEvent.change(screen.getByRole('textbox', { name: '金额上限' }), {
      target: { value: '12.345' },
    });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    expect(await screen.findByText('金额应为最多两位小数的元')).toBeTruthy();
    expect(fetchMock.mock.calls.map(([url]) => String(url))).not.toContain(
      '/api/cases?amountMax=12.345&limit=20',
    );
  });

  it('assigns the selected cases to one officer, and says nothing changed when the API refuses', async () => {
    const fetchMock = stubRoutes({
      [FIRST]: inTurn(page([overdue, soon, later]), page([later])),
      [ASSIGNEES]: [
        { userId: 2, displayName: '浦东办案员', role: 'district_officer', districtCode: '310115' },
        { userId: 3, displayName: '浦东负责人', role: 'district_lead', districtCode: '310115' },
      ],
      'POST /api/cases/assign': inTurn(
        () =>
          jsonResponse(
            {
              code: 'CASE.ALREADY_CLOSED',
              message: '案件 沪转供-310115-2026-00002：案件已办结，不能再分派承办人',
            },
            409,
          ),
        {
          assigneeId: 3,
          cases: [
            { id: overdue.id, state: 'assigned', version: 2 },
            { id: soon.id, state: 'assigned', version: 2 },
          ],
        },
      ),
    });
    renderApp('/admin/cases', { as: 'district_officer' });
    await screen.findByText('沪转供-310115-2026-00001');

    const assign = screen.getByRole('button', { name: '批量分派' }) as HTMLButtonElement;
    expect(assign.disabled).toBe(true);
    fireEvent.click(within(rowOf('沪转供-310115-2026-00001')).getByRole('checkbox'));
    fireEvent.click(within(rowOf('沪转供-310115-2026-00002')).getByRole('checkbox'));
    expect(screen.getByText('已选 2 件')).toBeTruthy();
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '承办人' }));
    fireEvent.click(await screen.findByTitle('浦东负责人（负责人）'));
    fireEvent.click(assign);

    expect(
      await screen.findByText(
        '分派失败，未作任何更改：案件 沪转供-310115-2026-00002：案件已办结，不能再分派承办人',
      ),
    ).toBeTruthy();
    fireEvent.click(assign);
    expect(await screen.findByText('已将 2 件案件分派给承办人')).toBeTruthy();

    const bodies = callsTo(fetchMock, 'POST /api/cases/assign').map(([, init]) =>
      JSON.parse(String(init?.body)),
    );
    expect(bodies).toEqual([
      { caseIds: [overdue.id, soon.id], assigneeId: 3 },
      { caseIds: [overdue.id, soon.id], assigneeId: 3 },
    ]);
    // The queue is read again after the assignment.
    await waitFor(() => expect(callsTo(fetchMock, FIRST)).toHaveLength(2));
    await waitFor(() => expect(screen.getByText('已选 0 件')).toBeTruthy());
  });

  it('lets the city pick a district', async () => {
    stubRoutes({
      [FIRST]: page([overdue]),
      'GET /api/cases?district=310112&limit=20': page([]),
      'GET /api/cases/assignees?district=310112': [],
    });
    const { router } = renderApp('/admin/cases', { as: 'city_admin' });
    await screen.findByText('沪转供-310115-2026-00001');
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '区' }));
    fireEvent.click(await screen.findByTitle('闵行区'));
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    await waitFor(() => expect(router.state.location.search).toBe('?district=310112'));
    await waitFor(() => expect(screen.queryByText('沪转供-310115-2026-00001')).toBeNull());
  });
});
