import { Alert, Breadcrumb, Result, Skeleton, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../../api/api-error';
import { fetchBatch } from '../../api/imports-api';
import { useLoad } from '../../app/use-load';
import { BatchResult } from './batch-result';

export default function BatchDetailPage() {
  const { batchId = '' } = useParams();
  const { state } = useLoad((signal) => fetchBatch(batchId, { signal }), [batchId]);

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/imports">数据导入</Link> }, { title: '批次详情' }]}
      />
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        导入批次详情
      </Typography.Title>
      {state.kind === 'loading' && <Skeleton active paragraph={{ rows: 6 }} />}
      {state.kind === 'ok' && <BatchResult batch={state.data} />}
      {state.kind === 'error' &&
        (state.error instanceof ApiError && state.error.status === 404 ? (
          <Result
            status="404"
            title="找不到该导入批次"
            subTitle="批次编号有误，或该批次不存在。"
            extra={<Link to="/imports">返回数据导入</Link>}
          />
        ) : (
          <Alert
            type="error"
            showIcon
            message="无法加载批次"
            description={errorMessage(state.error)}
          />
        ))}
    </>
  );
}
