import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { TariffTable } from '../../components/tariff-table';
import { TouStrip } from '../../components/tou-strip';
import { LEGAL_BASIS, MAY_CHARGE, MAY_NOT_CHARGE } from '../../rules-text';
import './index.scss';

function Block({ title, note, children }: { title: string; note?: string; children: ReactNode }) {
  return (
    <View className="block">
      <Text className="block__title">{title}</Text>
      {note && <Text className="block__note">{note}</Text>}
      {children}
    </View>
  );
}

/** 电价与规则: regulated prices, time-of-use hours, and what a landlord may and may not charge. */
export default function RulesPage() {
  return (
    <View className="rules">
      <Block title="当前政府定价" note="上海电网销售电价（政府定价），单位：元/千瓦时">
        <TariffTable />
      </Block>

      <Block title="峰谷时段" note="一天 24 小时中各时段的划分（沪发改价管〔2022〕50号）">
        <TouStrip />
      </Block>

      <Block title="房东/物业可以怎样收电费">
        {MAY_CHARGE.map((rule) => (
          <View key={rule.title} className="rule">
            <Text className="rule__title">✓ {rule.title}</Text>
            <Text className="rule__text">{rule.text}</Text>
          </View>
        ))}
      </Block>

      <Block title="不得收取">
        {MAY_NOT_CHARGE.map((item) => (
          <Text key={item} className="forbidden">
            ✕ {item}
          </Text>
        ))}
      </Block>

      <Block title="法律依据">
        {LEGAL_BASIS.map((basis) => (
          <View key={basis.law} className="rule">
            <Text className="rule__title">{basis.law}</Text>
            <Text className="rule__text">{basis.text}</Text>
          </View>
        ))}
        <Text className="rules__tip">
          发现多收，可在月度核查结果中一键举报，或拨打 12315 反映。
        </Text>
      </Block>
    </View>
  );
}
