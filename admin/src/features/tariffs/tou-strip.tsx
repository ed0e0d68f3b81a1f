import { TOU_LABELS, type TariffView, type TouBand, type TouPeriod } from '@zgd/shared-types';
import { Space, Tag, Typography } from 'antd';
import { TOU_COLORS } from './tou-colors';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

const hourText = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

function periodAt(bands: readonly TouBand[], hour: number): TouPeriod | undefined {
  return bands.find((band) => band.hours.some(([start, end]) => hour >= start && hour < end))?.tou;
}

interface TouStripProps {
  bands: readonly TouBand[];
  /** The month's prices, to show beside each period in the legend. */
  prices: readonly TariffView[];
}

/** The day's 24 hours, each coloured by its time-of-use period, with a legend of hours. */
export function TouStrip({ bands, prices }: TouStripProps) {
  return (
    <div>
      <div role="list" aria-label="24小时分时时段" style={{ display: 'flex', gap: 1 }}>
        {HOURS.map((hour) => {
          const tou = periodAt(bands, hour);
          const color = tou ? TOU_COLORS[tou] : undefined;
          const label = `${hourText(hour)}–${hourText(hour + 1)} ${tou ? TOU_LABELS[tou] : '未定义'}`;
          return (
            <div
              key={hour}
              role="listitem"
              aria-label={label}
              title={label}
              style={{
                flex: 1,
                height: 36,
                background: color?.background ?? '#f0f0f0',
                color: color?.text,
                fontSize: 11,
                display: 'flex',
                alignItems: 'center',
                justifyContent: 'center',
                borderRadius: hour === 0 ? '4px 0 0 4px' : hour === 23 ? '0 4px 4px 0' : 0,
              }}
            >
              {tou ? TOU_LABELS[tou].slice(0, 1) : ''}
            </div>
          );
        })}
      </div>
      <div style={{ display: 'flex', marginTop: 4 }} aria-hidden>
        {HOURS.map((hour) => (
          <div key={hour} style={{ flex: 1, fontSize: 11, color: 'rgba(0,0,0,0.45)' }}>
            {hour % 2 === 0 ? hour : ''}
          </div>
        ))}
        <div style={{ width: 0, fontSize: 11, color: 'rgba(0,0,0,0.45)' }}>
          <span style={{ position: 'relative', left: -8 }}>24</span>
        </div>
      </div>
      <Space direction="vertical" size={6} style={{ marginTop: 16 }}>
        {bands.map((band) => {
          const price = prices.find((p) => p.tou === band.tou);
          return (
            <div key={band.tou}>
              <Tag
                color={TOU_COLORS[band.tou].background}
                style={{ color: TOU_COLORS[band.tou].text, minWidth: 48, textAlign: 'center' }}
              >
                {TOU_LABELS[band.tou]}
              </Tag>
              <Typography.Text>
                {band.hours.map(([start, end]) => `${hourText(start)}–${hourText(end)}`).join('，')}
              </Typography.Text>
              {price && (
                <Typography.Text type="secondary">
                  {'　'}
                  {price.unitPrice} 元/千瓦时
                </Typography.Text>
              )}
            </div>
          );
        })}
      </Space>
    </div>
  );
}
