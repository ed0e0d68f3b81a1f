/**
 * The closed lists a case step picks its reason from. Codes are stored and sent; labels are
 * what users read; `basis` is the legal source the reason rests on.
 */

export interface RefusalReason {
  code: string;
  label: string;
  basis: string;
  /** Only after the entity corrected and refunded within the window (a recorded correction). */
  needsCorrection: boolean;
  /** Not a ground for 不予立案 in this workflow: the report is transferred instead. */
  transferInstead: boolean;
}

/**
 * 不予立案 grounds: 市场监督管理行政处罚程序规定 §20 (itself following 行政处罚法 §33), the
 * conditions of §19 a report can fail, the limitation of 行政处罚法 §36, and order 121's rule
 * that repeat reports of handled conduct are not handled twice (domain §5).
 */
export const REFUSAL_REASONS = [
  {
    code: 'NO_VIOLATION',
    label: '经核查，没有证据初步证明存在违法行为',
    basis: '《市场监督管理行政处罚程序规定》第十九条第（一）项',
    needsCorrection: false,
    transferInstead: false,
  },
  {
    code: 'MINOR_CORRECTED_NO_HARM',
    label: '违法行为轻微并及时改正，没有造成危害后果',
    basis: '《市场监督管理行政处罚程序规定》第二十条第（一）项；《行政处罚法》第三十三条第一款',
    needsCorrection: true,
    transferInstead: false,
  },
  {
    code: 'FIRST_OFFENCE_CORRECTED',
    label: '初次违法且危害后果轻微并及时改正',
    basis: '《市场监督管理行政处罚程序规定》第二十条第（二）项；《行政处罚法》第三十三条第一款',
    needsCorrection: true,
    transferInstead: false,
  },
  {
    code: 'NO_SUBJECTIVE_FAULT',
    label: '当事人有证据足以证明没有主观过错',
    basis: '《市场监督管理行政处罚程序规定》第二十条第（三）项；《行政处罚法》第三十三条第二款',
    needsCorrection: false,
    transferInstead: false,
  },
  {
    code: 'BEYOND_LIMITATION',
    label:
      '违法行为在二年内未被发现（有连续或者继续状态的，自行为终了之日起计算），不再给予行政处罚',
    basis: '《行政处罚法》第三十六条；《市场监督管理行政处罚程序规定》第十九条第（四）项',
    needsCorrection: false,
    transferInstead: false,
  },
  {
    code: 'DUPLICATE_HANDLED',
    label: '同一违法行为已经处理，举报未提供新的事实或证据',
    basis: '《市场监督管理投诉举报处理办法》（总局令第121号）关于重复举报的规定',
    needsCorrection: false,
    transferInstead: false,
  },
  {
    code: 'OUTSIDE_JURISDICTION',
    label: '不属于本局管辖（应移送有管辖权的区局）',
    basis: '《市场监督管理行政处罚程序规定》第十九条第（三）项',
    needsCorrection: false,
    transferInstead: true,
  },
] as const satisfies readonly RefusalReason[];

export type RefusalReasonCode = (typeof REFUSAL_REASONS)[number]['code'];

export function refusalReason(code: string): RefusalReason | undefined {
  return REFUSAL_REASONS.find((reason) => reason.code === code);
}

/** Why a report moves to another district's bureau. */
export const TRANSFER_REASONS = [
  { code: 'PREMISES_IN_OTHER_DISTRICT', label: '计量场所位于其他区，按违法行为发生地移送管辖' },
  { code: 'MISROUTED', label: '登记分派有误，退回并转至有管辖权的区局' },
  { code: 'DESIGNATED_BY_CITY', label: '市局指定管辖' },
] as const;

export type TransferReasonCode = (typeof TRANSFER_REASONS)[number]['code'];

/** Why an ordered refund that was paid cannot be confirmed by the tenant itself. */
export const UNCONFIRMABLE_REASONS = [
  { code: 'TENANT_UNREACHABLE', label: '无法联系承租企业' },
  { code: 'TENANT_DEREGISTERED', label: '承租企业已注销' },
  { code: 'NO_RESPONSE_IN_TIME', label: '承租企业逾期未确认' },
  { code: 'PROOF_OF_PAYMENT_ON_FILE', label: '已取得银行转账等付款凭证' },
] as const;

export type UnconfirmableReasonCode = (typeof UNCONFIRMABLE_REASONS)[number]['code'];

export const isTransferReason = (code: string): code is TransferReasonCode =>
  TRANSFER_REASONS.some((reason) => reason.code === code);

export const isUnconfirmableReason = (code: string): code is UnconfirmableReasonCode =>
  UNCONFIRMABLE_REASONS.some((reason) => reason.code === code);

/**
 * How a real-name reporter was told whether a case was opened (告知): order 121 leaves the form
 * to the bureau; what was used is recorded with who and when.
 */
export const NOTICE_METHODS = [
  { code: 'PHONE', label: '电话告知' },
  { code: 'SMS', label: '短信告知' },
  { code: 'LETTER', label: '书面告知（邮寄送达）' },
  { code: 'IN_PERSON', label: '当面告知' },
  { code: 'ONLINE', label: '通过举报平台或小程序告知' },
] as const;

export type NoticeMethodCode = (typeof NOTICE_METHODS)[number]['code'];

export const isNoticeMethod = (code: string): code is NoticeMethodCode =>
  NOTICE_METHODS.some((method) => method.code === code);
