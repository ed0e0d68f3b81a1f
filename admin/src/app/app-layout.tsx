import { Layout, Menu, Spin, Typography, theme } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { navItemFor, navItems } from './nav-items';

const { Header, Sider, Content } = Layout;

const menuItems = navItems.map((item) => ({
  key: item.path,
  label: <Link to={item.path}>{item.label}</Link>,
}));

export function AppLayout() {
  const { pathname } = useLocation();
  const { token } = theme.useToken();
  const current = navItemFor(pathname);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', paddingInline: 24 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          上海市市场监督管理局 · 转供电价格监管平台
        </Typography.Title>
      </Header>
      <Layout>
        <Sider width={208} breakpoint="lg" collapsedWidth={0} theme="light">
          <nav aria-label="主导航">
            <Menu
              mode="inline"
              selectedKeys={current ? [current.path] : []}
              items={menuItems}
              style={{ height: '100%', borderInlineEnd: 0, paddingTop: 8 }}
            />
          </nav>
        </Sider>
        <Content style={{ padding: 24, background: token.colorBgLayout }}>
          <main>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </main>
        </Content>
      </Layout>
    </Layout>
  );
}

function PageLoading() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: 120 }}>
      <Spin size="large" tip="加载中…">
        <div style={{ width: 120, height: 60 }} />
      </Spin>
    </div>
  );
}
