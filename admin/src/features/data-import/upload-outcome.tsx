import { Alert, Space } from 'antd';
import type { ApiError } from '../../api/api-error';
import { BatchErrorsTable } from './batch-errors-table';
import { BatchResult } from './batch-result';
import type { UploadState } from './use-batch-upload';

/**
 * What became of an upload: the batch it produced (what it stored, or every error by file,
 * line, column and reason), files refused outright, or a failure. Used by 数据导入 and by the
 * charging entity's own page.
 */
export function UploadOutcome({ state }: { state: UploadState }) {
  switch (state.kind) {
    case 'finished':
      return (
        <section aria-label="本次导入结果">
          <BatchResult batch={state.batch} known={state.known} />
        </section>
      );
    case 'refused':
      return <Refused error={state.error} />;
    case 'failed':
      return <Alert type="error" showIcon message="导入失败" description={state.message} />;
    default:
      return null;
  }
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
