import type { TenantMonthSheet } from '@zgd/shared-types';
import { describe, expect, it } from 'vitest';
import { SHEET_2025_03 } from '../../../test/fixtures';
import { gridFormulas, lineFormula, refundFormula } from './formula';

type Line = TenantMonthSheet['lines'][number];
const energy = SHEET_2025_03.lines[0];

describe('gridFormulas', () => {
  it('writes G, the average price, T and what all tenants paid with the figures as given', () => {
    expect(gridFormulas(SHEET_2025_03)).toEqual([
      '电网电费合计 G = 6485.61 + 963.96 = 7449.57 元',
      '平均结算价 = 电网电费合计 G ÷ 电网总电量 K = 7449.57 ÷ 9400 = 0.792507 元/千瓦时',
      '可向全部租户收取的上限 T = G − 房东自用电费 = 7449.57 − 0.00 = 7449.57 元',
      '全部租户合计被收取 9123.60 元，超出上限 1674.03 元',
    ]);
  });

  it('adds the landlord’s own use and writes a negative adjustment as a subtraction', () => {
    const grid = {
      ...SHEET_2025_03.grid,
      lines: [
        ...SHEET_2025_03.grid.lines,
        { ...SHEET_2025_03.grid.lines[0], line: 'adjustment', tou: null, amount: '-12.40' },
      ],
      G: '7437.17',
      ownUseKwh: '100.500',
      own: '79.52',
      T: '7357.65',
      E: '-0.05',
    };
    const lines = gridFormulas({ ...SHEET_2025_03, grid });
    expect(lines[0]).toBe('电网电费合计 G = 6485.61 + 963.96 − 12.40 = 7437.17 元');
    expect(lines).toContain(
      '房东自用电费 = 自用电量 × 平均结算价 = 100.5 千瓦时 × 0.792507 = 79.52 元',
    );
    expect(lines).toContain(
      '可向全部租户收取的上限 T = G − 房东自用电费 = 7437.17 − 79.52 = 7357.65 元',
    );
    expect(lines[lines.length - 1]).toBe('全部租户合计被收取 9123.60 元，未超出上限');
  });

  it('says the month cannot be checked without a grid bill', () => {
    const sheet: TenantMonthSheet = {
      ...SHEET_2025_03,
      status: 'missing_grid_bill',
      grid: { ...SHEET_2025_03.grid, lines: [], G: null, K: null, avg: null, T: null, E: null },
    };
    expect(gridFormulas(sheet)).toEqual([
      '本月没有房东/物业的电网账单，无法计算平均结算价，暂不能核对您的电费。',
    ]);
  });
});

describe('lineFormula', () => {
  it('compares an energy line with kWh × the average price', () => {
    expect(lineFormula(energy)).toBe(
      '允许收取 = 3761 千瓦时 × 0.792507 = 2980.62 元；您被收取 4513.20 元，多收 1532.58 元',
    );
  });

  it('names the period of a time-of-use line and says when nothing was overcharged', () => {
    const peak: Line = {
      ...energy,
      tou: 'peak',
      kwh: '120.000',
      unitPrice: '0.88844',
      amount: '106.61',
      allowedPrice: '0.88844',
      allowedPriceFrom: 'grid_tou',
      allowedAmount: '106.61',
      difference: '0.00',
    };
    expect(lineFormula(peak)).toBe(
      '高峰电量：允许收取 = 120 千瓦时 × 0.88844 = 106.61 元；您被收取 106.61 元，未多收',
    );
    expect(lineFormula({ ...peak, amount: '100.00', difference: '-6.61' })).toBe(
      '高峰电量：允许收取 = 120 千瓦时 × 0.88844 = 106.61 元；您被收取 100.00 元，比允许金额少 6.61 元',
    );
  });

  it('says a prohibited fee is refunded whole and a loss share may only be itemised', () => {
    expect(lineFormula(SHEET_2025_03.lines[1])).toBe(
      '基础电费 480.00 元：不得随电费收取，应全额退还',
    );
    const loss: Line = { ...SHEET_2025_03.lines[1], item: 'loss', amount: '35.20' };
    expect(lineFormula(loss)).toBe(
      '线损分摊 35.20 元：可以单独列明、按实际合理分摊，但不得计入电价',
    );
  });
});

describe('refundFormula', () => {
  it('adds the three parts', () => {
    const sheet = {
      ...SHEET_2025_03,
      refund: {
        amount: '2100.00',
        fromFindings: '2012.58',
        lossShare: '50.00',
        residualShare: '37.42',
      },
    };
    expect(refundFormula(sheet)).toBe(
      '应退金额 = 核查发现的多收 2012.58 + 线损超限分摊 50.00 + 超收余额分摊 37.42 = 2100.00 元',
    );
    expect(refundFormula({ ...SHEET_2025_03, refund: null })).toBeNull();
  });
});
