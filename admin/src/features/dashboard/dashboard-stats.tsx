import {
  shanghaiDistrictName,
  type DashboardList,
  type DashboardView,
  type DistrictCasesRow,
  type MoneyMonthRow,
  type TopEntityRow,
} from '@zgd/shared-types';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Row,
  Space,
  Statistic,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/api-error';
import { downloadDashboardList, fetchDashboard } from '../../api/console-api';
import { loadedData, useLoad } from '../../app/use-load';
import { useSession } from '../../app/use-session';
import { BarChart, type BarSeries } from './bar-chart';
import { formatYuan, sumYuan } from './money';
import { DistrictSelect } from '../../app/district-select';

const MONEY_SERIES: BarSeries[] = [
  { key: 'found', label: '核查发现多收', color: '#cf1322' },
  { key: 'refunded', label: '已退还', color: '#389e0d' },
  { key: 'fined', label: '罚款', color: '#1f5fbf' },
];

interface Filters {
  district?: string;
  from?: string;
  to?: string;
}

/**
 * The statistics of the 工作台: cases by district and state, overdue and due-soon cases (by the
 * work queue's deadline), money found against
 * refunded and fined by month, and the entities with most findings; each list exports to Excel.
 * The city sees every district (and may pick one); district staff see their own.
 */
export function DashboardStats() {
  const session = useSession();
  const city = session?.user.role === 'city_admin';
  const [filters, setFilters] = useState<Filters>({});
  const { state } = useLoad(
    (signal) => fetchDashboard(filters, { signal }),
    [filters.district, filters.from, filters.to],
  );
  const view = loadedData(state);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        {city && (
          <DistrictSelect
            value={filters.district}
            onChange={(district?: string) => setFilters((f) => ({ ...f, district }))}
          />
        )}
        <DatePicker.RangePicker
          picker="month"
          aria-label="月份范围"
          placeholder={['起始月份', '结束月份']}
          onChange={(range) =>
            setFilters((f) => ({ ...f, from: month(range?.[0]), to: month(range?.[1]) }))
          }
        />
      </Space>
      {state.kind === 'error' && (
        <Alert
          type="error"
          showIcon
          message="无法加载统计"
          description={errorMessage(state.error)}
        />
      )}
      {view && <Figures view={view} filters={filters} loading={state.kind === 'loading'} />}
      {!view && state.kind === 'loading' && <Card loading />}
    </Space>
  );
}

const month = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM') : undefined);

function Figures({
  view,
  filters,
  loading,
}: {
  view: DashboardView;
  filters: Filters;
  loading: boolean;
}) {
  const total = view.casesByDistrict.reduce((n, r) => n + r.total, 0);
  const scope = view.districtCode ? shanghaiDistrictName(view.districtCode) : '全市';
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Stat title={`${scope}案件`} value={total} />
        <Stat title="已逾期案件" value={view.overdueTotal} danger={view.overdueTotal > 0} />
        <Stat title="即将到期案件" value={view.dueSoonTotal} warning={view.dueSoonTotal > 0} />
        <Stat
          title="核查发现多收（元）"
          value={formatYuan(sumYuan(view.moneyByMonth.map((m) => m.found)))}
        />
        <Stat
          title="已退还（元）"
          value={formatYuan(sumYuan(view.moneyByMonth.map((m) => m.refunded)))}
        />
        <Stat
          title="罚款（元）"
          value={formatYuan(sumYuan(view.moneyByMonth.map((m) => m.fined)))}
        />
      </Row>
      <ListCard title="各区案件" list="cases-by-district" filters={filters}>
        <Table<DistrictCasesRow>
          aria-label="各区案件"
          rowKey="districtCode"
          size="small"
          loading={loading}
          pagination={false}
          dataSource={view.casesByDistrict}
          columns={casesColumns(view)}
          scroll={{ x: 1000 }}
          locale={{ emptyText: '暂无案件' }}
        />
      </ListCard>
      <ListCard title="多收、退还与罚款（按月）" list="money-by-month" filters={filters}>
        {view.moneyByMonth.length > 0 && (
          <BarChart<MoneyMonthRow>
            title="多收、退还与罚款（按月）"
            rows={view.moneyByMonth}
            category={(r) => r.month}
            series={MONEY_SERIES}
            value={(r, key) => r[key as 'found' | 'refunded' | 'fined']}
          />
        )}
        <Table<MoneyMonthRow>
          aria-label="多收、退还与罚款"
          rowKey="month"
          size="small"
          loading={loading}
          style={{ marginTop: 12 }}
          pagination={{ defaultPageSize: 12, hideOnSinglePage: true }}
          dataSource={view.moneyByMonth}
          columns={MONEY_COLUMNS}
          locale={{ emptyText: '暂无数据' }}
        />
      </ListCard>
      <ListCard title="问题最多的收费主体" list="top-entities" filters={filters}>
        <Table<TopEntityRow>
          aria-label="问题最多的收费主体"
          rowKey="entityId"
          size="small"
          loading={loading}
          pagination={false}
          dataSource={view.topEntities}
          columns={TOP_COLUMNS}
          locale={{ emptyText: '暂无核查问题' }}
        />
      </ListCard>
    </Space>
  );
}

function Stat({
  title,
  value,
  danger,
  warning,
}: {
  title: string;
  value: ReactNode;
  danger?: boolean;
  warning?: boolean;
}) {
  const color = danger ? '#cf1322' : warning ? '#d46b08' : undefined;
  return (
    <Col xs={12} md={8} xl={4} flex="1">
      <Card size="small">
        <Statistic
          title={title}
          value={value as string}
          valueStyle={color ? { color } : undefined}
        />
      </Card>
    </Col>
  );
}

/** A list with its 导出 Excel button. */
function ListCard({
  title,
  list,
  filters,
  children,
}: {
  title: string;
  list: DashboardList;
  filters: Filters;
  children: ReactNode;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const exportList = async () => {
    setBusy(true);
    try {
      await downloadDashboardList(list, filters);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      title={title}
      extra={
        <Button size="small" loading={busy} onClick={exportList} aria-label={`导出“${title}”`}>
          导出 Excel
        </Button>
      }
    >
      {children}
    </Card>
  );
}

function casesColumns(view: DashboardView): TableColumnsType<DistrictCasesRow> {
  return [
    { title: '区', dataIndex: 'districtName', fixed: 'left', width: 100 },
    ...view.states.map((s) => ({
      title: s.label,
      key: s.state,
      align: 'right' as const,
      render: (_: unknown, r: DistrictCasesRow) => r.byState[s.state] ?? 0,
    })),
    { title: '合计', dataIndex: 'total', align: 'right', width: 70 },
    {
      title: '已逾期',
      dataIndex: 'overdue',
      align: 'right',
      width: 80,
      render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : 0),
    },
    {
      title: '即将到期',
      dataIndex: 'dueSoon',
      align: 'right',
      width: 90,
      render: (n: number) => (n > 0 ? <Typography.Text type="warning">{n}</Typography.Text> : 0),
    },
  ];
}

const money = (text: string) => formatYuan(text);

const MONEY_COLUMNS: TableColumnsType<MoneyMonthRow> = [
  { title: '月份', dataIndex: 'month', width: 100 },
  { title: '核查发现多收（元）', dataIndex: 'found', align: 'right', render: money },
  { title: '已退还（元）', dataIndex: 'refunded', align: 'right', render: money },
  { title: '罚款（元）', dataIndex: 'fined', align: 'right', render: money },
];

const TOP_COLUMNS: TableColumnsType<TopEntityRow> = [
  {
    title: '收费主体',
    dataIndex: 'name',
    render: (name: string, r) => <Link to={`/charging-entities/${r.entityId}`}>{name}</Link>,
  },
  { title: '统一社会信用代码', dataIndex: 'entityId', width: 200 },
  {
    title: '所在区',
    dataIndex: 'districtCode',
    width: 100,
    render: (code: string) => shanghaiDistrictName(code) ?? code,
  },
  { title: '问题数', dataIndex: 'findings', align: 'right', width: 80 },
  { title: '多收金额（元）', dataIndex: 'overcharge', align: 'right', width: 150, render: money },
];
