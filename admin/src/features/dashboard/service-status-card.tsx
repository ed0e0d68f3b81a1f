import type { HealthResponse } from '@zgd/shared-types';
import { Alert, Badge, Button, Card, Descriptions, Skeleton, Typography } from 'antd';
import { ApiError, errorMessage } from '../../api/api-error';
import type { HealthState } from './use-health';

const databaseNames: Record<string, string> = { sqlite: 'SQLite', mysql: 'MySQL' };

interface ServiceStatusCardProps {
  state: HealthState;
  onRecheck: () => void;
}

export function ServiceStatusCard({ state, onRecheck }: ServiceStatusCardProps) {
  return (
    <Card
      title="系统运行状态"
      style={{ height: '100%' }}
      extra={
        <Button size="small" onClick={onRecheck} disabled={state.kind === 'loading'}>
          重新检测
        </Button>
      }
    >
      {state.kind === 'loading' && <Skeleton active paragraph={{ rows: 2 }} title={false} />}
      {state.kind === 'ok' && <HealthDetails health={state.health} checkedAt={state.checkedAt} />}
      {state.kind === 'error' && <HealthError error={state.error} />}
    </Card>
  );
}

function HealthDetails({ health, checkedAt }: { health: HealthResponse; checkedAt: Date }) {
  const serviceOk = health.status === 'ok';
  const { database } = health;
  return (
    <Descriptions bordered column={1} size="middle" styles={{ label: { width: 160 } }}>
      <Descriptions.Item label="服务状态">
        <Badge
          status={serviceOk ? 'success' : 'warning'}
          text={serviceOk ? '服务正常' : '服务降级运行'}
        />
      </Descriptions.Item>
      <Descriptions.Item label="数据库">
        <Badge
          status={database.ok ? 'success' : 'error'}
          text={`${databaseNames[database.type] ?? database.type} ${database.ok ? '正常' : '异常'}`}
        />
      </Descriptions.Item>
      {health.version && <Descriptions.Item label="服务版本">{health.version}</Descriptions.Item>}
      <Descriptions.Item label="检测时间">{checkedAt.toLocaleString('zh-CN')}</Descriptions.Item>
    </Descriptions>
  );
}

function HealthError({ error }: { error: unknown }) {
  return (
    <Alert
      type="error"
      showIcon
      message="无法获取服务状态"
      description={
        <>
          <div>{errorMessage(error)}</div>
          {error instanceof ApiError && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              错误代码：{error.code}
            </Typography.Text>
          )}
        </>
      }
    />
  );
}
