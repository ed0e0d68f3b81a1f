import type { ImportBatchView } from '@zgd/shared-types';
import { Alert, Card, Descriptions, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { BatchErrorsTable } from './batch-errors-table';
import { BatchSummary } from './batch-summary';
import { SOURCE_LABELS, STATUS_TAGS, formatBytes } from './import-labels';

interface BatchResultProps {
  batch: ImportBatchView;
  /** The upload repeated content delivered before; `batch` is that first delivery. */
  known?: boolean;
}

/** A batch's outcome: what it stored, or every error that kept it out. */
export function BatchResult({ batch, known = false }: BatchResultProps) {
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <OutcomeAlert batch={batch} known={known} />
      <Card size="small" title="批次信息">
        <BatchFacts batch={batch} />
      </Card>
      {batch.summary && (
        <Card size="small" title="导入结果">
          <BatchSummary summary={batch.summary} />
        </Card>
      )}
      {batch.errors.length > 0 && (
        <Card size="small" title={`错误明细（共 ${batch.errors.length} 处）`}>
          <BatchErrorsTable errors={batch.errors} />
        </Card>
      )}
    </Space>
  );
}

export function StatusTag({ status }: { status: ImportBatchView['status'] }) {
  const tag = STATUS_TAGS[status];
  return <Tag color={tag.color}>{tag.label}</Tag>;
}

export const formatTime = (iso: string | null) =>
  iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—';

function OutcomeAlert({ batch, known }: { batch: ImportBatchView; known: boolean }) {
  if (known) {
    return (
      <Alert
        type="info"
        showIcon
        message="该批次此前已导入"
        description={`上传的文件与 ${formatTime(batch.createdAt)} 提交的批次内容相同，本次未重复导入。以下是该批次当时的结果。`}
      />
    );
  }
  switch (batch.status) {
    case 'imported':
      return (
        <Alert
          type="success"
          showIcon
          message="导入成功"
          description="全部数据已写入；涉及的户号将自动重新核查。"
        />
      );
    case 'rejected':
      return (
        <Alert
          type="error"
          showIcon
          message="未通过校验，本批次未导入任何数据"
          description={`共发现 ${batch.errors.length} 处错误。请按下表逐项修改后，重新上传整批文件。`}
        />
      );
    case 'failed':
      return <Alert type="error" showIcon message="导入失败，请稍后重新上传" />;
    default:
      return <Alert type="info" showIcon message="该批次正在导入，请稍后刷新查看结果" />;
  }
}

function BatchFacts({ batch }: { batch: ImportBatchView }) {
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
      <Descriptions.Item label="状态">
        <StatusTag status={batch.status} />
      </Descriptions.Item>
      <Descriptions.Item label="来源">
        {SOURCE_LABELS[batch.source]}
        {batch.providerId ? `（${batch.providerId}）` : ''}
      </Descriptions.Item>
      <Descriptions.Item label="批次编号">
        <Typography.Text copyable style={{ fontFamily: 'monospace', fontSize: 12 }}>
          {batch.id}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label="提交时间">{formatTime(batch.createdAt)}</Descriptions.Item>
      <Descriptions.Item label="完成时间">{formatTime(batch.finishedAt)}</Descriptions.Item>
      <Descriptions.Item label="文件">
        <span>
          {batch.files.map((file, i) => (
            <span key={file.name}>
              {i > 0 && '；'}
              {file.origin === file.name ? file.name : `${file.origin} → ${file.name}`}
              <Typography.Text type="secondary"> {formatBytes(file.bytes)}</Typography.Text>
            </span>
          ))}
        </span>
      </Descriptions.Item>
    </Descriptions>
  );
}
