import type { TariffView, TouBand } from '@zgd/shared-types';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callsTo, stubRoutes } from '../../test/fetch-routes';
import { renderApp } from '../../test/render-app';

const GC_10KV = 'GET /api/tariffs?userClass=general_commercial&voltage=kv_1_10&pricing=two_part';

let id = 0;
function tariff(tou: string, unitPrice: string, month: string, next: string): TariffView {
  id += 1;
  return {
    id,
    userClass: 'general_commercial',
    voltage: 'kv_1_10',
    pricing: 'two_part',
    tou,
    unitPrice,
    effectiveFrom: `${month}-01`,
    effectiveTo: `${next}-01`,
  };
}

const rows = [
  tariff('sharp', '1.43520', '2025-07', '2025-08'),
  tariff('peak', '1.16370', '2025-07', '2025-08'),
  tariff('flat', '0.68110', '2025-07', '2025-08'),
  tariff('valley', '0.31910', '2025-07', '2025-08'),
  tariff('sharp', '1.49020', '2025-08', '2025-09'),
  tariff('peak', '1.20778', '2025-08', '2025-09'),
  tariff('flat', '0.70570', '2025-08', '2025-09'),
  tariff('valley', '0.32914', '2025-08', '2025-09'),
  tariff('peak', '1.14136', '2025-09', '2025-10'),
  tariff('flat', '0.66880', '2025-09', '2025-10'),
  tariff('valley', '0.31438', '2025-09', '2025-10'),
];

const summerHours: TouBand[] = [
  { tou: 'sharp', hours: [[12, 14]] },
  {
    tou: 'peak',
    hours: [
      [8, 12],
      [14, 15],
      [18, 21],
    ],
  },
  {
    tou: 'flat',
    hours: [
      [6, 8],
      [15, 18],
      [21, 22],
    ],
  },
  {
    tou: 'valley',
    hours: [
      [0, 6],
      [22, 24],
    ],
  },
];
const septemberHours: TouBand[] = [
  {
    tou: 'peak',
    hours: [
      [8, 15],
      [18, 21],
    ],
  },
  {
    tou: 'flat',
    hours: [
      [6, 8],
      [15, 18],
      [21, 22],
    ],
  },
  {
    tou: 'valley',
    hours: [
      [0, 6],
      [22, 24],
    ],
  },
];

function rowsOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent ?? ''),
    );
}

async function choose(label: string, option: string) {
  fireEvent.mouseDown(screen.getByRole('combobox', { name: label }));
  fireEvent.click(await screen.findByTitle(option));
}

describe('电价管理 (tariffs page)', () => {
  it('opens on the newest month of 一般工商业 1-10千伏 两部制 with its periods and hours', async () => {
    stubRoutes({
      [GC_10KV]: rows,
      'GET /api/tariffs/tou-hours?pricing=two_part&month=9': septemberHours,
    });
    renderApp('/admin/tariffs');

    const table = await screen.findByRole('table', { name: '当月电价' });
    expect(screen.getByText('2025年9月执行电价')).toBeTruthy();
    expect(rowsOf(table)).toEqual([
      ['高峰', '1.14136', '2025-09-01 至 2025-09-30'],
      ['平段', '0.66880', '2025-09-01 至 2025-09-30'],
      ['低谷', '0.31438', '2025-09-01 至 2025-09-30'],
    ]);
    expect(await screen.findByLabelText('08:00–09:00 高峰')).toBeTruthy();
    expect(screen.getByLabelText('23:00–24:00 低谷')).toBeTruthy();
  });

  it('asks the API for the class, voltage and pricing chosen in the filters', async () => {
    const largeIndustrial = 'GET /api/tariffs?userClass=large_industrial&voltage=kv_1_10';
    const fetchMock = stubRoutes({
      [GC_10KV]: rows,
      'GET /api/tariffs/tou-hours?pricing=two_part&month=9': septemberHours,
      [`${largeIndustrial}&pricing=two_part`]: [],
      [`${largeIndustrial}&pricing=single`]: [],
    });
    const { router } = renderApp('/admin/tariffs');
    await screen.findByRole('table', { name: '当月电价' });

    await choose('用户类别', '大工业');
    await waitFor(() =>
      expect(callsTo(fetchMock, `${largeIndustrial}&pricing=two_part`)).toHaveLength(1),
    );
    await choose('计价方式', '单一制');
    await waitFor(() =>
      expect(callsTo(fetchMock, `${largeIndustrial}&pricing=single`)).toHaveLength(1),
    );

    expect(await screen.findByText(/尚未导入“大工业 · 1-10千伏 · 单一制”的电价/)).toBeTruthy();
    expect(router.state.location.search).toBe(
      '?userClass=large_industrial&voltage=kv_1_10&pricing=single&month=2025-09',
    );
  });

  it('compares two months side by side with the exact difference per period', async () => {
    stubRoutes({
      [GC_10KV]: rows,
      'GET /api/tariffs/tou-hours?pricing=two_part&month=7': summerHours,
    });
    renderApp('/admin/tariffs?month=2025-07&compare=2025-08');

    const table = await screen.findByRole('table', { name: '电价对比' });
    expect(screen.getByText('电价对比：2025年7月 与 2025年8月')).toBeTruthy();
    expect(rowsOf(table)).toEqual([
      ['尖峰', '1.43520', '1.49020', '+0.05500', '+3.83%'],
      ['高峰', '1.16370', '1.20778', '+0.04408', '+3.79%'],
      ['平段', '0.68110', '0.70570', '+0.02460', '+3.61%'],
      ['低谷', '0.31910', '0.32914', '+0.01004', '+3.15%'],
    ]);
    expect(await screen.findByLabelText('12:00–13:00 尖峰')).toBeTruthy();
  });

  it('marks a period that one of the compared months does not have', async () => {
    stubRoutes({
      [GC_10KV]: rows,
      'GET /api/tariffs/tou-hours?pricing=two_part&month=9': septemberHours,
    });
    renderApp('/admin/tariffs?month=2025-09&compare=2025-07');

    const table = await screen.findByRole('table', { name: '电价对比' });
    expect(rowsOf(table)).toEqual([
      ['尖峰', '该月无此时段', '1.43520', '—', '—'],
      ['高峰', '1.14136', '1.16370', '+0.02234', '+1.96%'],
      ['平段', '0.66880', '0.68110', '+0.01230', '+1.84%'],
      ['低谷', '0.31438', '0.31910', '+0.00472', '+1.50%'],
    ]);
  });
});
