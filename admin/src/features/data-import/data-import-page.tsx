import { Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { isStaff } from '../../app/roles';
import { useSession } from '../../app/use-session';
import { ImportHistory } from './import-history';
import { UploadCard } from './upload-card';
import { UploadOutcome } from './upload-outcome';
import { useBatchUpload } from './use-batch-upload';

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
