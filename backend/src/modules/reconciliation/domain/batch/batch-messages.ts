/** Chinese names of the contract's columns, for messages users read. */
export const COLUMN_LABELS: Readonly<Record<string, string>> = {
  entity_id: '收费主体统一社会信用代码',
  tenant_id: '租户统一社会信用代码',
  name: '收费主体名称',
  premises_address: '经营场所地址',
  district_code: '区代码',
  user_class: '用电类别',
  voltage: '电压等级',
  pricing: '计价方式',
  tou: '时段',
  unit_price: '单价',
  effective_from: '生效日期',
  effective_to: '失效日期',
  account_no: '户号',
  period: '账期',
  line: '账单行类型',
  kwh: '电量',
  amount: '金额',
  item: '收费项目',
  tenant_name: '租户名称',
};

/** `电量（kwh）最多保留 3 位小数` */
export function columnMessage(column: string, reason: string): string {
  return `${COLUMN_LABELS[column] ?? column}（${column}）${reason}`;
}

export function choiceMessage(column: string, choices: readonly string[]): string {
  return columnMessage(column, `取值无效，应为以下之一：${choices.join('、')}`);
}
