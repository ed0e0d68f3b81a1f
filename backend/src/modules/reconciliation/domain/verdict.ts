import type { Fen } from './exact';
import { formatFen } from './exact';
import type { FindingType } from './findings';

export type VerdictLevel = 'green' | 'yellow' | 'red';

export interface VerdictSettings {
  /** A refund of at least this much is red ("overcharged by ¥X"); less is yellow. */
  redRefundFen: Fen;
}

export const DEFAULT_VERDICT_SETTINGS: VerdictSettings = { redRefundFen: 1000n };

/** Conduct that is red whatever the amount: the published violation patterns. */
const ALWAYS_RED: ReadonlySet<FindingType> = new Set(['PROHIBITED_FEE', 'FIXED_PRICE']);

/** What leaves a month unjudged or differing on the grid's side: at least yellow. */
const AT_LEAST_YELLOW: ReadonlySet<FindingType> = new Set([
  'MISSING_GRID_BILL',
  'TARIFF_UNKNOWN',
  'TARIFF_MISMATCH',
]);

export interface Verdict {
  level: VerdictLevel;
  refund: string;
  reasons: string[];
}

/**
 * The colour of one supply month, for one tenant or for the whole month, like the grid's fee code: green when nothing
 * was found, yellow for small differences or a month that cannot be fully judged, red when it
 * is owed at least the threshold or was charged in a forbidden way.
 */
export function verdictFor(
  findingTypes: readonly FindingType[],
  refundFen: Fen,
  s = DEFAULT_VERDICT_SETTINGS,
): Verdict {
  const types = new Set(findingTypes);
  const reasons: string[] = [];
  if (refundFen > 0n) reasons.push(`应退还 ${formatFen(refundFen)} 元`);
  for (const t of types) if (ALWAYS_RED.has(t)) reasons.push(REASONS[t]);
  for (const t of types) if (AT_LEAST_YELLOW.has(t)) reasons.push(REASONS[t]);
  let level: VerdictLevel = 'green';
  if (refundFen >= s.redRefundFen || [...types].some((t) => ALWAYS_RED.has(t))) level = 'red';
  else if (refundFen > 0n || types.size > 0) level = 'yellow';
  if (level !== 'green' && reasons.length === 0) reasons.push('存在需要核对的差异');
  return { level, refund: formatFen(refundFen), reasons };
}

const REASONS: Record<FindingType, string> = {
  MISSING_GRID_BILL: '缺少电网账单，暂无法核对',
  TARIFF_UNKNOWN: '电网账单某时段无适用政府定价',
  TARIFF_MISMATCH: '电网结算单价与政府定价不符',
  PRICE_ABOVE_GRID: '单价高于允许价格',
  AMOUNT_MISMATCH: '金额大于电量乘允许价格',
  PROHIBITED_FEE: '加收了不得收取的费用',
  LOSS_ABOVE_CAP: '线损分摊超过上限',
  OVER_COLLECTION: '总收费超过电网电费',
  FIXED_PRICE: '长期按固定单价收费',
};
