import { shanghaiDistrictName } from '@zgd/shared-types';
import { Alert, Card, Skeleton, Space, Tabs, Typography } from 'antd';
import { errorMessage } from '../../api/api-error';
import { fetchEntityOverview } from '../../api/console-api';
import { useLoad } from '../../app/use-load';
import { UploadCard } from '../data-import/upload-card';
import { UploadOutcome } from '../data-import/upload-outcome';
import { useBatchUpload } from '../data-import/use-batch-upload';
import { EntityCasesCard } from './entity-cases-card';
import { EntityFindings } from './entity-findings';

/**
 * The charging entity's own page: upload its tenant charges, see what it may charge and what
 * the platform found, and its cases with what it may still do about them. Never who reported.
 */
export default function MyEntityPage() {
  const overview = useLoad((signal) => fetchEntityOverview({ signal }), []);
  // Entities follow their own upload as a delivery: its batch and every error come back.
  const upload = useBatchUpload(false);
  const view = overview.state.kind === 'ok' ? overview.state.data : undefined;

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        本单位核查结果
      </Typography.Title>
      {view && (
        <Typography.Paragraph type="secondary">
          {view.name}（{view.id}
          {view.districtCode
            ? `，${shanghaiDistrictName(view.districtCode) ?? view.districtCode}`
            : ''}
          ）。平台按电网企业账单和本单位上传的分户收费明细，逐月核查向租户收取的电费。
        </Typography.Paragraph>
      )}
      <Tabs
        items={[
          {
            key: 'results',
            label: '核查结果与允许价格',
            children:
              overview.state.kind === 'error' ? (
                <Alert
                  type="error"
                  showIcon
                  message="无法加载核查结果"
                  description={errorMessage(overview.state.error)}
                />
              ) : view ? (
                <EntityFindings view={view} />
              ) : (
                <Card>
                  <Skeleton active />
                </Card>
              ),
          },
          {
            key: 'upload',
            label: '上传收费数据',
            children: (
              <Space direction="vertical" size={16} style={{ width: '100%' }}>
                <UploadCard state={upload.state} entityOnly onStart={upload.start} />
                <UploadOutcome state={upload.state} />
              </Space>
            ),
          },
          { key: 'cases', label: '案件与整改', children: <EntityCasesCard /> },
        ]}
      />
    </>
  );
}
