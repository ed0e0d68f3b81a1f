import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

export function Section({
  title,
  note,
  children,
}: {
  title: string;
  note?: string;
  children: ReactNode;
}) {
  return (
    <View className="section">
      <View className="section__head">
        <Text className="section__title">{title}</Text>
        {note && <Text className="section__note">{note}</Text>}
      </View>
      {children}
    </View>
  );
}

/** A label on the left, a figure on the right. */
export function Row({
  name,
  value,
  tone,
}: {
  name: string;
  value: string;
  tone?: 'strong' | 'bad' | 'good' | 'muted';
}) {
  return (
    <View className="row">
      <Text className="row__name">{name}</Text>
      <Text className={`row__value${tone ? ` row__value--${tone}` : ''}`}>{value}</Text>
    </View>
  );
}
