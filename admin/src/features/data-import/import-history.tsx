import type { ImportBatchView } from '@zgd/shared-types';
import { Alert, Button, Card, Table, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { errorMessage } from '../../api/api-error';
import { fetchBatches } from '../../api/imports-api';
import { loadedData, useLoad } from '../../app/use-load';
import { StatusTag, formatTime } from './batch-result';
import { SOURCE_LABELS } from './import-labels';

/** How many batches the history shows (the API allows up to 500). */
const HISTORY_LIMIT = 100;

const columns: TableColumnsType<ImportBatchView> = [
  { title: '提交时间', dataIndex: 'createdAt', width: 180, render: formatTime },
  {
    title: '来源',
    dataIndex: 'source',
    width: 120,
    render: (source: ImportBatchView['source']) => SOURCE_LABELS[source],
  },
  {
    title: '状态',
    dataIndex: 'status',
    width: 110,
    render: (status: ImportBatchView['status']) => <StatusTag status={status} />,
  },
  {
    title: '文件',
    dataIndex: 'files',
    render: (files: ImportBatchView['files']) => files.map((f) => f.origin).join('、'),
  },
  { title: '数量', key: 'counts', width: 260, render: (_, batch) => <BatchCounts batch={batch} /> },
  {
    title: '操作',
    key: 'open',
    width: 80,
    render: (_, batch) => (
      <Link to={`/imports/${batch.id}`} onClick={(e) => e.stopPropagation()}>
        查看
      </Link>
    ),
  },
];

/** Recent batches from every source, newest first; a row opens the batch. */
export function ImportHistory({ refreshKey }: { refreshKey: number }) {
  const navigate = useNavigate();
  const { state, reload } = useLoad(
    (signal) => fetchBatches(HISTORY_LIMIT, { signal }),
    [refreshKey],
  );

  return (
    <Card
      title="导入记录"
      extra={
        <Button size="small" onClick={reload} disabled={state.kind === 'loading'}>
          刷新
        </Button>
      }
    >
      {state.kind === 'error' ? (
        <Alert
          type="error"
          showIcon
          message="无法加载导入记录"
          description={errorMessage(state.error)}
        />
      ) : (
        <Table<ImportBatchView>
          aria-label="导入记录"
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={loadedData(state) ?? []}
          loading={state.kind === 'loading'}
          pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
          onRow={(batch) => ({
            onClick: () => navigate(`/imports/${batch.id}`),
            style: { cursor: 'pointer' },
          })}
          scroll={{ x: 900 }}
        />
      )}
    </Card>
  );
}

function BatchCounts({ batch }: { batch: ImportBatchView }) {
  const { summary } = batch;
  if (batch.status === 'rejected') {
    return <Typography.Text type="danger">{batch.errors.length} 处错误</Typography.Text>;
  }
  if (!summary) return <Typography.Text type="secondary">—</Typography.Text>;
  const parts = [
    summary.entities && `主体 ${summary.entities}`,
    summary.tariffs.added && `电价 ${summary.tariffs.added}`,
    summary.gridLines && `账单明细 ${summary.gridLines} 行`,
    summary.tenantLines && `收费明细 ${summary.tenantLines} 行`,
  ].filter(Boolean);
  return <span>{parts.length ? parts.join(' · ') : '无新增数据'}</span>;
}
