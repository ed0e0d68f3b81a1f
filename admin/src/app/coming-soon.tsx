import { Card, Empty, Typography } from 'antd';
import { navItem } from './nav-items';

/** Placeholder for an area that later issues build out, titled after its menu entry. */
export function ComingSoon({ path }: { path: string }) {
  const { label, summary } = navItem(path);
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {label}
      </Typography.Title>
      <Card>
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            <>
              <Typography.Text strong>该功能即将上线</Typography.Text>
              <br />
              <Typography.Text type="secondary">{summary}</Typography.Text>
            </>
          }
          style={{ paddingBlock: 48 }}
        />
      </Card>
    </>
  );
}
