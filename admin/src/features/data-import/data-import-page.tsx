import type { ImportStatus } from '@zgd/shared-types';
import { Alert, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/api-error';
import { isStaff } from '../../app/roles';
import { useSession } from '../../app/use-session';
import { BatchErrorsTable } from './batch-errors-table';
import { BatchResult, StatusTag } from './batch-result';
import { ImportHistory } from './import-history';
import { UploadCard } from './upload-card';
import { useBatchUpload, type UploadState } from './use-batch-upload';

export default function DataImportPage() {
  const session = useSession();
  // The API shows batches (and their history) to regulator staff only.
  const staff = session ? isStaff(session.user.role) : false;
  const { state, start } = useBatchUpload(staff);
  const [historyKey, setHistoryKey] = useState(0);

  // A finished upload is a new batch in the history (or, for a known one, a reminder of it).
  useEffect(() => {
    if (state.kind === 'finished') setHistoryKey((n) => n + 1);
  }, [state]);

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        数据导入
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {staff
          ? '导入电网企业月度电费账单、收费主体名录、政府定价与收费主体向租户的收费数据。导入后，系统自动对涉及的户号重新核查。'
          : '上传本单位向租户的分户收费明细和自用电量。上传后，平台将据此核查收费是否合规。'}
      </Typography.Paragraph>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <UploadCard state={state} entityOnly={!staff} onStart={start} />
        <UploadOutcome state={state} />
        {staff && <ImportHistory refreshKey={historyKey} />}
      </Space>
    </>
  );
}

function UploadOutcome({ state }: { state: UploadState }) {
  switch (state.kind) {
    case 'finished':
      return (
        <section aria-label="本次导入结果">
          <BatchResult batch={state.batch} known={state.known} />
        </section>
      );
    case 'finished-brief':
      return <BriefOutcome status={state.status} batchId={state.batchId} />;
    case 'refused':
      return <Refused error={state.error} />;
    case 'failed':
      return <Alert type="error" showIcon message="导入失败" description={state.message} />;
    default:
      return null;
  }
}

/** An entity user sees the outcome; the API does not give it the batch's details. */
function BriefOutcome({ status, batchId }: { status: ImportStatus; batchId: string }) {
  return (
    <Alert
      type={status === 'imported' ? 'success' : 'error'}
      showIcon
      message={
        <>
          本次上传 <StatusTag status={status} />
        </>
      }
      description={`批次编号 ${batchId}。${
        status === 'imported'
          ? '数据已全部导入。'
          : '数据未导入。请检查文件内容（只能包含本单位的数据）后重新上传；如需错误明细，请联系所在区市场监管局。'
      }`}
    />
  );
}

/** Files that cannot be a batch at all (unknown name, wrong type) or a failed call. */
function Refused({ error }: { error: ApiError }) {
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Alert
        type="error"
        showIcon
        message={error.message}
        description={
          error.details?.length ? '以下文件无法导入，请更正后重新上传整批文件。' : undefined
        }
      />
      {error.details && error.details.length > 0 && <BatchErrorsTable errors={error.details} />}
    </Space>
  );
}
