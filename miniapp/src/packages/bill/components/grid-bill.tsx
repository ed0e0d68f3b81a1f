import { Text, View } from '@tarojs/components';
import type { TenantMonthSheet } from '@zgd/shared-types';
import { isPositive, isNegative, trimZeros, yuan } from '../../../services/format';
import { GRID_LINE_LABELS, label, TOU_LABELS } from '../../../services/labels';
import { Row, Section } from './section';

type GridLine = TenantMonthSheet['grid']['lines'][number];

function lineName(line: GridLine): string {
  if (line.line === 'energy' && line.tou) return `${label(TOU_LABELS, line.tou)}电费`;
  return label(GRID_LINE_LABELS, line.line);
}

function tariffNote(line: GridLine): string | null {
  if (!line.tariff) return line.line === 'energy' ? '当期无政府定价' : null;
  if (isPositive(line.tariffDifference) || isNegative(line.tariffDifference)) {
    return `政府定价 ${line.tariff.unitPrice}，差额 ${line.tariffDifference} 元`;
  }
  return '与政府定价一致';
}

/** 电网账单: what the landlord paid the grid, by time-of-use period, and the average price. */
export function GridBill({ sheet }: { sheet: TenantMonthSheet }) {
  const { grid } = sheet;
  if (grid.lines.length === 0) {
    return (
      <Section title="电网账单" note="房东/物业向电网缴纳的电费">
        <Text className="section__empty">本月还没有电网账单，暂无法核对。</Text>
      </Section>
    );
  }
  return (
    <Section title="电网账单" note="房东/物业向电网缴纳的电费">
      <View className="table">
        <View className="table__row table__row--head">
          <Text className="table__cell table__cell--name">项目</Text>
          <Text className="table__cell">电量(千瓦时)</Text>
          <Text className="table__cell">单价(元)</Text>
          <Text className="table__cell">金额(元)</Text>
        </View>
        {grid.lines.map((line, i) => {
          const note = tariffNote(line);
          return (
            <View key={`${line.line}-${line.tou}-${i}`} className="table__group">
              <View className="table__row">
                <Text className="table__cell table__cell--name">{lineName(line)}</Text>
                <Text className="table__cell">{line.kwh ? trimZeros(line.kwh) : '—'}</Text>
                <Text className="table__cell">{line.unitPrice ?? '—'}</Text>
                <Text className="table__cell">{line.amount}</Text>
              </View>
              {note && <Text className="table__note">{note}</Text>}
            </View>
          );
        })}
      </View>
      <View className="totals">
        {grid.G && <Row name="电网电费合计 G" value={yuan(grid.G)} />}
        {grid.K && <Row name="电网总电量 K" value={`${trimZeros(grid.K)} 千瓦时`} />}
        {grid.avg && (
          <Row name="平均结算价 G÷K" value={`${grid.avg.display} 元/千瓦时`} tone="strong" />
        )}
        {grid.ownUseKwh && grid.own && (
          <Row
            name="房东自用电"
            value={`${trimZeros(grid.ownUseKwh)} 千瓦时，${yuan(grid.own)}`}
            tone="muted"
          />
        )}
      </View>
    </Section>
  );
}
