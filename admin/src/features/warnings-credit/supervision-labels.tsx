import {
  CREDIT_CLASS_LABELS,
  WARNING_LEVEL_LABELS,
  type CreditClass,
  type WarningLevel,
  type WarningTrend,
} from '@zgd/shared-types';
import { Tag } from 'antd';

const LEVEL_COLORS: Record<WarningLevel, string> = {
  red: 'red',
  yellow: 'gold',
  green: 'green',
};

const CLASS_COLORS: Record<CreditClass, string> = {
  A: 'green',
  B: 'blue',
  C: 'orange',
  D: 'red',
};

export function LevelTag({ level, label }: { level: WarningLevel; label?: string }) {
  return <Tag color={LEVEL_COLORS[level]}>{label ?? WARNING_LEVEL_LABELS[level]}</Tag>;
}

export function ClassTag({ value }: { value: CreditClass }) {
  return <Tag color={CLASS_COLORS[value]}>{CREDIT_CLASS_LABELS[value]}</Tag>;
}

export const TREND_LABELS: Record<Exclude<WarningTrend, null>, string> = {
  worse: '↑ 加重',
  better: '↓ 好转',
  same: '→ 持平',
};

export function trendLabel(trend: WarningTrend): string {
  return trend ? TREND_LABELS[trend] : '—';
}
