import {
  CASE_QUEUE_STATE_LABELS,
  DEADLINE_LABELS,
  type CaseAssigneeView,
  type CaseQueueItem,
} from '@zgd/shared-types';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../api/api-error';
import { useLoad } from '../../app/use-load';
import { useSession } from '../../app/use-session';
import { daysLeftText, filtersFrom, paramsFrom, shanghaiDay, yuan } from './case-format';
import { assignCases, fetchAssignees, fetchQueue, type QueueFilters } from './cases-api';
import { DistrictSelect } from '../../app/district-select';

const STATE_OPTIONS = Object.entries(CASE_QUEUE_STATE_LABELS).map(([value, label]) => ({
  value,
  label,
}));

const DUE_OPTIONS = [
  { value: 'all', label: '全部' },
  { value: 'overdue', label: '已超期' },
  { value: 'soon', label: '即将到期' },
];

const AMOUNT = /^\d{1,13}(\.\d{1,2})?$/;
const USCC = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;

/** The deadline a row is sorted on, red when overdue and orange when due soon. */
export function DueCell({ item }: { item: CaseQueueItem }) {
  if (!item.queueDue || !item.queueDueKind)
    return <Typography.Text type="secondary">—</Typography.Text>;
  const label = DEADLINE_LABELS[item.queueDueKind];
  const left = item.queueDaysLeft ?? 0;
  return (
    <Space direction="vertical" size={0}>
      <span>
        {label} · {item.queueDue}
      </span>
      {item.overdue ? (
        <Tag color="red">已超期 · {daysLeftText(left)}</Tag>
      ) : item.dueSoon ? (
        <Tag color="orange">即将到期 · {daysLeftText(left)}</Tag>
      ) : (
        <Typography.Text type="secondary">{daysLeftText(left)}</Typography.Text>
      )}
    </Space>
  );
}

const columns: TableColumnsType<CaseQueueItem> = [
  {
    title: '案件编号',
    dataIndex: 'number',
    width: 220,
    render: (number: string, item) => <Link to={`/cases/${item.id}`}>{number}</Link>,
  },
  {
    title: '收费主体',
    key: 'entity',
    width: 240,
    render: (_, item) => (
      <Space direction="vertical" size={0}>
        <span>{item.entityName ?? '（名录中无此主体）'}</span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {item.entityId}
        </Typography.Text>
      </Space>
    ),
  },
  {
    title: '状态',
    dataIndex: 'stateLabel',
    width: 130,
    render: (label: string) => <Tag>{label}</Tag>,
  },
  { title: '期限', key: 'due', width: 210, render: (_, item) => <DueCell item={item} /> },
  {
    title: '举报涉及金额',
    dataIndex: 'claimed',
    width: 140,
    align: 'right',
    render: (claimed: string) => yuan(claimed),
  },
  { title: '举报', dataIndex: 'reportCount', width: 70, align: 'right' },
  {
    title: '承办人',
    dataIndex: 'assigneeName',
    width: 140,
    render: (name: string | null) =>
      name ?? <Typography.Text type="secondary">未分派</Typography.Text>,
  },
  {
    title: '登记日期',
    dataIndex: 'receivedAt',
    width: 110,
    render: (at: string) => shanghaiDay(at),
  },
];

type Loaded = { items: CaseQueueItem[]; nextCursor: string | null };

/** 线索与案件: the district's work queue, nearest deadline first, with bulk assignment. */
export default function CasesPage() {
  const session = useSession();
  const city = session?.user.role === 'city_admin';
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const key = paramsFrom(filters).toString();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [more, setMore] = useState<{ loading: boolean; error: unknown }>({
    loading: false,
    error: null,
  });
  const [selected, setSelected] = useState<string[]>([]);

  const first = useLoad((signal) => fetchQueue(filters, null, { signal }), [key]);
  useEffect(() => {
    if (first.state.kind === 'ok') {
      setLoaded(first.state.data);
      setSelected([]);
    }
  }, [first.state]);

  const loadMore = async () => {
    if (!loaded?.nextCursor) return;
    setMore({ loading: true, error: null });
    try {
      const page = await fetchQueue(filters, loaded.nextCursor);
      setLoaded({ items: [...loaded.items, ...page.items], nextCursor: page.nextCursor });
      setMore({ loading: false, error: null });
    } catch (error) {
      setMore({ loading: false, error });
    }
  };

  const apply = (next: QueueFilters) => setParams(paramsFrom(next), { replace: true });

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        线索与案件
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {city ? '全市' : '本区'}
        受理的一键举报与预警线索，按最近的法定期限排序：立案前为立案决定期限（收到举报之日起15个工作日），立案后为处理决定期限（立案之日起90日）。红色为已超期，橙色为3个工作日内到期。
      </Typography.Paragraph>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <QueueFilterForm key={key} filters={filters} city={city} onApply={apply} />
        {first.state.kind === 'error' ? (
          <Alert
            type="error"
            showIcon
            message="无法加载案件"
            description={errorMessage(first.state.error)}
            action={<Button onClick={first.reload}>重试</Button>}
          />
        ) : (
          <Card
            title="工作队列"
            extra={
              <BulkAssign
                selected={selected}
                district={city ? filters.district : (session?.user.districtCode ?? undefined)}
                onAssigned={() => {
                  setSelected([]);
                  first.reload();
                }}
              />
            }
          >
            <Table<CaseQueueItem>
              aria-label="工作队列"
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={loaded?.items ?? []}
              loading={first.state.kind === 'loading'}
              pagination={false}
              rowSelection={{
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
              }}
              scroll={{ x: 1100 }}
            />
            <Space style={{ marginTop: 16 }}>
              {loaded?.nextCursor ? (
                <Button onClick={loadMore} loading={more.loading}>
                  加载更多
                </Button>
              ) : (
                loaded && (
                  <Typography.Text type="secondary">
                    已显示全部 {loaded.items.length} 件
                  </Typography.Text>
                )
              )}
              {more.error !== null && (
                <Typography.Text type="danger">{errorMessage(more.error)}</Typography.Text>
              )}
            </Space>
          </Card>
        )}
      </Space>
    </>
  );
}

interface FilterValues {
  status: string[];
  due: 'overdue' | 'soon' | 'all';
  entityId?: string;
  amountMin?: string;
  amountMax?: string;
  district?: string;
}

function QueueFilterForm({
  filters,
  city,
  onApply,
}: {
  filters: QueueFilters;
  city: boolean;
  onApply: (filters: QueueFilters) => void;
}) {
  const [form] = Form.useForm<FilterValues>();
  const initial: FilterValues = {
    status: filters.status ? filters.status.split(',') : [],
    due: filters.due ?? 'all',
    entityId: filters.entityId,
    amountMin: filters.amountMin,
    amountMax: filters.amountMax,
    district: filters.district,
  };
  const submit = (v: FilterValues) =>
    onApply({
      status: v.status.length ? v.status.join(',') : undefined,
      due: v.due,
      entityId: v.entityId?.trim() || undefined,
      amountMin: v.amountMin?.trim() || undefined,
      amountMax: v.amountMax?.trim() || undefined,
      district: city ? v.district : undefined,
    });
  const amountRule = {
    validator: (_: unknown, value?: string) =>
      !value || AMOUNT.test(value.trim())
        ? Promise.resolve()
        : Promise.reject(new Error('金额应为最多两位小数的元')),
  };
  return (
    <Card size="small">
      <Form
        form={form}
        layout="inline"
        initialValues={initial}
        onFinish={submit}
        style={{ rowGap: 12 }}
        aria-label="筛选条件"
      >
        <Form.Item name="status" label="状态">
          <Select
            aria-label="状态"
            mode="multiple"
            allowClear
            placeholder="全部状态"
            style={{ minWidth: 220 }}
            options={STATE_OPTIONS}
          />
        </Form.Item>
        <Form.Item name="due" label="期限">
          <Select aria-label="期限" style={{ width: 120 }} options={DUE_OPTIONS} />
        </Form.Item>
        <Form.Item
          name="entityId"
          label="收费主体"
          rules={[
            {
              validator: (_: unknown, value?: string) =>
                !value || USCC.test(value.trim())
                  ? Promise.resolve()
                  : Promise.reject(new Error('请输入18位统一社会信用代码')),
            },
          ]}
        >
          <Input
            aria-label="收费主体"
            placeholder="统一社会信用代码"
            style={{ width: 210 }}
            allowClear
          />
        </Form.Item>
        <Form.Item label="金额（元）" style={{ marginInlineEnd: 0 }}>
          <Space.Compact>
            <Form.Item name="amountMin" noStyle rules={[amountRule]}>
              <Input aria-label="金额下限" placeholder="最低" style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="amountMax" noStyle rules={[amountRule]}>
              <Input aria-label="金额上限" placeholder="最高" style={{ width: 100 }} />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        {city && (
          <Form.Item name="district" label="区">
            <DistrictSelect style={{ width: 130 }} />
          </Form.Item>
        )}
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
            <Button
              onClick={() => {
                form.setFieldsValue({
                  status: [],
                  due: 'all',
                  entityId: undefined,
                  amountMin: undefined,
                  amountMax: undefined,
                  district: undefined,
                });
                onApply({ due: 'all' });
              }}
            >
              重置
            </Button>
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}

/** Assigns the selected cases to one officer of the district: all of them, or none. */
function BulkAssign({
  selected,
  district,
  onAssigned,
}: {
  selected: string[];
  district: string | undefined;
  onAssigned: () => void;
}) {
  const { message } = App.useApp();
  const [assignee, setAssignee] = useState<number | undefined>();
  const [busy, setBusy] = useState(false);
  const people = useLoad(
    (signal) =>
      district ? fetchAssignees(district, { signal }) : Promise.resolve([] as CaseAssigneeView[]),
    [district],
  );
  const options =
    people.state.kind === 'ok'
      ? people.state.data.map((u) => ({
          value: u.userId,
          label: `${u.displayName}${u.role === 'district_lead' ? '（负责人）' : ''}`,
        }))
      : [];

  const assign = useCallback(async () => {
    if (!assignee) return;
    setBusy(true);
    try {
      const answer = await assignCases(selected, assignee);
      message.success(`已将 ${answer.cases.length} 件案件分派给承办人`);
      onAssigned();
    } catch (error) {
      message.error(`分派失败，未作任何更改：${errorMessage(error)}`);
    } finally {
      setBusy(false);
    }
  }, [assignee, selected, message, onAssigned]);

  return (
    <Space>
      <Typography.Text type="secondary">已选 {selected.length} 件</Typography.Text>
      <Select
        aria-label="承办人"
        placeholder={district ? '选择承办人' : '请先按区筛选'}
        style={{ width: 200 }}
        options={options}
        value={assignee}
        onChange={setAssignee}
        disabled={!district}
      />
      <Button
        type="primary"
        disabled={!selected.length || !assignee}
        loading={busy}
        onClick={assign}
      >
        批量分派
      </Button>
    </Space>
  );
}
