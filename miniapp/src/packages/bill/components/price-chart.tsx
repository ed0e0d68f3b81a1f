import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { monthLabel, periodLabel } from '../../../services/format';
import { label, TOU_LABELS } from '../../../services/labels';
import { barPercents, type PricePoint } from '../price-history';
import { Section } from './section';

function caption(point: PricePoint): string {
  if (point.myPrice === null) return `${periodLabel(point.period)}：没有可比较的电费单价`;
  const tou = point.tou ? `（${label(TOU_LABELS, point.tou)}）` : '';
  const allowed = point.allowedPrice ?? '—';
  return `${periodLabel(point.period)}${tou}：您的单价 ${point.myPrice} 元，允许 ${allowed} 元`;
}

/**
 * 近 12 个月单价: bars of the tenant's energy price beside the allowed price, drawn with plain
 * Views (no chart library in a mini-program). Tap a month to read its figures.
 */
export function PriceChart({
  points,
  loading,
  current,
}: {
  points: PricePoint[];
  loading: boolean;
  current: string;
}) {
  const [selected, setSelected] = useState(current);
  const heights = barPercents(points);
  const shown = points.find((p) => p.period === selected) ?? points[points.length - 1];

  return (
    <Section title={`近 ${points.length || 12} 个月单价`} note="您的电费单价 与 允许的单价">
      {loading ? (
        <Text className="section__empty">正在加载各月数据…</Text>
      ) : (
        <View className="chart">
          <View className="chart__legend">
            <View className="chart__key chart__key--my" />
            <Text className="chart__key-text">您的单价</Text>
            <View className="chart__key chart__key--over" />
            <Text className="chart__key-text">高于允许</Text>
            <View className="chart__key chart__key--allowed" />
            <Text className="chart__key-text">允许单价</Text>
          </View>
          <View className="chart__plot">
            {points.map((point, i) => (
              <View
                key={point.period}
                className={`chart__month${point.period === shown?.period ? ' chart__month--selected' : ''}`}
                onClick={() => setSelected(point.period)}
              >
                <View className="chart__bars">
                  <View
                    className={`chart__bar chart__bar--my${point.over ? ' chart__bar--over' : ''}`}
                    style={{ height: `${heights[i].my}%` }}
                  />
                  <View
                    className="chart__bar chart__bar--allowed"
                    style={{ height: `${heights[i].allowed}%` }}
                  />
                </View>
                <Text className="chart__axis">{monthLabel(point.period)}</Text>
              </View>
            ))}
          </View>
          {shown && <Text className="chart__caption">{caption(shown)}</Text>}
          {points.length > 1 && <Text className="chart__hint">点按某个月份查看当月单价</Text>}
        </View>
      )}
    </Section>
  );
}
