import { CREDIT_CLASS_LABELS, type CreditClass } from '@zgd/shared-types';
import { Alert, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/api-error';
import { useLoad } from '../../app/use-load';
import { shanghaiDay, yuan } from './case-format';
import { fetchCreditHistory, fetchEntityProfile } from './cases-api';

const CREDIT_COLORS: Record<CreditClass, string> = {
  A: 'green',
  B: 'blue',
  C: 'orange',
  D: 'red',
};

/** How many recent supply months of findings the case page shows. */
const RECENT_MONTHS = 6;

/**
 * The reported entity around this case: its internal credit class, its tenants, its other
 * cases and recent findings. Only for an entity in the directory (the endpoints know no other).
 */
export function CaseEntity({ entityId, caseId }: { entityId: string; caseId: string }) {
  const profile = useLoad((signal) => fetchEntityProfile(entityId, { signal }), [entityId]);
  const credit = useLoad((signal) => fetchCreditHistory(entityId, { signal }), [entityId]);

  if (profile.state.kind === 'error')
    return (
      <Alert
        type="warning"
        showIcon
        message="无法加载收费主体情况"
        description={errorMessage(profile.state.error)}
      />
    );
  const p = profile.state.kind === 'ok' ? profile.state.data : null;
  const latest = credit.state.kind === 'ok' ? (credit.state.data[0] ?? null) : null;
  const others = p?.cases.filter((c) => c.id !== caseId) ?? [];
  const recent = p
    ? [...p.findingsByMonth].sort((a, b) => (a.period < b.period ? 1 : -1)).slice(0, RECENT_MONTHS)
    : [];

  return (
    <Card
      title="收费主体情况"
      size="small"
      loading={!p}
      extra={<Link to={`/charging-entities/${entityId}`}>查看主体档案</Link>}
    >
      {p && (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label="信用风险分类">
              {latest ? (
                <Space size={4}>
                  <Tag color={CREDIT_COLORS[latest.creditClass]}>
                    {CREDIT_CLASS_LABELS[latest.creditClass]}
                  </Tag>
                  <Typography.Text type="secondary">
                    评分 {latest.score} · {shanghaiDay(latest.computedAt)}
                  </Typography.Text>
                </Space>
              ) : credit.state.kind === 'error' ? (
                <Typography.Text type="secondary">无法加载</Typography.Text>
              ) : (
                <Typography.Text type="secondary">暂无评定</Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="租户数">{p.tenantCount}</Descriptions.Item>
            <Descriptions.Item label="其他案件">
              {others.length ? (
                <Space wrap size={4}>
                  {others.map((c) => (
                    <Link key={c.id} to={`/cases/${c.id}`}>
                      {c.number}（{c.stateLabel}）
                    </Link>
                  ))}
                </Space>
              ) : (
                '无'
              )}
            </Descriptions.Item>
          </Descriptions>
          {recent.length > 0 && (
            <Table
              aria-label="近期核查结果"
              size="small"
              rowKey="period"
              pagination={false}
              dataSource={recent}
              columns={[
                { title: '月份', dataIndex: 'period' },
                { title: '发现问题', dataIndex: 'findings', align: 'right' },
                {
                  title: '多收金额',
                  dataIndex: 'overcharge',
                  align: 'right',
                  render: (v: string) => yuan(v),
                },
              ]}
            />
          )}
        </Space>
      )}
    </Card>
  );
}
