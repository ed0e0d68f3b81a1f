import type { RefundProofView } from '@zgd/shared-types';
import { Alert, App, Button, Table, Tag, Typography } from 'antd';
import { errorMessage } from '../../api/api-error';
import { useLoad } from '../../app/use-load';
import { shanghaiTime } from './case-format';
import { fetchRefundProofFile, fetchRefundProofs } from './cases-api';

const KIND_LABELS: Record<string, string> = {
  jpeg: 'JPEG 图片',
  png: 'PNG 图片',
  webp: 'WebP 图片',
  pdf: 'PDF',
};

/** A file size as people read it: bytes, KB or MB (1024-based), one decimal above 1 KB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const nameOf = (p: RefundProofView) => p.fileName ?? `退款凭证 ${p.id}.${p.kind}`;

/**
 * The proofs of refunds the charging entity handed in for this case (bank slips, signed
 * receipts): name, kind, size, when, and a button that opens the stored file in a new tab.
 */
export function CaseRefundProofs({ caseId }: { caseId: string }) {
  const { message } = App.useApp();
  const proofs = useLoad((signal) => fetchRefundProofs(caseId, { signal }), [caseId]);

  const open = async (proof: RefundProofView) => {
    // Opened before the answer arrives: a window opened later would be blocked as a pop-up.
    const win = window.open('', '_blank');
    try {
      const url = URL.createObjectURL(await fetchRefundProofFile(caseId, proof.id));
      if (win) win.location.href = url;
      else window.location.href = url;
    } catch (e) {
      win?.close();
      message.error(errorMessage(e));
    }
  };

  if (proofs.state.kind === 'error')
    return (
      <Alert
        type="warning"
        showIcon
        message="无法加载退款凭证"
        description={errorMessage(proofs.state.error)}
      />
    );
  const list = proofs.state.kind === 'ok' ? proofs.state.data : undefined;
  if (list && list.length === 0)
    return <Typography.Text type="secondary">收费主体尚未提交退款凭证。</Typography.Text>;
  return (
    <Table
      aria-label="退款凭证"
      size="small"
      rowKey="id"
      pagination={false}
      loading={!list}
      dataSource={list ?? []}
      columns={[
        {
          title: '文件名',
          key: 'name',
          render: (_: unknown, p: RefundProofView) => (
            <Typography.Text ellipsis style={{ maxWidth: 320 }}>
              {nameOf(p)}
            </Typography.Text>
          ),
        },
        {
          title: '类型',
          dataIndex: 'kind',
          render: (k: string) => <Tag>{KIND_LABELS[k] ?? k}</Tag>,
        },
        { title: '大小', dataIndex: 'bytes', align: 'right', render: fileSize },
        { title: '提交时间', dataIndex: 'at', render: (at: string) => shanghaiTime(at) },
        {
          title: 'SHA-256',
          dataIndex: 'sha256',
          render: (h: string) => (
            <Typography.Text code copyable={{ text: h }} title={h}>
              {h.slice(0, 12)}…
            </Typography.Text>
          ),
        },
        {
          title: '操作',
          key: 'open',
          render: (_: unknown, p: RefundProofView) => (
            <Button
              type="link"
              size="small"
              aria-label={`查看 ${nameOf(p)}`}
              onClick={() => void open(p)}
            >
              查看
            </Button>
          ),
        },
      ]}
    />
  );
}
