import type { DeadlineKind, DeadlineState } from './calendar';
import type { FindingType, VerdictLevel } from './reconciliation';
import type { TouPeriod } from './tou-schedule';

/*
 * The Chinese words users read for the contract's codes. This module imports no zod at run time
 * (types only), so a front end can import labels without bundling the schemas.
 */

export const VERDICT_LABELS: Record<VerdictLevel, string> = {
  green: '收费合规',
  yellow: '存在差异',
  red: '多收电费',
};

export const FINDING_LABELS: Record<FindingType, { title: string; explain: string }> = {
  MISSING_GRID_BILL: {
    title: '缺少电网账单',
    explain: '已向租户收费，但没有该户号当月的电网账单，暂无法核对',
  },
  TARIFF_UNKNOWN: { title: '无适用电价', explain: '电网账单的某一时段没有当时有效的政府定价' },
  TARIFF_MISMATCH: {
    title: '电网结算价与政府定价不符',
    explain: '电网账单的单价与当期政府定价不同（电网侧差异，供核查）',
  },
  PRICE_ABOVE_GRID: {
    title: '单价高于允许价格',
    explain: '电费单价高于平均结算价或同时段电网电价',
  },
  AMOUNT_MISMATCH: {
    title: '金额与电量不符',
    explain: '单价未超标，但收费金额大于 电量 × 允许价格',
  },
  PROHIBITED_FEE: {
    title: '违规加收费用',
    explain: '收取了服务费、基础电费、设备费等不得随电费收取的费用',
  },
  LOSS_ABOVE_CAP: { title: '线损分摊超过上限', explain: '分摊给租户的线损超过电网电费的上限比例' },
  OVER_COLLECTION: {
    title: '总收费超过电网电费',
    explain: '向全部租户收取的合计金额超过电网电费扣除自用电后的金额',
  },
  FIXED_PRICE: {
    title: '长期固定电价',
    explain: '连续三个月以上按同一单价收费，而平均结算价已经变化',
  },
};

export const TOU_LABELS: Record<TouPeriod, string> = {
  sharp: '尖峰',
  peak: '高峰',
  flat: '平段',
  valley: '低谷',
  deep_valley: '深谷',
  none: '不分时',
};

export const USER_CLASS_LABELS: Record<string, string> = {
  general_commercial: '一般工商业',
  large_industrial: '大工业',
  residential: '居民',
  agricultural: '农业',
};

export const VOLTAGE_LABELS: Record<string, string> = {
  lt_1kv: '不满1千伏',
  kv_1_10: '1-10千伏',
  kv_35: '35千伏',
  kv_110: '110千伏',
  kv_220_plus: '220千伏及以上',
};

export const PRICING_LABELS: Record<string, string> = { single: '单一制', two_part: '两部制' };

/** `line` of a grid bill line. */
export const GRID_LINE_LABELS: Record<string, string> = {
  energy: '电度电费',
  capacity: '容(需)量电费',
  adjustment: '力调及其他调整',
};

/** `item` of a line the charging entity billed to the tenant. */
export const CHARGE_ITEM_LABELS: Record<string, string> = {
  energy: '电费',
  loss: '线损分摊',
  shared_area: '公共用电分摊',
  service_fee: '服务费/管理费',
  basic_fee: '基础电费',
  equipment_fee: '设备费',
  other: '其他费用',
};

export const DEADLINE_LABELS: Record<DeadlineKind, string> = {
  filing_decision: '立案决定',
  reporter_notice: '告知实名举报人',
  case_decision: '作出处理决定',
};

export const DEADLINE_STATE_LABELS: Record<DeadlineState, string> = {
  ok: '期限内',
  due_soon: '即将到期',
  overdue: '已超期',
  met: '已完成',
};
