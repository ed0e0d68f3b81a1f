import { Text, View } from '@tarojs/components';
import type { TenantMonthSheet } from '@zgd/shared-types';
import { isNegative, isPositive, trimZeros, yuan } from '../../../services/format';
import { CHARGE_ITEM_LABELS, label, TOU_LABELS } from '../../../services/labels';
import { PROHIBITED_ITEMS } from '../formula';
import { Row, Section } from './section';

type TenantLine = TenantMonthSheet['lines'][number];

function allowedPriceName(line: TenantLine): string {
  if (line.allowedPriceFrom === 'grid_tou' && line.tou) {
    return `允许单价（电网${label(TOU_LABELS, line.tou)}价）`;
  }
  return '允许单价（平均结算价）';
}

function badge(line: TenantLine): { text: string; tone: 'bad' | 'good' | 'info' } | null {
  if (PROHIBITED_ITEMS.has(line.item)) {
    return isPositive(line.amount) ? { text: '不得收取', tone: 'bad' } : null;
  }
  if (line.item !== 'energy') return { text: '可单独分摊', tone: 'info' };
  if (isPositive(line.difference)) return { text: '多收', tone: 'bad' };
  if (line.difference !== null) return { text: '未多收', tone: 'good' };
  return null;
}

function ChargeLine({ line }: { line: TenantLine }) {
  const tou = line.item === 'energy' && line.tou ? ` · ${label(TOU_LABELS, line.tou)}` : '';
  const mark = badge(line);
  const over = isPositive(line.difference);
  return (
    <View className={`charge${over || mark?.tone === 'bad' ? ' charge--bad' : ''}`}>
      <View className="charge__head">
        <Text className="charge__item">
          {label(CHARGE_ITEM_LABELS, line.item)}
          {tou}
        </Text>
        {mark && <Text className={`tag tag--${mark.tone}`}>{mark.text}</Text>}
      </View>
      {line.kwh && <Row name="电量" value={`${trimZeros(line.kwh)} 千瓦时`} />}
      {line.unitPrice && (
        <Row name="单价" value={`${line.unitPrice} 元/千瓦时`} tone={over ? 'bad' : undefined} />
      )}
      <Row
        name="收取金额"
        value={yuan(line.amount)}
        tone={mark?.tone === 'bad' ? 'bad' : undefined}
      />
      {line.allowedPrice && (
        <Row name={allowedPriceName(line)} value={`${line.allowedPrice} 元/千瓦时`} tone="good" />
      )}
      {line.allowedAmount && <Row name="允许金额" value={yuan(line.allowedAmount)} tone="good" />}
      {line.difference !== null && (
        <View className={`charge__diff${over ? ' charge__diff--bad' : ''}`}>
          <Text>{over ? '多收' : isNegative(line.difference) ? '少于允许金额' : '差额'}</Text>
          <Text className="charge__diff-amount">
            {isNegative(line.difference) ? yuan(line.difference.slice(1)) : yuan(line.difference)}
          </Text>
        </View>
      )}
    </View>
  );
}

/** 您的收费: each line the entity billed this tenant, beside what it was allowed to bill. */
export function MyCharges({ sheet }: { sheet: TenantMonthSheet }) {
  return (
    <Section title="您的收费" note="房东/物业向您收取的电费">
      {sheet.lines.length === 0 ? (
        <Text className="section__empty">本月没有向您收费的记录。</Text>
      ) : (
        sheet.lines.map((line, i) => (
          <ChargeLine key={`${line.item}-${line.tou}-${line.sourceLine ?? i}`} line={line} />
        ))
      )}
    </Section>
  );
}
