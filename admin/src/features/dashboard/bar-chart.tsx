import { Space, Typography } from 'antd';

export interface BarSeries {
  key: string;
  label: string;
  color: string;
}

interface BarChartProps<T> {
  /** Read by screen readers and shown as the chart's title attribute. */
  title: string;
  rows: readonly T[];
  category: (row: T) => string;
  series: readonly BarSeries[];
  /** The value of a series in a row, as shown (an amount string or a count). */
  value: (row: T, series: string) => string | number;
  height?: number;
  /** `per-series`: each series against its own largest value (series in different units). */
  scale?: 'shared' | 'per-series';
}

/**
 * Grouped bars in plain SVG: one group per category (a month), one bar per series, with a
 * legend. Bar heights use numbers; every figure shown keeps the API's exact text.
 */
export function BarChart<T>({
  title,
  rows,
  category,
  series,
  value,
  height = 220,
  scale = 'shared',
}: BarChartProps<T>) {
  const plot = { top: 12, bottom: 28, left: 8, right: 8 };
  // Wide enough for a month label under each group.
  const groupWidth = Math.max(60, series.length * 14 + 12);
  const width = plot.left + plot.right + Math.max(rows.length, 1) * groupWidth;
  const largest = (keys: readonly string[]) =>
    Math.max(0, ...rows.flatMap((row) => keys.map((k) => Number(value(row, k)) || 0)));
  const shared = largest(series.map((s) => s.key));
  const maxOf = (key: string) => (scale === 'shared' ? shared : largest([key]));
  const inner = height - plot.top - plot.bottom;
  const barWidth = (groupWidth - 12) / series.length;
  return (
    <div>
      <Space size={16} wrap style={{ marginBottom: 8 }}>
        {series.map((s) => (
          <Space key={s.key} size={6}>
            <span
              style={{
                display: 'inline-block',
                width: 12,
                height: 12,
                background: s.color,
                borderRadius: 2,
              }}
            />
            <Typography.Text type="secondary">{s.label}</Typography.Text>
          </Space>
        ))}
      </Space>
      <div style={{ overflowX: 'auto' }}>
        <svg
          role="img"
          aria-label={title}
          width={Math.max(width, 320)}
          height={height}
          style={{ display: 'block' }}
        >
          <title>{title}</title>
          <line
            x1={plot.left}
            x2={width - plot.right}
            y1={height - plot.bottom}
            y2={height - plot.bottom}
            stroke="#d9d9d9"
          />
          {rows.map((row, i) => {
            const x0 = plot.left + i * groupWidth + 6;
            return (
              <g key={category(row)}>
                {series.map((s, j) => {
                  const shown = value(row, s.key);
                  const max = maxOf(s.key);
                  const h = max > 0 ? ((Number(shown) || 0) / max) * inner : 0;
                  return (
                    <rect
                      key={s.key}
                      x={x0 + j * barWidth}
                      y={height - plot.bottom - h}
                      width={Math.max(barWidth - 2, 2)}
                      height={h}
                      fill={s.color}
                    >
                      <title>{`${category(row)} ${s.label}：${shown}`}</title>
                    </rect>
                  );
                })}
                <text
                  x={x0 + (groupWidth - 12) / 2}
                  y={height - 10}
                  textAnchor="middle"
                  fontSize={11}
                  fill="#595959"
                >
                  {category(row)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </div>
  );
}
