import type { SettingKind } from '@zgd/shared-types';
import { formatFen } from '../../reconciliation/domain/exact';

/*
 * What each setting is, how it is shown and what a new value may be. Pure: the service reads
 * and writes rows, this converts between what people type (元, percent, whole numbers) and
 * what the code reads (fen, fractions), exactly, with a Chinese reason naming the key when a
 * value is refused.
 */

export interface SettingDefinition {
  kind: SettingKind;
  group: string;
  label: string;
  description: string;
  /** Bounds in the stored unit (fen, basis points, whole numbers), inclusive. */
  min: bigint;
  max: bigint;
}

const YUAN_100M = 10_000_000_000n; // ¥100,000,000.00 in fen

const money = (group: string, label: string, description: string): SettingDefinition => ({
  kind: 'money',
  group,
  label,
  description,
  min: 1n,
  max: YUAN_100M,
});
const ratio = (group: string, label: string, description: string): SettingDefinition => ({
  kind: 'ratio',
  group,
  label,
  description,
  min: 0n,
  max: 10_000n,
});

/** Every setting of SETTING_DEFAULTS, in the order the console lists them. */
export const SETTING_DEFINITIONS = {
  'reconciliation.loss_cap': ratio(
    '收费核查',
    '线损分摊上限',
    '收费主体向租户分摊的线损不得超过电网电费的该比例；上海未公布具体数值，默认 10%。修改后下一次核查起生效。',
  ),
  'verdict.red_refund_fen': money(
    '收费核查',
    '租户结论红色门槛',
    '单个租户某月应退金额达到该金额时，租户看到的核查结论为红色。',
  ),
  'warning.red_refund_fen': money(
    '预警模型',
    '红色预警退款金额',
    '收费主体某月全部租户应退合计达到该金额时，该月预警为红色并在所属区生成线索。',
  ),
  'warning.red_tenant_count': {
    kind: 'count',
    group: '预警模型',
    label: '红色预警租户人数',
    description: '收费主体某月应退款或被发现问题的租户达到该人数时，该月预警为红色。',
    min: 1n,
    max: 10_000n,
  },
  'draw.ratio.A': ratio(
    '双随机抽查',
    'A 类抽查比例',
    'A 类（低风险）收费主体每次抽查被抽中的比例（国市监信发〔2022〕6号，本市未公布数值）。',
  ),
  'draw.ratio.B': ratio(
    '双随机抽查',
    'B 类抽查比例',
    'B 类（一般风险）收费主体每次抽查被抽中的比例。',
  ),
  'draw.ratio.C': ratio(
    '双随机抽查',
    'C 类抽查比例',
    'C 类（较高风险）收费主体每次抽查被抽中的比例。',
  ),
  'draw.ratio.D': ratio(
    '双随机抽查',
    'D 类抽查比例',
    'D 类（高风险）收费主体每次抽查被抽中的比例。',
  ),
  'serious_list.heavy_fine_fen': money(
    '严重违法失信名单',
    '较重处罚罚款金额',
    '案件罚款达到该金额视为较重处罚，可据此提请列入严重违法失信名单（总局令第44号未规定价格案件的具体数额）。',
  ),
  'serious_list.period_months': {
    kind: 'months',
    group: '严重违法失信名单',
    label: '列入期限',
    description: '批准列入后，期满自动移出名单。',
    min: 1n,
    max: 120n,
  },
  'serious_list.repair_after_months': {
    kind: 'months',
    group: '严重违法失信名单',
    label: '信用修复等待期',
    description:
      '列入满该期限后，可因信用修复申请移出名单（国家企业信用信息公示系统规定不少于 6 个月）。',
    min: 1n,
    max: 120n,
  },
} as const satisfies Record<string, SettingDefinition>;

export type SettingParse = { ok: true; stored: string } | { ok: false; message: string };

const WHOLE = /^\d{1,12}$/;
const YUAN = /^(\d{1,12})(?:\.(\d{1,2}))?$/;
const PERCENT = /^(\d{1,3})(?:\.(\d{1,2}))?$/;
const FRACTION = /^(0|1)(?:\.(\d{1,4}))?$/;

/** A stored value in the unit people read; null when the stored text cannot be read. */
export function displayValue(def: SettingDefinition, stored: string): string | null {
  const text = stored.trim();
  switch (def.kind) {
    case 'money':
      return WHOLE.test(text) ? formatFen(BigInt(text)) : null;
    case 'ratio': {
      const bp = fractionToBp(text);
      return bp === null ? null : formatPercent(bp);
    }
    default:
      return WHOLE.test(text) ? String(BigInt(text)) : null;
  }
}

/** What a person typed, checked and converted to the stored form. */
export function parseSettingInput(
  key: string,
  def: SettingDefinition,
  input: string,
): SettingParse {
  const text = input.trim();
  const name = `设置 ${key}（${def.label}）`;
  const refuse = (why: string): SettingParse => ({ ok: false, message: `${name}${why}` });
  switch (def.kind) {
    case 'money': {
      const m = YUAN.exec(text);
      if (!m) return refuse(`应为金额（元），最多两位小数，如 500.00；收到“${input}”`);
      const fen = BigInt(m[1]) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
      if (fen < def.min || fen > def.max)
        return refuse(`应在 ${formatFen(def.min)} 元至 ${formatFen(def.max)} 元之间`);
      return { ok: true, stored: fen.toString() };
    }
    case 'ratio': {
      const m = PERCENT.exec(text);
      if (!m) return refuse(`应为 0–100 之间的百分比，最多两位小数，如 60 或 5.25；收到“${input}”`);
      const bp = BigInt(m[1]) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
      if (bp < def.min || bp > def.max) return refuse('应在 0% 至 100% 之间');
      return { ok: true, stored: bpToFraction(Number(bp)) };
    }
    default: {
      const unit = def.kind === 'months' ? '个月' : '';
      if (!WHOLE.test(text)) return refuse(`应为整数${unit ? `（${unit}）` : ''}；收到“${input}”`);
      const n = BigInt(text);
      if (n < def.min || n > def.max) return refuse(`应在 ${def.min} 至 ${def.max}${unit} 之间`);
      return { ok: true, stored: n.toString() };
    }
  }
}

/** Settings that must agree: credit repair cannot wait longer than the listing lasts. */
const NOT_ABOVE: Readonly<Record<string, string>> = {
  'serious_list.repair_after_months': 'serious_list.period_months',
};
const NOT_BELOW: Readonly<Record<string, string>> = {
  'serious_list.period_months': 'serious_list.repair_after_months',
};

/**
 * A reason to refuse `stored` for `key` given the other settings' stored values, or null.
 * Whole numbers only (the pair above); an unreadable other value is not held against it.
 */
export function conflictWithOthers(
  key: string,
  stored: string,
  others: (key: string) => string,
): string | null {
  const above = NOT_ABOVE[key];
  const below = NOT_BELOW[key];
  const other = above ?? below;
  if (!other) return null;
  const value = others(other);
  if (!WHOLE.test(value)) return null;
  const [mine, theirs] = [BigInt(stored), BigInt(value)];
  const defs = SETTING_DEFINITIONS as Record<string, SettingDefinition>;
  const name = `设置 ${key}（${defs[key].label}）`;
  if (above && mine > theirs) return `${name}不能超过${defs[other].label}（${theirs} 个月）`;
  if (below && mine < theirs) return `${name}不能短于${defs[other].label}（${theirs} 个月）`;
  return null;
}

/** "0.05" → 500 basis points; at most four decimals, not above 1. */
export function fractionToBp(text: string): number | null {
  const m = FRACTION.exec(text.trim());
  if (!m) return null;
  const bp = Number(m[1]) * 10_000 + Number((m[2] ?? '').padEnd(4, '0'));
  return bp <= 10_000 ? bp : null;
}

/** 500 → "0.05", 1000 → "0.10", 525 → "0.0525", 10000 → "1": the defaults' spelling. */
export function bpToFraction(bp: number): string {
  if (bp === 10_000) return '1';
  const digits = String(bp)
    .padStart(4, '0')
    .replace(/0{1,2}$/, '');
  return `0.${digits.padEnd(2, '0')}`;
}

/** 500 → "5", 525 → "5.25", 10000 → "100". */
export function formatPercent(bp: number): string {
  const whole = Math.floor(bp / 100);
  const cents = bp % 100;
  return cents ? `${whole}.${String(cents).padStart(2, '0').replace(/0$/, '')}` : String(whole);
}
