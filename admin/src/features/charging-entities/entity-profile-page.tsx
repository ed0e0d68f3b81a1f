import {
  PRICING_LABELS,
  USER_CLASS_LABELS,
  VOLTAGE_LABELS,
  shanghaiDistrictName,
  type EntityAccountView,
  type EntityCaseRow,
  type EntityFindingMonth,
  type EntityProfileView,
} from '@zgd/shared-types';
import {
  Alert,
  Breadcrumb,
  Card,
  Descriptions,
  Empty,
  Result,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../../api/api-error';
import { fetchEntityProfile } from '../../api/console-api';
import { useLoad } from '../../app/use-load';
import { BarChart } from '../dashboard/bar-chart';
import { formatYuan } from '../dashboard/money';
import { SupervisionCards } from './supervision-cards';

/** A charging entity as regulator staff see it. */
export default function EntityProfilePage() {
  const { entityId = '' } = useParams();
  const { state } = useLoad((signal) => fetchEntityProfile(entityId, { signal }), [entityId]);
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/charging-entities">收费主体</Link> }, { title: '主体详情' }]}
      />
      {state.kind === 'loading' && <Skeleton active paragraph={{ rows: 8 }} />}
      {state.kind === 'ok' && <Profile profile={state.data} />}
      {state.kind === 'error' &&
        (state.error instanceof ApiError && [403, 404].includes(state.error.status) ? (
          <Result
            status={state.error.status === 404 ? '404' : '403'}
            title={state.error.message}
            extra={<Link to="/charging-entities">返回收费主体</Link>}
          />
        ) : (
          <Alert type="error" showIcon message="无法加载" description={errorMessage(state.error)} />
        ))}
    </>
  );
}

function Profile({ profile }: { profile: EntityProfileView }) {
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {profile.name}
      </Typography.Title>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label="统一社会信用代码">{profile.id}</Descriptions.Item>
          <Descriptions.Item label="所在区">
            {shanghaiDistrictName(profile.districtCode) ?? profile.districtCode}
          </Descriptions.Item>
          <Descriptions.Item label="地址">{profile.premisesAddress}</Descriptions.Item>
          <Descriptions.Item label="电网户号">{profile.accounts.length} 个</Descriptions.Item>
          <Descriptions.Item label="租户">{profile.tenantCount} 户</Descriptions.Item>
          <Descriptions.Item label="案件">{profile.cases.length} 件</Descriptions.Item>
        </Descriptions>
      </Card>
      <SupervisionCards entityId={profile.id} />
      <Card size="small" title="核查结果（按月）">
        {profile.findingsByMonth.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无核查结果" />
        ) : (
          <>
            <BarChart<EntityFindingMonth>
              title="核查问题与多收金额（按月）"
              rows={profile.findingsByMonth}
              category={(r) => r.period}
              series={[
                { key: 'findings', label: '问题数', color: '#fa8c16' },
                { key: 'overcharge', label: '多收金额（元）', color: '#cf1322' },
              ]}
              value={(r, key) => (key === 'findings' ? r.findings : r.overcharge)}
              height={180}
              scale="per-series"
            />
            <Table<EntityFindingMonth>
              aria-label="核查结果"
              rowKey="period"
              size="small"
              style={{ marginTop: 12 }}
              pagination={{ defaultPageSize: 12, hideOnSinglePage: true }}
              dataSource={profile.findingsByMonth}
              columns={[
                { title: '月份', dataIndex: 'period' },
                { title: '问题数', dataIndex: 'findings', align: 'right' },
                {
                  title: '多收金额（元）',
                  dataIndex: 'overcharge',
                  align: 'right',
                  render: formatYuan,
                },
              ]}
            />
          </>
        )}
      </Card>
      <Card size="small" title="电网户号">
        <Table<EntityAccountView>
          aria-label="电网户号"
          rowKey="accountNo"
          size="small"
          pagination={false}
          dataSource={profile.accounts}
          columns={ACCOUNT_COLUMNS}
          locale={{ emptyText: '暂无户号' }}
        />
      </Card>
      <Card
        size="small"
        title="案件"
        extra={profile.casesByState.map((s) => (
          <Tag key={s.state}>
            {s.label} {s.count}
          </Tag>
        ))}
      >
        <Table<EntityCaseRow>
          aria-label="案件"
          rowKey="id"
          size="small"
          pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
          dataSource={profile.cases}
          columns={CASE_COLUMNS}
          locale={{ emptyText: '暂无案件' }}
        />
      </Card>
    </Space>
  );
}

const ACCOUNT_COLUMNS: TableColumnsType<EntityAccountView> = [
  { title: '户号', dataIndex: 'accountNo' },
  {
    title: '用电类别',
    dataIndex: 'userClass',
    render: (c: string | null) => (c ? (USER_CLASS_LABELS[c] ?? c) : '—'),
  },
  {
    title: '电压等级',
    dataIndex: 'voltage',
    render: (v: string | null) => (v ? (VOLTAGE_LABELS[v] ?? v) : '—'),
  },
  {
    title: '计价方式',
    dataIndex: 'pricing',
    render: (p: string | null) => (p ? (PRICING_LABELS[p] ?? p) : '—'),
  },
  {
    title: '数据月份',
    key: 'months',
    render: (_, a) =>
      a.firstPeriod === a.lastPeriod ? a.firstPeriod : `${a.firstPeriod} 至 ${a.lastPeriod}`,
  },
];

const CASE_COLUMNS: TableColumnsType<EntityCaseRow> = [
  { title: '案件编号', dataIndex: 'number', width: 220 },
  {
    title: '状态',
    dataIndex: 'stateLabel',
    width: 140,
    render: (label: string, c) => (
      <Tag
        color={
          c.state === 'closed' ? 'default' : c.state === 'not_opened' ? 'default' : 'processing'
        }
      >
        {label}
      </Tag>
    ),
  },
  { title: '涉及月份', dataIndex: 'periods', render: (p: string[]) => p.join('、') },
  {
    title: '登记时间',
    dataIndex: 'receivedAt',
    width: 170,
    render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
  },
];
