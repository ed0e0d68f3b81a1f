import { Picker, Text, View } from '@tarojs/components';
import type { TouBand } from '@zgd/shared-types';
import { useEffect, useState } from 'react';
import { label, PRICING_LABELS, TOU_LABELS } from '../../../services/labels';
import { fetchTouHours } from '../../../services/tariffs-api';
import { hourPeriods, hoursText } from '../tou-hours';

const PRICINGS = ['two_part', 'single'] as const;
const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
const TICKS = [0, 6, 12, 18, 24];

/** 峰谷时段: the 24 hours of a day coloured by time-of-use period, for a pricing and month. */
export function TouStrip({ now = new Date() }: { now?: Date }) {
  const [pricing, setPricing] = useState<(typeof PRICINGS)[number]>('two_part');
  const [month, setMonth] = useState(now.getMonth() + 1);
  const [bands, setBands] = useState<TouBand[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    setError(null);
    fetchTouHours(pricing, month)
      .then((loaded) => active && setBands(loaded))
      .catch((e: Error) => active && setError(e.message));
    return () => {
      active = false;
    };
  }, [pricing, month]);

  const hours = bands ? hourPeriods(bands) : [];
  return (
    <View className="tou">
      <View className="pickers">
        <Picker
          mode="selector"
          range={PRICINGS.map((p) => PRICING_LABELS[p])}
          value={PRICINGS.indexOf(pricing)}
          onChange={(e) => setPricing(PRICINGS[Number(e.detail.value)])}
        >
          <View className="picker">
            <Text className="picker__name">计价方式</Text>
            <Text className="picker__value">{PRICING_LABELS[pricing]} ▾</Text>
          </View>
        </Picker>
        <Picker
          mode="selector"
          range={MONTHS}
          value={month - 1}
          onChange={(e) => setMonth(Number(e.detail.value) + 1)}
        >
          <View className="picker">
            <Text className="picker__name">月份</Text>
            <Text className="picker__value">{month}月 ▾</Text>
          </View>
        </Picker>
      </View>
      {error && <Text className="block__empty block__empty--error">{error}</Text>}
      {bands && (
        <>
          <View className="tou__strip" aria-label="24小时峰谷时段">
            {hours.map((tou, hour) => (
              <View key={hour} className={`tou__hour tou__hour--${tou ?? 'none'}`} />
            ))}
          </View>
          <View className="tou__ticks">
            {TICKS.map((tick) => (
              <Text key={tick} className="tou__tick">
                {tick}
              </Text>
            ))}
          </View>
          {bands.map((band) => (
            <View key={band.tou} className="tou__band">
              <View className={`tou__swatch tou__hour--${band.tou}`} />
              <Text className="tou__name">{label(TOU_LABELS, band.tou)}</Text>
              <Text className="tou__hours">{hoursText(band)}</Text>
            </View>
          ))}
        </>
      )}
    </View>
  );
}
