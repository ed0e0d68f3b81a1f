import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { TenantMonthSheet } from '@zgd/shared-types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_MONTHS, SHEET_2025_03 } from '../../../../../test/fixtures';
import { signIn } from '../../../../../test/session';
import taro, { request, resetTaro, route, setRouterParams } from '../../../../../test/taro-fake';
import MonthPage from './index';

const SHEET_URL = '/me/months/3100000002/2025-03';

/** Another month of the demo premises, with its own energy price. */
function monthSheet(period: string, unitPrice: string, allowedPrice: string): TenantMonthSheet {
  return {
    ...SHEET_2025_03,
    period,
    lines: [{ ...SHEET_2025_03.lines[0], unitPrice, allowedPrice }],
  };
}

function showMonth(sheet: TenantMonthSheet = SHEET_2025_03) {
  signIn();
  setRouterParams({ accountNo: '3100000002', period: '2025-03' });
  route('GET', SHEET_URL, sheet);
  route('GET', '/me/months', DEMO_MONTHS);
  route('GET', '/me/months/3100000002/2025-04', monthSheet('2025-04', '1.20000', '0.754400'));
  route('GET', '/me/months/3100000002/2025-05', monthSheet('2025-05', '1.20000', '0.779800'));
  route('GET', '/me/months/3100000002/2025-06', monthSheet('2025-06', '0.70000', '0.741800'));
  return render(<MonthPage />);
}

/** A section by its title (the formula sheet repeats some titles as its own headings). */
function section(title: string): HTMLElement {
  const heading = [...document.querySelectorAll('.section__title')].find(
    (el) => el.textContent === title,
  );
  if (!heading) throw new Error(`no section ${title}`);
  return heading.closest('.section') as HTMLElement;
}

beforeEach(resetTaro);
afterEach(cleanup);

describe('month page', () => {
  it('shows the red verdict with the refund owed and its reasons', async () => {
    const { container } = showMonth();
    await screen.findByText('多收电费');
    const banner = container.querySelector('.verdict') as HTMLElement;
    expect(banner.className).toBe('verdict verdict--red');
    expect(within(banner).getByText('¥2012.58')).toBeTruthy();
    expect(within(banner).getByText('· 长期按固定单价收费')).toBeTruthy();
    expect(within(banner).getByText('· 加收了不得收取的费用')).toBeTruthy();
    expect(within(banner).getByText('2025年3月 · 闵行某工业园 · 户号 3100000002')).toBeTruthy();
  });

  it('writes the formula sheet in plain Chinese with the exact figures of the sheet', async () => {
    showMonth();
    await screen.findByText('计算过程');
    const formulas = [...section('计算过程').querySelectorAll('.formula__line')].map(
      (el) => el.textContent,
    );
    expect(formulas).toEqual([
      '电网电费合计 G = 6485.61 + 963.96 = 7449.57 元',
      '平均结算价 = 电网电费合计 G ÷ 电网总电量 K = 7449.57 ÷ 9400 = 0.792507 元/千瓦时',
      '可向全部租户收取的上限 T = G − 房东自用电费 = 7449.57 − 0.00 = 7449.57 元',
      '全部租户合计被收取 9123.60 元，超出上限 1674.03 元',
      '允许收取 = 3761 千瓦时 × 0.792507 = 2980.62 元；您被收取 4513.20 元，多收 1532.58 元',
      '基础电费 480.00 元：不得随电费收取，应全额退还',
      '应退金额 = 核查发现的多收 2012.58 + 线损超限分摊 0.00 + 超收余额分摊 0.00 = 2012.58 元',
    ]);
  });

  it('lists the grid bill by period with G, K and the average price', async () => {
    showMonth();
    await screen.findByText('计算过程');
    const grid = section('电网账单');
    const rows = [...grid.querySelectorAll('.table__group .table__row')].map((row) =>
      [...row.children].map((c) => c.textContent),
    );
    expect(rows).toEqual([
      ['高峰电费', '7300', '0.88844', '6485.61'],
      ['低谷电费', '2100', '0.45903', '963.96'],
    ]);
    expect(within(grid).getByText('¥7449.57')).toBeTruthy();
    expect(within(grid).getByText('9400 千瓦时')).toBeTruthy();
    expect(within(grid).getByText('0.792507 元/千瓦时')).toBeTruthy();
  });

  it('sets my charges beside what was allowed and highlights the overcharge', async () => {
    showMonth();
    await screen.findByText('计算过程');
    const charges = [...section('您的收费').querySelectorAll('.charge')] as HTMLElement[];
    expect(charges).toHaveLength(2);
    const [energy, basicFee] = charges;
    expect(energy.className).toBe('charge charge--bad');
    expect(within(energy).getByText('电费 · 不分时')).toBeTruthy();
    expect(within(energy).getByText('1.20000 元/千瓦时')).toBeTruthy();
    expect(within(energy).getByText('0.792507 元/千瓦时')).toBeTruthy();
    expect(within(energy).getByText('¥2980.62')).toBeTruthy();
    expect(energy.querySelector('.charge__diff--bad .charge__diff-amount')?.textContent).toBe(
      '¥1532.58',
    );
    expect(within(basicFee).getByText('基础电费')).toBeTruthy();
    expect(within(basicFee).getByText('不得收取')).toBeTruthy();
    expect(within(basicFee).getByText('¥480.00')).toBeTruthy();
  });

  it('lists every finding with its title, explanation and amount', async () => {
    showMonth();
    await screen.findByText('计算过程');
    const findings = [...section('核查结果').querySelectorAll('.finding')].map((f) => ({
      title: f.querySelector('.finding__title')?.textContent,
      amount: f.querySelector('.finding__amount')?.textContent,
      explain: f.querySelector('.finding__explain')?.textContent,
    }));
    expect(findings).toEqual([
      {
        title: '总收费超过电网电费',
        amount: '¥1674.03',
        explain: '向全部租户收取的合计金额超过电网电费扣除自用电后的金额',
      },
      {
        title: '长期固定电价',
        amount: '—',
        explain: '连续三个月以上按同一单价收费，而平均结算价已经变化',
      },
      {
        title: '单价高于允许价格',
        amount: '¥1532.58',
        explain: '电费单价高于平均结算价或同时段电网电价',
      },
      {
        title: '违规加收费用',
        amount: '¥480.00',
        explain: '收取了服务费、基础电费、设备费等不得随电费收取的费用',
      },
    ]);
    expect(
      screen.getByText(
        '您的单价 1.20000 元/千瓦时连续 4 个月未变，同期平均结算价：2025年3月 0.7925、2025年4月 0.7544、2025年5月 0.7798、2025年6月 0.7418',
      ),
    ).toBeTruthy();
    expect(
      screen.getByText('整个电网户号（全部租户）合计的金额，您的份额已计入应退金额'),
    ).toBeTruthy();
  });

  it('shows the refund and each of its parts', async () => {
    showMonth({
      ...SHEET_2025_03,
      refund: {
        amount: '2100.00',
        fromFindings: '2012.58',
        lossShare: '50.00',
        residualShare: '37.42',
      },
    });
    await screen.findByText('计算过程');
    const refund = section('应退金额');
    const rows = [...refund.querySelectorAll('.row')].map((r) => [
      r.querySelector('.row__name')?.textContent,
      r.querySelector('.row__value')?.textContent,
    ]);
    expect(within(refund).getByText('¥2100.00')).toBeTruthy();
    expect(rows).toEqual([
      ['核查发现的多收（单价超标、违规收费）', '¥2012.58'],
      ['线损超限部分的分摊', '¥50.00'],
      ['总收费超出部分的分摊', '¥37.42'],
    ]);
  });

  it('draws my price against the allowed one for the premises’ months', async () => {
    const { container } = showMonth();
    await screen.findByText('2025年3月：您的单价 1.20000 元，允许 0.792507 元');
    const months = [...container.querySelectorAll('.chart__month')];
    expect(months.map((m) => m.querySelector('.chart__axis')?.textContent)).toEqual([
      '3月',
      '4月',
      '5月',
      '6月',
    ]);
    // The highest price (1.20000) is the full height; June's 0.70000 is under its allowed price.
    const bar = (i: number, kind: string) =>
      (months[i].querySelector(`.chart__bar--${kind}`) as HTMLElement).style.height;
    expect(bar(0, 'my')).toBe('100%');
    expect(bar(3, 'my')).toBe('58.3%');
    expect(months[0].querySelector('.chart__bar--over')).toBeTruthy();
    // The shown month's sheet is not fetched twice.
    const urls = request.mock.calls.map(([r]) => r.url);
    expect(urls.filter((u) => u === `/api${SHEET_URL}`)).toHaveLength(1);

    fireEvent.click(months[3]);
    expect(screen.getByText('2025年6月：您的单价 0.70000 元，允许 0.741800 元')).toBeTruthy();
  });

  it('offers 一键举报 on a red month, which opens the report of that month', async () => {
    showMonth();
    fireEvent.click(await screen.findByText('一键举报'));
    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/report/pages/new/index?accountNo=3100000002&period=2025-03',
    });
  });

  it('shows a green month without a report button or refund', async () => {
    const { container } = showMonth({
      ...SHEET_2025_03,
      findings: [],
      refund: null,
      verdict: { level: 'green', refund: '0.00', reasons: [] },
    });
    await screen.findByText('收费合规');
    expect(container.querySelector('.verdict')?.className).toBe('verdict verdict--green');
    expect(screen.queryByText('一键举报')).toBeNull();
    expect(screen.getByText('未发现问题。')).toBeTruthy();
    expect(screen.getByText('本月没有应退金额。')).toBeTruthy();
  });

  it('shows the server message when the month cannot be loaded', async () => {
    signIn();
    setRouterParams({ accountNo: '3100000002', period: '2031-01' });
    render(<MonthPage />);
    expect(await screen.findByText('未找到')).toBeTruthy();
  });
});
