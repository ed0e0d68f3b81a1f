import type { AuditChainView, AuditEntryView, AuditLogQuery } from '@zgd/shared-types';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { fetchAuditLog, fetchAuditVerification } from '../../api/console-api';
import { useLoad } from '../../app/use-load';
import { ROLE_LABELS } from '../../app/roles';
import type { Role } from '@zgd/shared-types';

const PAGE = 50;

type Filters = Omit<Partial<AuditLogQuery>, 'before' | 'limit'>;

/** Problems the verifier names, in words. */
const PROBLEM_LABELS: Record<string, string> = {
  altered: '内容被篡改',
  inserted: '被插入记录',
  deleted: '记录被删除',
  broken_link: '链条断裂',
};

const roleLabel = (role: string) =>
  role === 'system' ? '系统' : (ROLE_LABELS[role as Role] ?? role);

const columns: TableColumnsType<AuditEntryView> = [
  { title: '序号', dataIndex: 'seq', width: 80, align: 'right' },
  {
    title: '时间',
    dataIndex: 'at',
    width: 170,
    render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss'),
  },
  {
    title: '操作人',
    key: 'actor',
    width: 200,
    render: (_, e) => (
      <Space size={4} wrap>
        {e.actorUserId !== null && <span>{e.actorName ?? `用户 ${e.actorUserId}`}</span>}
        <Tag bordered={false}>{roleLabel(e.actorRole)}</Tag>
      </Space>
    ),
  },
  {
    title: '操作',
    dataIndex: 'action',
    width: 200,
    render: (a: string) => <Typography.Text code>{a}</Typography.Text>,
  },
  {
    title: '对象',
    key: 'subject',
    width: 300,
    render: (_, e) => (
      <span>
        <Typography.Text type="secondary">{e.subjectType}</Typography.Text>{' '}
        <Typography.Text style={{ fontFamily: 'monospace', fontSize: 12 }}>
          {e.subjectId}
        </Typography.Text>
      </span>
    ),
  },
  {
    title: '详情',
    dataIndex: 'details',
    width: 420,
    render: (d: Record<string, unknown>) =>
      Object.keys(d).length ? (
        <Typography.Paragraph
          style={{ fontFamily: 'monospace', fontSize: 12, margin: 0, wordBreak: 'break-all' }}
          ellipsis={{ rows: 2, expandable: true, symbol: '展开' }}
        >
          {JSON.stringify(d)}
        </Typography.Paragraph>
      ) : (
        '—'
      ),
  },
];

/** The audit log for the city's administrator, newest first, with whether its chain holds. */
export default function AuditLogsPage() {
  const [filters, setFilters] = useState<Filters>({});
  const [items, setItems] = useState<AuditEntryView[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = async (f: Filters, before?: number) => {
    setLoading(true);
    setError(null);
    try {
      const page = await fetchAuditLog({ ...f, before, limit: PAGE });
      setItems((current) => (before ? [...current, ...page.items] : page.items));
      setNext(page.nextBefore);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => void load(filters), [filters]);

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        审计日志
      </Typography.Title>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <ChainStatus />
        <Card size="small">
          <FilterForm onSearch={setFilters} />
        </Card>
        {error !== null && (
          <Alert
            type="error"
            showIcon
            message="无法加载审计日志"
            description={errorMessage(error)}
          />
        )}
        <Table<AuditEntryView>
          aria-label="审计日志"
          rowKey="seq"
          size="small"
          columns={columns}
          dataSource={items}
          loading={loading}
          pagination={false}
          scroll={{ x: 1400 }}
          locale={{ emptyText: '没有符合条件的记录' }}
        />
        {next && (
          <Button onClick={() => void load(filters, next)} loading={loading}>
            加载更多
          </Button>
        )}
      </Space>
    </>
  );
}

/** Whether the hash chain verifies, checked by the server over the whole log. */
function ChainStatus() {
  const { state, reload } = useLoad((signal) => fetchAuditVerification({ signal }), []);
  const recheck = (
    <Button size="small" onClick={reload} loading={state.kind === 'loading'}>
      重新校验
    </Button>
  );
  if (state.kind === 'loading') return <Alert type="info" showIcon message="正在校验审计日志链…" />;
  if (state.kind === 'error')
    return (
      <Alert
        type="error"
        showIcon
        message="无法校验审计日志链"
        description={errorMessage(state.error)}
        action={recheck}
      />
    );
  return <ChainVerdict chain={state.data} action={recheck} />;
}

function ChainVerdict({ chain, action }: { chain: AuditChainView; action: React.ReactNode }) {
  const at = dayjs(chain.checkedAt).format('YYYY-MM-DD HH:mm:ss');
  if (chain.ok)
    return (
      <Alert
        type="success"
        showIcon
        message="审计日志链校验通过"
        description={`共 ${chain.count} 条记录，哈希链完整、未被篡改（校验时间 ${at}）。`}
        action={action}
      />
    );
  const first = chain.firstProblem;
  return (
    <Alert
      type="error"
      showIcon
      message="审计日志链校验未通过"
      description={
        <>
          共 {chain.count} 条记录，发现 {chain.problemCount} 处问题（校验时间 {at}）。
          {first && (
            <>
              <br />
              首个问题：第 <Typography.Text strong>{first.seq}</Typography.Text> 条，
              {PROBLEM_LABELS[first.kind] ?? first.kind}——{first.message}
            </>
          )}
        </>
      }
      action={action}
    />
  );
}

interface FormValues {
  action?: string;
  subjectType?: string;
  subjectId?: string;
  actorUserId?: number | null;
  range?: [Dayjs | null, Dayjs | null] | null;
}

function FilterForm({ onSearch }: { onSearch: (f: Filters) => void }) {
  const [form] = Form.useForm<FormValues>();
  const submit = (v: FormValues) =>
    onSearch({
      action: v.action?.trim() || undefined,
      subjectType: v.subjectType?.trim() || undefined,
      subjectId: v.subjectId?.trim() || undefined,
      actorUserId: v.actorUserId ?? undefined,
      from: v.range?.[0]?.format('YYYY-MM-DD'),
      to: v.range?.[1]?.format('YYYY-MM-DD'),
    });
  return (
    <Form form={form} layout="inline" onFinish={submit} style={{ rowGap: 8 }}>
      <Form.Item name="action" label="操作">
        <Input placeholder="如 case.record_decision" allowClear style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="subjectType" label="对象类型">
        <Input placeholder="如 case" allowClear style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="subjectId" label="对象编号">
        <Input allowClear style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="actorUserId" label="操作人编号">
        <InputNumber min={1} style={{ width: 110 }} />
      </Form.Item>
      <Form.Item name="range" label="日期">
        <DatePicker.RangePicker placeholder={['开始日期', '结束日期']} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onSearch({});
            }}
          >
            重置
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
