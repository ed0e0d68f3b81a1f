import { Text, View } from '@tarojs/components';
import type { TenantMonthSheet } from '@zgd/shared-types';
import { gridFormulas, lineFormula, refundFormula } from '../formula';
import { Section } from './section';

/** 计算过程: how each figure above was reached, one sentence a line. */
export function FormulaSheet({ sheet }: { sheet: TenantMonthSheet }) {
  const refund = refundFormula(sheet);
  return (
    <Section title="计算过程" note="按市场监管部门核查规则逐项计算">
      <View className="formula">
        <Text className="formula__group">电网账单</Text>
        {gridFormulas(sheet).map((line) => (
          <Text key={line} className="formula__line">
            {line}
          </Text>
        ))}
        {sheet.lines.length > 0 && <Text className="formula__group">您的收费</Text>}
        {sheet.lines.map((line, i) => (
          <Text key={`${line.item}-${line.sourceLine ?? i}`} className="formula__line">
            {lineFormula(line)}
          </Text>
        ))}
        {refund && (
          <>
            <Text className="formula__group">应退金额</Text>
            <Text className="formula__line formula__line--total">{refund}</Text>
          </>
        )}
      </View>
    </Section>
  );
}
