import { Picker, Text, View } from '@tarojs/components';
import type { TariffView } from '@zgd/shared-types';
import { useEffect, useState } from 'react';
import { periodLabel } from '../../../services/format';
import {
  label,
  PRICING_LABELS,
  TOU_LABELS,
  USER_CLASS_LABELS,
  VOLTAGE_LABELS,
} from '../../../services/labels';
import { fetchTariffs, monthOf, tariffsInForce } from '../../../services/tariffs-api';

const CLASSES = Object.keys(USER_CLASS_LABELS);
const VOLTAGES = ['all', ...Object.keys(VOLTAGE_LABELS)];
const voltageName = (v: string) => (v === 'all' ? '全部电压等级' : label(VOLTAGE_LABELS, v));

type Load =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; month: string | null; rows: TariffView[] };

interface TariffGroup {
  key: string;
  voltage: string;
  pricing: string;
  rows: TariffView[];
}

function groupRows(rows: readonly TariffView[]): TariffGroup[] {
  const groups = new Map<string, TariffGroup>();
  for (const row of rows) {
    const key = `${row.voltage}/${row.pricing}`;
    const group = groups.get(key) ?? { key, voltage: row.voltage, pricing: row.pricing, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  const order = Object.keys(VOLTAGE_LABELS);
  return [...groups.values()].sort(
    (a, b) => order.indexOf(a.voltage) - order.indexOf(b.voltage) || a.key.localeCompare(b.key),
  );
}

/** 当前政府定价 for a user class (default 一般工商业), with pickers for class and voltage. */
export function TariffTable({ now = new Date() }: { now?: Date }) {
  const [userClass, setUserClass] = useState('general_commercial');
  const [voltage, setVoltage] = useState('all');
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const month = monthOf(now);

  useEffect(() => {
    let active = true;
    setLoad({ state: 'loading' });
    fetchTariffs(userClass)
      .then((rows) => {
        if (!active) return;
        const inForce = tariffsInForce(rows, month);
        setLoad({ state: 'ready', month: inForce?.month ?? null, rows: inForce?.rows ?? [] });
      })
      .catch((error: Error) => active && setLoad({ state: 'failed', message: error.message }));
    return () => {
      active = false;
    };
  }, [userClass, month]);

  const groups =
    load.state === 'ready'
      ? groupRows(load.rows.filter((r) => voltage === 'all' || r.voltage === voltage))
      : [];

  return (
    <View className="tariffs">
      <View className="pickers">
        <Picker
          mode="selector"
          range={CLASSES.map((c) => USER_CLASS_LABELS[c])}
          value={CLASSES.indexOf(userClass)}
          onChange={(e) => setUserClass(CLASSES[Number(e.detail.value)])}
        >
          <View className="picker">
            <Text className="picker__name">用电类别</Text>
            <Text className="picker__value">{USER_CLASS_LABELS[userClass]} ▾</Text>
          </View>
        </Picker>
        <Picker
          mode="selector"
          range={VOLTAGES.map(voltageName)}
          value={VOLTAGES.indexOf(voltage)}
          onChange={(e) => setVoltage(VOLTAGES[Number(e.detail.value)])}
        >
          <View className="picker">
            <Text className="picker__name">电压等级</Text>
            <Text className="picker__value">{voltageName(voltage)} ▾</Text>
          </View>
        </Picker>
      </View>
      {load.state === 'loading' && <Text className="block__empty">正在加载电价…</Text>}
      {load.state === 'failed' && (
        <Text className="block__empty block__empty--error">{load.message}</Text>
      )}
      {load.state === 'ready' && load.month && (
        <Text className="tariffs__month">
          执行月份：{periodLabel(load.month)}
          {load.month !== month ? '（最新公布）' : ''}
        </Text>
      )}
      {load.state === 'ready' && groups.length === 0 && (
        <Text className="block__empty">暂无该类别的电价数据。</Text>
      )}
      {groups.map((group) => (
        <View key={group.key} className="tariff">
          <Text className="tariff__title">
            {label(VOLTAGE_LABELS, group.voltage)} · {label(PRICING_LABELS, group.pricing)}
          </Text>
          {group.rows.map((row) => (
            <View key={row.id} className={`tariff__row tariff__row--${row.tou}`}>
              <Text className="tariff__tou">{label(TOU_LABELS, row.tou)}</Text>
              <Text className="tariff__price">{row.unitPrice} 元/千瓦时</Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
