import { TOU_LABELS, type TariffView, type TouPeriod } from '@zgd/shared-types';
import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { signed } from './decimal';
import type { ComparedRow } from './tariff-rows';
import { TOU_COLORS } from './tou-colors';

const priceStyle = { fontVariantNumeric: 'tabular-nums', fontFamily: 'monospace' } as const;

export function TouTag({ tou }: { tou: string }) {
  const period = tou as TouPeriod;
  const color = TOU_COLORS[period];
  return (
    <Tag
      color={color?.background}
      style={{ color: color?.text, minWidth: 48, textAlign: 'center' }}
    >
      {TOU_LABELS[period] ?? tou}
    </Tag>
  );
}

/** "2025-07-01 至 2025-07-31" (the stored end is exclusive), or "2025-07-01 起" when open. */
export function effectivePeriod(row: TariffView): string {
  if (row.effectiveTo === null) return `${row.effectiveFrom} 起`;
  const lastDay = dayjs(row.effectiveTo).subtract(1, 'day').format('YYYY-MM-DD');
  return `${row.effectiveFrom} 至 ${lastDay}`;
}

/** "2025年7月" from "2025-07". */
export const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

const priceColumns: TableColumnsType<TariffView> = [
  { title: '时段', dataIndex: 'tou', width: 120, render: (tou: string) => <TouTag tou={tou} /> },
  {
    title: '电度电价（元/千瓦时）',
    dataIndex: 'unitPrice',
    align: 'right',
    render: (price: string) => <span style={priceStyle}>{price}</span>,
  },
  { title: '执行期间', key: 'period', render: (_, row) => effectivePeriod(row) },
];

/** One month's prices by time-of-use period. */
export function TariffTable({ rows }: { rows: readonly TariffView[] }) {
  return (
    <Table<TariffView>
      aria-label="当月电价"
      rowKey="id"
      size="middle"
      pagination={false}
      columns={priceColumns}
      dataSource={[...rows]}
    />
  );
}

interface CompareTableProps {
  rows: readonly ComparedRow[];
  baseMonth: string;
  otherMonth: string;
}

/** Two months side by side with the exact difference (second month − first) per period. */
export function CompareTable({ rows, baseMonth, otherMonth }: CompareTableProps) {
  const absent = <Typography.Text type="secondary">该月无此时段</Typography.Text>;
  const columns: TableColumnsType<ComparedRow> = [
    { title: '时段', dataIndex: 'tou', width: 120, render: (tou: string) => <TouTag tou={tou} /> },
    {
      title: monthLabel(baseMonth),
      key: 'base',
      align: 'right',
      render: (_, row) =>
        row.base ? <span style={priceStyle}>{row.base.unitPrice}</span> : absent,
    },
    {
      title: monthLabel(otherMonth),
      key: 'other',
      align: 'right',
      render: (_, row) =>
        row.other ? <span style={priceStyle}>{row.other.unitPrice}</span> : absent,
    },
    {
      title: `差额（${monthLabel(otherMonth)} − ${monthLabel(baseMonth)}）`,
      dataIndex: 'difference',
      align: 'right',
      render: (difference: string | null) => <Change value={difference} />,
    },
    {
      title: '变动幅度',
      dataIndex: 'percent',
      align: 'right',
      render: (percent: string | null) => <Change value={percent} suffix="%" />,
    },
  ];
  return (
    <Table<ComparedRow>
      aria-label="电价对比"
      rowKey="key"
      size="middle"
      pagination={false}
      columns={columns}
      dataSource={[...rows]}
    />
  );
}

/** A rise in red, a fall in green (as prices are read in China), no change in grey. */
function Change({ value, suffix = '' }: { value: string | null; suffix?: string }) {
  if (value === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const text = signed(value);
  const color = text.startsWith('+') ? '#cf1322' : text.startsWith('-') ? '#389e0d' : undefined;
  return (
    <span style={{ ...priceStyle, color }}>
      {text}
      {suffix}
    </span>
  );
}
