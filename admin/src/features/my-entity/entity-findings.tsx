import {
  FINDING_LABELS,
  TOU_LABELS,
  VERDICT_LABELS,
  type AllowedPriceMonth,
  type EntityPortalFinding,
  type EntityPortalView,
  type FindingType,
  type TouPeriod,
  type VerdictLevel,
} from '@zgd/shared-types';
import { Alert, Card, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { formatYuan } from '../dashboard/money';

const VERDICT_COLORS: Record<string, string> = {
  green: 'success',
  yellow: 'warning',
  red: 'error',
};

const monthColumns: TableColumnsType<AllowedPriceMonth> = [
  { title: '月份', dataIndex: 'period', width: 90 },
  { title: '户号', dataIndex: 'accountNo', width: 120 },
  {
    title: '平均结算价（元/千瓦时）',
    dataIndex: 'averagePrice',
    width: 180,
    render: (p: string | null) =>
      p ?? <Typography.Text type="secondary">无电网账单</Typography.Text>,
  },
  {
    title: '电网分时电价（元/千瓦时）',
    dataIndex: 'gridPrices',
    render: (prices: AllowedPriceMonth['gridPrices']) =>
      prices.length ? (
        <Space size={4} wrap>
          {prices.map((p) => (
            <Tag key={`${p.tou}-${p.unitPrice}`} bordered={false}>
              {TOU_LABELS[(p.tou ?? 'none') as TouPeriod] ?? p.tou} {p.unitPrice}
            </Tag>
          ))}
        </Space>
      ) : (
        '—'
      ),
  },
  {
    title: '核查结论',
    dataIndex: 'verdict',
    width: 110,
    render: (v: string) => (
      <Tag color={VERDICT_COLORS[v]}>{VERDICT_LABELS[v as VerdictLevel] ?? v}</Tag>
    ),
  },
  {
    title: '应退还（元）',
    dataIndex: 'overcharge',
    width: 130,
    align: 'right',
    render: formatYuan,
  },
];

const findingColumns: TableColumnsType<EntityPortalFinding> = [
  { title: '月份', dataIndex: 'period', width: 90 },
  { title: '户号', dataIndex: 'accountNo', width: 120 },
  {
    title: '问题',
    dataIndex: 'type',
    render: (type: string) => {
      const label = FINDING_LABELS[type as FindingType];
      return label ? (
        <span title={label.explain}>
          {label.title}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {label.explain}
          </Typography.Text>
        </span>
      ) : (
        type
      );
    },
  },
  {
    title: '租户',
    dataIndex: 'tenantId',
    width: 190,
    render: (id: string | null) => id ?? '—',
  },
  {
    title: '金额（元）',
    dataIndex: 'amount',
    width: 120,
    align: 'right',
    render: (a: string | null) => (a ? formatYuan(a) : '—'),
  },
];

/** Each month's allowed prices and verdict, then the findings behind the verdicts. */
export function EntityFindings({ view }: { view: EntityPortalView }) {
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title="允许价格与核查结论（按月）">
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          未装分时电表的租户按平均结算价（当月电网电费 ÷
          购电量）计费；装有分时电表的租户按电网同时段电价计费。线损、公摊须单列、合理分摊，不得计入单价。
        </Typography.Paragraph>
        <Table<AllowedPriceMonth>
          aria-label="允许价格与核查结论"
          rowKey={(m) => `${m.accountNo}-${m.period}`}
          size="small"
          dataSource={view.months}
          columns={monthColumns}
          pagination={{ defaultPageSize: 12, hideOnSinglePage: true }}
          locale={{ emptyText: '暂无核查结果：请先上传向租户的分户收费明细' }}
          scroll={{ x: 900 }}
        />
      </Card>
      <Card size="small" title="核查发现的问题">
        {!view.perTenantFigures && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message="本单位租户少于 5 户：为保护相关企业，只显示问题类别，不显示分租户的金额。"
          />
        )}
        <Table<EntityPortalFinding>
          aria-label="核查发现的问题"
          rowKey={(f) =>
            `${f.accountNo}-${f.period}-${f.type}-${f.tenantId ?? ''}-${f.amount ?? ''}`
          }
          size="small"
          dataSource={view.findings}
          columns={findingColumns}
          pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '未发现问题' }}
          scroll={{ x: 800 }}
        />
      </Card>
    </Space>
  );
}
