import { Text, View } from '@tarojs/components';
import type { TenantMonthSheet } from '@zgd/shared-types';
import { yuan } from '../../../services/format';
import { Row, Section } from './section';

/** 应退金额: what the entity owes this tenant for the month, and the three parts it is made of. */
export function RefundParts({ sheet }: { sheet: TenantMonthSheet }) {
  const { refund } = sheet;
  return (
    <Section title="应退金额">
      {refund ? (
        <View className="refund">
          <View className="refund__total">
            <Text className="refund__label">应退还您</Text>
            <Text className="refund__amount">{yuan(refund.amount)}</Text>
          </View>
          <Row name="核查发现的多收（单价超标、违规收费）" value={yuan(refund.fromFindings)} />
          <Row name="线损超限部分的分摊" value={yuan(refund.lossShare)} />
          <Row name="总收费超出部分的分摊" value={yuan(refund.residualShare)} />
        </View>
      ) : (
        <Text className="section__empty">本月没有应退金额。</Text>
      )}
    </Section>
  );
}
