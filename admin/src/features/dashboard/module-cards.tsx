import { Card, Col, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { navItems } from '../../app/nav-items';

/** Every area except the start page itself, each linking to its (placeholder) page. */
const areas = navItems.filter((item) => item.path !== '/');

export function ModuleCards() {
  return (
    <Row gutter={[16, 16]}>
      {areas.map((area) => (
        <Col key={area.path} xs={24} md={12} xl={8}>
          <Link to={area.path} aria-label={`${area.label}（即将上线）`}>
            <Card
              hoverable
              size="small"
              title={area.label}
              extra={<Tag>即将上线</Tag>}
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
