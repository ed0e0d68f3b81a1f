import { Alert, App, Button, Card, Progress, Space, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { ACCEPT, ACCEPTED_FILES, ENTITY_FILES } from './import-labels';
import type { UploadState } from './use-batch-upload';

interface UploadCardProps {
  state: UploadState;
  /** Charging entities may upload their own tenant charges and own use only. */
  entityOnly: boolean;
  onStart: (files: File[]) => void;
}

/** Files picked or dropped are collected first, then sent together as one batch. */
export function UploadCard({ state, entityOnly, onStart }: UploadCardProps) {
  const { message } = App.useApp();
  const [files, setFiles] = useState<File[]>([]);
  const busy = state.kind === 'uploading' || state.kind === 'processing';

  const add = (file: File) => {
    if (!/\.(csv|xlsx)$/i.test(file.name)) {
      message.error(`“${file.name}”不是 .csv 或 .xlsx 文件，未加入`);
      return Upload.LIST_IGNORE;
    }
    // A batch holds each file once: a second file of the same name replaces the first.
    setFiles((current) => [...current.filter((f) => f.name !== file.name), file]);
    return false;
  };

  const fileList: UploadFile[] = files.map((file) => ({
    uid: file.name,
    name: file.name,
    size: file.size,
    status: 'done',
  }));

  return (
    <Card title="上传批次文件">
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <FilesHelp entityOnly={entityOnly} />
        <Upload.Dragger
          multiple
          accept={ACCEPT}
          disabled={busy}
          fileList={fileList}
          beforeUpload={add}
          onRemove={(removed) =>
            setFiles((current) => current.filter((f) => f.name !== removed.name))
          }
        >
          <p style={{ fontSize: 16, margin: '8px 0' }}>点击或将文件拖到此处</p>
          <Typography.Text type="secondary">
            可一次选择多个 .csv 或 .xlsx 文件，它们将作为同一批次导入
          </Typography.Text>
        </Upload.Dragger>
        <Space>
          <Button
            type="primary"
            disabled={files.length === 0 || busy}
            loading={busy}
            onClick={() => onStart(files)}
          >
            开始导入{files.length > 0 ? `（${files.length} 个文件）` : ''}
          </Button>
          <Button disabled={files.length === 0 || busy} onClick={() => setFiles([])}>
            清空
          </Button>
        </Space>
        <UploadProgress state={state} />
      </Space>
    </Card>
  );
}

function FilesHelp({ entityOnly }: { entityOnly: boolean }) {
  const accepted = entityOnly
    ? ACCEPTED_FILES.filter((f) => ENTITY_FILES.includes(f.name))
    : ACCEPTED_FILES;
  return (
    <Alert
      type="info"
      message="可上传的文件"
      description={
        <>
          <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
            {accepted.map((file) => (
              <li key={file.name}>
                <Typography.Text code>{file.name}</Typography.Text> {file.content}
              </li>
            ))}
          </ul>
          <div>
            文件名须与上表一致（可只上传其中几个）。Excel 工作簿的工作表按文件名命名（如
            <Typography.Text code>grid_bills</Typography.Text>
            ），或上传只含一个工作表、以文件名命名的工作簿。整批校验：任何一处有误，整批都不导入，并列出全部错误；相同内容重复上传不会重复导入。
            {entityOnly && '收费主体只能上传本单位的数据。'}
          </div>
        </>
      }
    />
  );
}

function UploadProgress({ state }: { state: UploadState }) {
  if (state.kind === 'uploading') {
    return (
      <div>
        <Typography.Text>正在上传文件…</Typography.Text>
        <Progress percent={0} status="active" aria-label="导入进度" />
      </div>
    );
  }
  if (state.kind !== 'processing') return null;
  const { status, progress } = state.job;
  const percent =
    progress && progress.total > 0 ? Math.floor((progress.done * 100) / progress.total) : 0;
  return (
    <div>
      <Typography.Text>
        {status === 'queued' ? '已提交，排队等待导入…' : '正在校验并导入…'}
        {progress && (
          <Typography.Text type="secondary">
            {' '}
            第 {progress.done} / {progress.total} 步
          </Typography.Text>
        )}
      </Typography.Text>
      <Progress percent={percent} status="active" aria-label="导入进度" />
    </div>
  );
}
