import { describe, expect, it } from 'vitest';
import { SETTING_DEFAULTS } from '../settings.service';
import {
  bpToFraction,
  conflictWithOthers,
  displayValue,
  fractionToBp,
  parseSettingInput,
  SETTING_DEFINITIONS,
} from './setting-rules';

const def = (key: keyof typeof SETTING_DEFINITIONS) => SETTING_DEFINITIONS[key];
const parse = (key: keyof typeof SETTING_DEFINITIONS, input: string) =>
  parseSettingInput(key, def(key), input);

describe('setting rules', () => {
  it('describes every setting that has a default, and nothing else', () => {
    expect(Object.keys(SETTING_DEFINITIONS).sort()).toEqual(Object.keys(SETTING_DEFAULTS).sort());
    for (const d of Object.values(SETTING_DEFINITIONS)) {
      expect(d.label).toMatch(/[\u4e00-\u9fa5]/);
      expect(d.description).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('shows every default in the unit people read', () => {
    const shown = Object.fromEntries(
      Object.entries(SETTING_DEFAULTS).map(([k, v]) => [
        k,
        displayValue(def(k as keyof typeof SETTING_DEFINITIONS), v),
      ]),
    );
    expect(shown).toEqual({
      'reconciliation.loss_cap': '10',
      'verdict.red_refund_fen': '10.00',
      'warning.red_refund_fen': '500.00',
      'warning.red_tenant_count': '3',
      'draw.ratio.A': '5',
      'draw.ratio.B': '20',
      'draw.ratio.C': '60',
      'draw.ratio.D': '100',
      'serious_list.heavy_fine_fen': '100000.00',
      'serious_list.period_months': '36',
      'serious_list.repair_after_months': '6',
    });
  });

  it('stores each default back exactly as it is spelt', () => {
    for (const [k, v] of Object.entries(SETTING_DEFAULTS)) {
      const key = k as keyof typeof SETTING_DEFINITIONS;
      const r = parse(key, displayValue(def(key), v)!);
      expect(r, k).toEqual({ ok: true, stored: v });
    }
  });

  it.each([
    ['warning.red_refund_fen', '500', '50000'],
    ['warning.red_refund_fen', ' 0.01 ', '1'],
    ['warning.red_refund_fen', '1234.5', '123450'],
    ['serious_list.heavy_fine_fen', '100000000.00', '10000000000'],
    ['draw.ratio.C', '0', '0.00'],
    ['draw.ratio.C', '5.25', '0.0525'],
    ['draw.ratio.C', '12.5', '0.125'],
    ['draw.ratio.C', '100', '1'],
    ['draw.ratio.C', '0.01', '0.0001'],
    ['reconciliation.loss_cap', '8', '0.08'],
    ['warning.red_tenant_count', '12', '12'],
    ['serious_list.period_months', '120', '120'],
  ] as const)('%s: "%s" is stored as %s', (key, input, stored) => {
    expect(parse(key, input)).toEqual({ ok: true, stored });
  });

  it.each([
    ['warning.red_refund_fen', '500.001', '最多两位小数'],
    ['warning.red_refund_fen', '-5', '最多两位小数'],
    ['warning.red_refund_fen', '5e2', '收到“5e2”'],
    ['warning.red_refund_fen', '0', '0.01 元至 100000000.00 元之间'],
    ['serious_list.heavy_fine_fen', '100000000.01', '之间'],
    ['draw.ratio.A', '100.01', '0% 至 100% 之间'],
    ['draw.ratio.A', '0.05%', '0–100 之间的百分比'],
    ['draw.ratio.A', '5.255', '最多两位小数'],
    ['draw.ratio.A', '-1', '百分比'],
    ['warning.red_tenant_count', '0', '1 至 10000 之间'],
    ['warning.red_tenant_count', '2.5', '应为整数'],
    ['serious_list.period_months', '121', '1 至 120个月 之间'],
  ] as const)('%s refuses "%s", naming the key', (key, input, why) => {
    const r = parse(key, input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain(`设置 ${key}（${def(key).label}）`);
    expect(r.message).toContain(why);
  });

  it('converts fractions and basis points both ways over the whole range', () => {
    for (let bp = 0; bp <= 10_000; bp++) expect(fractionToBp(bpToFraction(bp))).toBe(bp);
    expect(fractionToBp('1.5')).toBeNull();
    expect(fractionToBp('60%')).toBeNull();
  });

  it('shows a value changed by hand that it cannot read as unreadable', () => {
    expect(displayValue(def('draw.ratio.C'), '60%')).toBeNull();
    expect(displayValue(def('warning.red_refund_fen'), '500.00')).toBeNull();
    expect(displayValue(def('serious_list.period_months'), 'x')).toBeNull();
  });

  it.each([
    ['serious_list.repair_after_months', '36', '36', null],
    ['serious_list.repair_after_months', '37', '36', '不能超过列入期限（36 个月）'],
    ['serious_list.period_months', '6', '6', null],
    ['serious_list.period_months', '5', '6', '不能短于信用修复等待期（6 个月）'],
    ['serious_list.period_months', '5', 'x', null],
    ['draw.ratio.A', '0.05', '1', null],
  ] as const)('%s = %s against the other at %s', (key, stored, other, why) => {
    const r = conflictWithOthers(key, stored, () => other);
    if (why === null) return expect(r).toBeNull();
    expect(r).toContain(`设置 ${key}`);
    expect(r).toContain(why);
  });
});
