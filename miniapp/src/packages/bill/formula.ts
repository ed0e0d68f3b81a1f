import type { TenantMonthSheet } from '@zgd/shared-types';
import { isNegative, isPositive, trimZeros, withoutSign } from '../../services/format';
import { CHARGE_ITEM_LABELS, label, TOU_LABELS } from '../../services/labels';

// The formula sheet in plain Chinese. Every figure is a string from the API put in its place:
// the arithmetic was done exactly by the server, here it is only written out.

type TenantLine = TenantMonthSheet['lines'][number];

/** Items that may not be billed with electricity at all (the contract's PROHIBITED_FEE). */
export const PROHIBITED_ITEMS: ReadonlySet<string> = new Set([
  'service_fee',
  'basic_fee',
  'equipment_fee',
  'other',
]);

/** "a + b − c": amounts as a sum, a negative one written as a subtraction. */
function sumExpression(amounts: readonly string[]): string {
  return amounts
    .map((a, i) => {
      if (i === 0) return a;
      return isNegative(a) ? `− ${withoutSign(a)}` : `+ ${a}`;
    })
    .join(' ');
}

/** G, K, the average price, own use, T and what all tenants paid, one sentence each. */
export function gridFormulas(sheet: TenantMonthSheet): string[] {
  const { grid } = sheet;
  if (sheet.status === 'missing_grid_bill' || !grid.G || !grid.K || !grid.avg) {
    return ['本月没有房东/物业的电网账单，无法计算平均结算价，暂不能核对您的电费。'];
  }
  const lines: string[] = [];
  const amounts = grid.lines.map((l) => l.amount);
  if (amounts.length > 1 && amounts.length <= 8) {
    lines.push(`电网电费合计 G = ${sumExpression(amounts)} = ${grid.G} 元`);
  }
  lines.push(
    `平均结算价 = 电网电费合计 G ÷ 电网总电量 K = ${grid.G} ÷ ${trimZeros(grid.K)} = ${grid.avg.display} 元/千瓦时`,
  );
  const own = grid.own ?? '0.00';
  if (grid.ownUseKwh) {
    lines.push(
      `房东自用电费 = 自用电量 × 平均结算价 = ${trimZeros(grid.ownUseKwh)} 千瓦时 × ${grid.avg.display} = ${own} 元`,
    );
  }
  if (grid.T) {
    lines.push(`可向全部租户收取的上限 T = G − 房东自用电费 = ${grid.G} − ${own} = ${grid.T} 元`);
  }
  lines.push(
    isPositive(grid.E)
      ? `全部租户合计被收取 ${grid.collected} 元，超出上限 ${grid.E} 元`
      : `全部租户合计被收取 ${grid.collected} 元，未超出上限`,
  );
  return lines;
}

function differenceText(difference: string | null): string {
  if (isPositive(difference)) return `多收 ${difference} 元`;
  if (isNegative(difference)) return `比允许金额少 ${withoutSign(difference as string)} 元`;
  return '未多收';
}

/** One of the tenant's lines: what was allowed against what was charged. */
export function lineFormula(line: TenantLine): string {
  const item = label(CHARGE_ITEM_LABELS, line.item);
  if (line.item === 'energy') {
    const tou = line.tou && line.tou !== 'none' ? label(TOU_LABELS, line.tou) : '';
    const prefix = tou ? `${tou}电量：` : '';
    if (line.kwh && line.allowedPrice && line.allowedAmount) {
      return (
        `${prefix}允许收取 = ${trimZeros(line.kwh)} 千瓦时 × ${line.allowedPrice} = ${line.allowedAmount} 元；` +
        `您被收取 ${line.amount} 元，${differenceText(line.difference)}`
      );
    }
    return `${prefix}${item} ${line.amount} 元：本月缺少电网账单，暂无法核对`;
  }
  if (PROHIBITED_ITEMS.has(line.item)) {
    return isPositive(line.amount)
      ? `${item} ${line.amount} 元：不得随电费收取，应全额退还`
      : `${item} ${line.amount} 元`;
  }
  return `${item} ${line.amount} 元：可以单独列明、按实际合理分摊，但不得计入电价`;
}

/** The refund as the sum of its three parts; null when nothing is owed. */
export function refundFormula(sheet: TenantMonthSheet): string | null {
  const { refund } = sheet;
  if (!refund) return null;
  return (
    `应退金额 = 核查发现的多收 ${refund.fromFindings} + 线损超限分摊 ${refund.lossShare}` +
    ` + 超收余额分摊 ${refund.residualShare} = ${refund.amount} 元`
  );
}
