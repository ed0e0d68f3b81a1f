import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { TariffView } from '@zgd/shared-types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { request, resetTaro, route } from '../../../../../test/taro-fake';
import { TariffTable } from '../../components/tariff-table';
import { TouStrip } from '../../components/tou-strip';
import RulesPage from './index';

const tariff = (
  id: number,
  tou: string,
  unitPrice: string,
  effectiveFrom: string,
  effectiveTo: string | null,
  voltage = 'kv_1_10',
  pricing = 'two_part',
): TariffView => ({
  id,
  userClass: 'general_commercial',
  voltage,
  pricing,
  tou,
  unitPrice,
  effectiveFrom,
  effectiveTo,
});

const ROWS = [
  tariff(1, 'peak', '1.10000', '2025-06-01', '2025-07-01'),
  tariff(2, 'sharp', '1.43520', '2025-07-01', null),
  tariff(3, 'peak', '1.16370', '2025-07-01', null),
  tariff(4, 'valley', '0.31910', '2025-07-01', null),
  tariff(5, 'peak', '0.90000', '2025-07-01', null, 'lt_1kv', 'single'),
];

const JULY_BANDS = [
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
const SINGLE_BANDS = [
  { tou: 'peak', hours: [[6, 22]] },
  {
    tou: 'valley',
    hours: [
      [0, 6],
      [22, 24],
    ],
  },
];

beforeEach(resetTaro);
afterEach(cleanup);

describe('regulated prices', () => {
  it('shows 一般工商业 prices in force this month, by voltage and pricing', async () => {
    route('GET', '/tariffs?userClass=general_commercial', ROWS);
    const { container } = render(<TariffTable now={new Date(2025, 6, 15)} />);
    expect(await screen.findByText('执行月份：2025年7月')).toBeTruthy();
    const cards = [...container.querySelectorAll('.tariff')] as HTMLElement[];
    expect(cards.map((c) => c.querySelector('.tariff__title')?.textContent)).toEqual([
      '不满1千伏 · 单一制',
      '1-10千伏 · 两部制',
    ]);
    expect(within(cards[1]).getByText('1.43520 元/千瓦时')).toBeTruthy();
    expect(within(cards[1]).getByText('尖峰')).toBeTruthy();
    expect(screen.queryByText('1.10000 元/千瓦时')).toBeNull();
  });

  it('says when the newest table is older than this month', async () => {
    route('GET', '/tariffs?userClass=general_commercial', ROWS.slice(0, 1));
    render(<TariffTable now={new Date(2026, 10, 1)} />);
    expect(await screen.findByText('执行月份：2025年6月（最新公布）')).toBeTruthy();
  });

  it('asks again for another class and narrows to a voltage', async () => {
    route('GET', '/tariffs?userClass=general_commercial', ROWS);
    route('GET', '/tariffs?userClass=large_industrial', []);
    const { container } = render(<TariffTable now={new Date(2025, 6, 15)} />);
    await screen.findByText('执行月份：2025年7月');

    const [classPicker, voltagePicker] = container.querySelectorAll('select');
    fireEvent.change(voltagePicker, { target: { value: '1' } });
    expect(container.querySelectorAll('.tariff')).toHaveLength(1);
    expect(screen.getByText('不满1千伏 · 单一制')).toBeTruthy();

    fireEvent.change(classPicker, { target: { value: '1' } });
    expect(await screen.findByText('暂无该类别的电价数据。')).toBeTruthy();
    expect(request.mock.calls.map(([r]) => r.url)).toContain(
      '/api/tariffs?userClass=large_industrial',
    );
  });
});

describe('time-of-use strip', () => {
  it('colours the 24 hours of the month and lists each period’s hours', async () => {
    route('GET', '/tariffs/tou-hours?pricing=two_part&month=7', JULY_BANDS);
    route('GET', '/tariffs/tou-hours?pricing=single&month=7', SINGLE_BANDS);
    const { container } = render(<TouStrip now={new Date(2025, 6, 15)} />);
    expect(await screen.findByText('8–12、14–15、18–21 时')).toBeTruthy();
    const hours = [...container.querySelectorAll('.tou__strip .tou__hour')].map((h) =>
      h.className.replace('tou__hour tou__hour--', ''),
    );
    expect(hours).toHaveLength(24);
    expect(hours[0]).toBe('valley');
    expect(hours[12]).toBe('sharp');
    expect(hours[16]).toBe('flat');
    expect(hours[20]).toBe('peak');

    fireEvent.change(container.querySelectorAll('select')[0], { target: { value: '1' } });
    expect(await screen.findByText('6–22 时')).toBeTruthy();
  });
});

describe('rules page', () => {
  it('says what a landlord may and may not charge, with the legal basis', () => {
    render(<RulesPage />);
    expect(screen.getByText('✓ 没有分时电表：按平均结算价')).toBeTruthy();
    expect(screen.getByText('✕ 每月收取“基础电费”')).toBeTruthy();
    expect(screen.getByText('✕ 电费管理费、服务费')).toBeTruthy();
    expect(screen.getByText('《电力法》第四十四条')).toBeTruthy();
    expect(screen.getByText('《价格法》第三十九条')).toBeTruthy();
  });
});
