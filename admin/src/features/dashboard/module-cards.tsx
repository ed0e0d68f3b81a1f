import { Card, Col, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { navItemsFor } from '../../app/nav-items';
import { useSession } from '../../app/use-session';

/** Every area the user may open except the start page itself, each linking to its page. */
export function ModuleCards() {
  const session = useSession();
  const areas = session ? navItemsFor(session.user.role).filter((item) => item.path !== '/') : [];
  return (
    <Row gutter={[16, 16]}>
      {areas.map((area) => (
        <Col key={area.path} xs={24} md={12} xl={8}>
          <Link to={area.path} aria-label={area.ready ? area.label : `${area.label}（即将上线）`}>
            <Card
              hoverable
              size="small"
              title={area.label}
              extra={area.ready ? <Tag color="success">已上线</Tag> : <Tag>即将上线</Tag>}
              style={{ height: '100%' }}
            >
              <Typography.Text type="secondary">{area.summary}</Typography.Text>
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}
