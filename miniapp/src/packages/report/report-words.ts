import type { DeadlineView } from '@zgd/shared-types';
import { DEADLINE_LABELS, DEADLINE_STATE_LABELS } from '@zgd/shared-types';

/** The steps of a case a reporter sees, in its words. */
export const STEP_LABELS: Record<string, string> = {
  register: '举报已登记受理',
  merge: '并入同一收费主体的在办案件',
  open_case: '已立案调查',
  refuse: '决定不予立案',
  transfer: '移送其他区市场监管局办理',
  record_decision: '作出处理决定',
  start_refund_supervision: '监督收费主体退款',
  confirm_refund: '您已确认收到退款',
  close: '案件办结',
};

export const REFUND_STATUS_LABELS = {
  outstanding: '待退款',
  recorded: '收费主体已登记退款，请确认是否收到',
  confirmed: '您已确认收到',
  unconfirmable: '无法确认',
} as const;

/** "立案决定：2026-06-22 前（还剩 14 个工作日）". */
export function deadlineText(d: DeadlineView): string {
  const head = `${DEADLINE_LABELS[d.kind]}：${d.dueDate} 前`;
  if (d.state === 'met') return `${head}（${d.late ? '已逾期完成' : '已按期完成'}）`;
  if (d.state === 'overdue') return `${head}（${DEADLINE_STATE_LABELS.overdue}）`;
  const left = d.workingDaysLeft !== null ? `${d.workingDaysLeft} 个工作日` : `${d.daysLeft} 天`;
  return `${head}（还剩 ${left}）`;
}

/** Final states: the handling can be rated. */
export const FINISHED_STATES = new Set(['closed', 'not_opened']);
