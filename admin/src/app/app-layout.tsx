import type { Me } from '@zgd/shared-types';
import { Button, Layout, Menu, Space, Spin, Tag, Typography, theme } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { logout } from '../api/auth-api';
import { endSession } from '../api/session';
import { navItemFor, navItemsFor } from './nav-items';
import { roleDescription } from './roles';
import { useSession } from './use-session';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const { pathname } = useLocation();
  const { token } = theme.useToken();
  const session = useSession();
  const current = navItemFor(pathname);
  const menuItems = (session ? navItemsFor(session.user.role) : []).map((item) => ({
    key: item.path,
    label: <Link to={item.path}>{item.label}</Link>,
  }));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', gap: 24, paddingInline: 24 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          上海市市场监督管理局 · 转供电价格监管平台
        </Typography.Title>
        {session && <UserMenu user={session.user} />}
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
        {/* antd renders Content as the page's <main>. */}
        <Content style={{ padding: 24, background: token.colorBgLayout }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}

/** Who is signed in, and 退出. Logging out ends the session even if the server is unreachable. */
function UserMenu({ user }: { user: Me }) {
  const [leaving, setLeaving] = useState(false);
  const signOut = async () => {
    setLeaving(true);
    await logout().catch(() => undefined);
    endSession('logout');
  };
  return (
    <Space size={12} style={{ marginInlineStart: 'auto', whiteSpace: 'nowrap' }}>
      <Space size={6} aria-label="当前用户">
        <Typography.Text style={{ color: '#fff' }}>{user.displayName}</Typography.Text>
        {/* A name like "市局管理员" already says the role. */}
        {roleDescription(user) !== user.displayName && (
          <Tag color="blue" bordered={false}>
            {roleDescription(user)}
          </Tag>
        )}
      </Space>
      <Button size="small" ghost loading={leaving} onClick={signOut}>
        退出
      </Button>
    </Space>
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
