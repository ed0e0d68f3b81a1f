import {
  PRICING_LABELS,
  USER_CLASS_LABELS,
  VOLTAGE_LABELS,
  type TariffView,
} from '@zgd/shared-types';
import { Alert, Card, DatePicker, Empty, Form, Select, Skeleton, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../api/api-error';
import { fetchTariffs, fetchTouHours } from '../../api/tariffs-api';
import { useLoad } from '../../app/use-load';
import { filtersFrom, options, paramsFrom, type TariffFilters } from './tariff-filters';
import { compareMonths, inForce, latestMonth } from './tariff-rows';
import { CompareTable, TariffTable, monthLabel } from './tariff-tables';
import { TouStrip } from './tou-strip';

const MONTH_FORMAT = 'YYYY-MM';

export default function TariffsPage() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const { userClass, voltage, pricing } = filters;

  // Every version of the selected prices; one answer serves both months of a comparison.
  // The API's own `month` filter is not sent: the backend answers it with a 500 for now
  // (its repository passes `month` on as a column), so months are picked here instead.
  const tariffs = useLoad(
    (signal) => fetchTariffs({ userClass, voltage, pricing }, { signal }),
    [userClass, voltage, pricing],
  );
  const rows = tariffs.state.kind === 'ok' ? tariffs.state.data : null;
  const month = filters.month ?? (rows ? latestMonth(rows) : null);

  const update = (change: Partial<TariffFilters>) =>
    setParams(paramsFrom({ ...filters, month: month ?? undefined, ...change }), { replace: true });

  const hasPrices = (date: Dayjs) =>
    rows !== null && inForce(rows, date.format(MONTH_FORMAT)).length > 0;

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        电价管理
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        上海市工商业用户电网代理购电价格按月发布，分时电价时段依据沪发改价管〔2022〕50号。本页按用户类别、电压等级和计价方式查询各月执行的电度电价，并可对比两个月份。新月份的电价表请在
        <Link to="/imports">数据导入</Link>中上传{' '}
        <Typography.Text code>tariffs.csv</Typography.Text>。
      </Typography.Paragraph>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Form layout="inline" style={{ rowGap: 12 }}>
            <Form.Item label="用户类别">
              <Select
                aria-label="用户类别"
                style={{ width: 140 }}
                value={userClass}
                options={options(USER_CLASS_LABELS)}
                onChange={(value) => update({ userClass: value })}
              />
            </Form.Item>
            <Form.Item label="电压等级">
              <Select
                aria-label="电压等级"
                style={{ width: 150 }}
                value={voltage}
                options={options(VOLTAGE_LABELS)}
                onChange={(value) => update({ voltage: value })}
              />
            </Form.Item>
            <Form.Item label="计价方式">
              <Select
                aria-label="计价方式"
                style={{ width: 110 }}
                value={pricing}
                options={options(PRICING_LABELS)}
                onChange={(value) => update({ pricing: value })}
              />
            </Form.Item>
            <Form.Item label="执行月份">
              <DatePicker
                aria-label="执行月份"
                picker="month"
                format={MONTH_FORMAT}
                allowClear={false}
                value={month ? dayjs(`${month}-01`) : null}
                disabledDate={(date) => !hasPrices(date)}
                onChange={(date: Dayjs | null) =>
                  date && update({ month: date.format(MONTH_FORMAT) })
                }
              />
            </Form.Item>
            <Form.Item label="对比月份">
              <DatePicker
                aria-label="对比月份"
                picker="month"
                format={MONTH_FORMAT}
                placeholder="选择月份对比"
                value={filters.compare ? dayjs(`${filters.compare}-01`) : null}
                disabledDate={(date) => !hasPrices(date)}
                onChange={(date: Dayjs | null) =>
                  update({ compare: date ? date.format(MONTH_FORMAT) : undefined })
                }
              />
            </Form.Item>
          </Form>
        </Card>
        {tariffs.state.kind === 'loading' && (
          <Card>
            <Skeleton active paragraph={{ rows: 4 }} />
          </Card>
        )}
        {tariffs.state.kind === 'error' && (
          <Alert
            type="error"
            showIcon
            message="无法加载电价"
            description={errorMessage(tariffs.state.error)}
          />
        )}
        {rows && <TariffSections rows={rows} filters={filters} month={month} />}
      </Space>
    </>
  );
}

function TariffSections(props: {
  rows: TariffView[];
  filters: TariffFilters;
  month: string | null;
}) {
  const { rows, filters, month } = props;
  const selection = `${USER_CLASS_LABELS[filters.userClass]} · ${VOLTAGE_LABELS[filters.voltage]} · ${PRICING_LABELS[filters.pricing]}`;
  if (!month || rows.length === 0) {
    return (
      <Card>
        <Empty description={<NoPrices selection={selection} />} />
      </Card>
    );
  }
  const current = inForce(rows, month);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={`${monthLabel(month)}执行电价`}
        extra={<Typography.Text type="secondary">{selection}</Typography.Text>}
      >
        {current.length > 0 ? (
          <TariffTable rows={current} />
        ) : (
          <Empty description={`${monthLabel(month)}没有执行中的电价`} />
        )}
      </Card>
      {filters.compare && (
        <Card
          title={`电价对比：${monthLabel(month)} 与 ${monthLabel(filters.compare)}`}
          extra={<Typography.Text type="secondary">元/千瓦时</Typography.Text>}
        >
          <CompareTable
            rows={compareMonths(rows, month, filters.compare)}
            baseMonth={month}
            otherMonth={filters.compare}
          />
        </Card>
      )}
      <TouHoursCard pricing={filters.pricing} month={month} prices={current} />
    </Space>
  );
}

function NoPrices({ selection }: { selection: string }) {
  return (
    <>
      尚未导入“{selection}”的电价。可在<Link to="/imports">数据导入</Link>中上传 tariffs.csv。
    </>
  );
}

function TouHoursCard(props: {
  pricing: TariffFilters['pricing'];
  month: string;
  prices: TariffView[];
}) {
  const { pricing, month, prices } = props;
  const calendarMonth = Number(month.slice(5, 7));
  const hours = useLoad(
    (signal) => fetchTouHours(pricing, calendarMonth, { signal }),
    [pricing, calendarMonth],
  );
  return (
    <Card title={`分时时段（${PRICING_LABELS[pricing]} · ${calendarMonth}月）`}>
      {hours.state.kind === 'loading' && <Skeleton active paragraph={{ rows: 2 }} title={false} />}
      {hours.state.kind === 'error' && (
        <Alert
          type="error"
          showIcon
          message="无法加载分时时段"
          description={errorMessage(hours.state.error)}
        />
      )}
      {hours.state.kind === 'ok' && <TouStrip bands={hours.state.data} prices={prices} />}
    </Card>
  );
}
