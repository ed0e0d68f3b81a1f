import type { EntityProfileView, EntitySearchRow } from '@zgd/shared-types';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callsTo, stubRoutes } from '../../test/fetch-routes';
import { renderApp } from '../../test/render-app';

const row = (id: string, name: string, districtCode = '310112'): EntitySearchRow => ({
  id,
  name,
  premisesAddress: `${name}地址`,
  districtCode,
  accountCount: 1,
  tenantCount: 2,
});

const profile: EntityProfileView = {
  id: '91310112YUYU122BX0',
  name: '闵行某工业园',
  premisesAddress: '上海市闵行某工业园园区856号',
  districtCode: '310112',
  accounts: [
    {
      accountNo: '3100000002',
      userClass: 'general_commercial',
      voltage: 'lt_1kv',
      pricing: 'single',
      firstPeriod: '2025-03',
      lastPeriod: '2025-06',
    },
  ],
  tenantCount: 2,
  findingsByMonth: [
    { period: '2025-03', findings: 7, overcharge: '4993.20' },
    { period: '2025-04', findings: 5, overcharge: '3500.00' },
  ],
  cases: [
    {
      id: 'c-1',
      number: '沪转供-310112-2026-00001',
      state: 'refund_supervision',
      stateLabel: '退款监督中',
      periods: ['2025-03', '2025-04'],
      receivedAt: '2026-02-13T08:00:00.000Z',
    },
  ],
  casesByState: [{ state: 'refund_supervision', label: '退款监督中', count: 1 }],
};

const cells = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    );

describe('收费主体', () => {
  it('lists entities, loads the next keyset page, and searches by keyword', async () => {
    const q = encodeURIComponent('工业园');
    const fetchMock = stubRoutes({
      'GET /api/charging-entities?limit=20': {
        items: [row('91310112YUYU122BX0', '闵行某工业园')],
        nextAfter: '91310112YUYU122BX0',
      },
      'GET /api/charging-entities?after=91310112YUYU122BX0&limit=20': {
        items: [row('913101154JURQ2830U', '浦东某商务楼', '310115')],
        nextAfter: null,
      },
      [`GET /api/charging-entities?q=${q}&limit=20`]: {
        items: [row('91310112YUYU122BX0', '闵行某工业园')],
        nextAfter: null,
      },
    });
    renderApp('/admin/charging-entities');
    expect(await screen.findByText('闵行某工业园')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '加载更多' }));
    expect(await screen.findByText('浦东某商务楼')).toBeTruthy();
    expect(cells(screen.getByRole('table', { name: '收费主体' })).map((r) => r[2])).toEqual([
      '闵行区',
      '浦东新区',
    ]);
    expect(screen.queryByRole('button', { name: '加载更多' })).toBeNull();

    fireEvent.change(screen.getByLabelText('查询收费主体'), { target: { value: '工业园' } });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    await screen.findByText((_, el) => el?.tagName === 'TD' && el.textContent === '闵行区');
    expect(callsTo(fetchMock, `GET /api/charging-entities?q=${q}&limit=20`)).toHaveLength(1);
  });

  it('profiles an entity: accounts, findings by month, cases, credit class, and 暂无 for no warnings', async () => {
    stubRoutes({
      'GET /api/charging-entities/91310112YUYU122BX0': profile,
      // No warning level computed yet: 暂无.
      'GET /api/supervision/warnings/91310112YUYU122BX0': {
        entityId: profile.id,
        entityName: profile.name,
        districtCode: '310112',
        months: [],
        latestLevel: 'green',
        trend: null,
      },
      'GET /api/supervision/credit/91310112YUYU122BX0': [
        {
          id: 1,
          entityId: profile.id,
          entityName: profile.name,
          districtCode: '310112',
          creditClass: 'C',
          score: 45,
          factors: [{ code: 'CASES', label: '案件', points: 20, explanation: '近两年 1 件案件' }],
          trigger: 'run:1',
          computedAt: '2026-02-13T08:00:00.000Z',
        },
      ],
    });
    renderApp('/admin/charging-entities/91310112YUYU122BX0', { as: 'district_officer' });
    expect(await screen.findByRole('heading', { name: '闵行某工业园' })).toBeTruthy();
    expect(cells(screen.getByRole('table', { name: '电网户号' }))).toEqual([
      ['3100000002', '一般工商业', '不满1千伏', '单一制', '2025-03 至 2025-06'],
    ]);
    expect(cells(screen.getByRole('table', { name: '核查结果' }))).toEqual([
      ['2025-03', '7', '4,993.20'],
      ['2025-04', '5', '3,500.00'],
    ]);
    expect(screen.getByRole('img', { name: '核查问题与多收金额（按月）' })).toBeTruthy();
    expect(cells(screen.getByRole('table', { name: '案件' }))[0]!.slice(0, 3)).toEqual([
      '沪转供-310112-2026-00001',
      '退款监督中',
      '2025-03、2025-04',
    ]);
    expect(await screen.findByText('C 类（较高风险）')).toBeTruthy();
    expect(screen.getByText('案件：+20（近两年 1 件案件）')).toBeTruthy();
    expect(screen.getAllByText('暂无')).toHaveLength(1);
  });
});
