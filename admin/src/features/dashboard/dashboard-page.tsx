import { Card, Col, Empty, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { DashboardStats } from './dashboard-stats';
import { ModuleCards } from './module-cards';
import { ServiceStatusCard } from './service-status-card';
import { useHealth } from './use-health';

export default function DashboardPage() {
  const { state, recheck } = useHealth();
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        工作台
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <DashboardStats />
        </Col>
        <Col xs={24} xl={16}>
          <ServiceStatusCard state={state} onRecheck={recheck} />
        </Col>
        <Col xs={24} xl={8}>
          <Card title="待办提醒" style={{ height: '100%' }}>
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                <>
                  逾期案件数见上方统计；临近立案、办结期限的案件请在
                  <Link to="/cases">线索与案件</Link>中按期限排序查看。
                </>
              }
            />
          </Card>
        </Col>
        <Col span={24}>
          <Typography.Title level={5}>业务模块</Typography.Title>
          <ModuleCards />
        </Col>
      </Row>
    </>
  );
}
