import type { DashboardView } from '@zgd/shared-types';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { callsTo, stubRoutes } from '../../test/fetch-routes';
import { renderApp } from '../../test/render-app';

const view: DashboardView = {
  districtCode: '310115',
  states: [
    { state: 'registered', label: '已登记' },
    { state: 'closed', label: '已办结' },
  ],
  casesByDistrict: [
    {
      districtCode: '310115',
      districtName: '浦东新区',
      byState: { registered: 3, closed: 1 },
      total: 4,
      overdue: 2,
      dueSoon: 1,
    },
  ],
  overdueTotal: 2,
  dueSoonTotal: 1,
  moneyByMonth: [
    { month: '2025-03', found: '0.10', refunded: '0.00', fined: '0.00' },
    { month: '2026-02', found: '0.20', refunded: '4349.83', fined: '3000.00' },
  ],
  topEntities: [
    {
      entityId: '913101154JURQ2830U',
      name: '浦东某商务楼',
      districtCode: '310115',
      findings: 22,
      overcharge: '15274.91',
    },
  ],
};

const health = { status: 'ok', database: { type: 'sqlite', ok: true }, version: '0.1.0' };

function rows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent ?? ''),
    );
}

function statistic(title: string): string {
  const box = [...document.querySelectorAll('.ant-statistic')].find(
    (el) => el.querySelector('.ant-statistic-title')?.textContent === title,
  );
  return box?.querySelector('.ant-statistic-content')?.textContent ?? '';
}

describe('工作台 statistics', () => {
  it("shows a district's cases, overdue and due-soon counts, exact money totals and top entities", async () => {
    stubRoutes({ 'GET /api/dashboard': view, 'GET /api/health': health });
    renderApp('/admin/', { as: 'district_officer' });

    const cases = await screen.findByRole('table', { name: '各区案件' });
    expect(rows(cases)).toEqual([['浦东新区', '3', '1', '4', '2', '1']]);
    // 0.10 + 0.20 adds up exactly, as it would not in floats.
    expect(statistic('核查发现多收（元）')).toBe('0.30');
    expect(statistic('已退还（元）')).toBe('4,349.83');
    expect(statistic('已逾期案件')).toBe('2');
    expect(statistic('即将到期案件')).toBe('1');
    expect(statistic('浦东新区案件')).toBe('4');
    expect(rows(screen.getByRole('table', { name: '问题最多的收费主体' }))).toEqual([
      ['浦东某商务楼', '913101154JURQ2830U', '浦东新区', '22', '15,274.91'],
    ]);
    expect(screen.getByRole('img', { name: '多收、退还与罚款（按月）' })).toBeTruthy();
    // District staff have no district picker: the API keeps them to their own.
    expect(screen.queryByRole('combobox', { name: '区' })).toBeNull();
  });

  it('downloads a list as an Excel file named by the server', async () => {
    const xlsx = () =>
      new Response(new Blob(['PK']), {
        status: 200,
        headers: {
          'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'Content-Disposition': `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent('金额统计-全市.xlsx')}`,
        },
      });
    const fetchMock = stubRoutes({
      'GET /api/dashboard': { ...view, districtCode: null },
      'GET /api/health': health,
      'GET /api/dashboard/export?list=money-by-month': xlsx,
    });
    const createObjectURL = vi.fn(() => 'blob:xlsx');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this.download);
    });
    renderApp('/admin/');

    fireEvent.click(await screen.findByRole('button', { name: '导出“多收、退还与罚款（按月）”' }));
    await waitFor(() => expect(clicked).toEqual(['金额统计-全市.xlsx']));
    const [call] = callsTo(fetchMock, 'GET /api/dashboard/export?list=money-by-month');
    expect(new Headers((call![1] as RequestInit).headers).get('authorization')).toBe(
      'Bearer test-token',
    );
    expect(screen.getByRole('combobox', { name: '区' })).toBeTruthy();
  });
});
