import { Button, Result } from 'antd';
import type { Role } from '@zgd/shared-types';
import type { ReactNode } from 'react';
import { Navigate, useNavigate } from 'react-router-dom';
import { navItem, navItemsFor } from './nav-items';
import { useSession } from './use-session';

interface RequireAreaProps {
  path: string;
  /** Narrower than the area's own roles, for a page inside it. */
  roles?: readonly Role[];
  children: ReactNode;
}

/** Renders an area only for the roles its menu entry lists; others see why not. */
export function RequireArea({ path, roles, children }: RequireAreaProps) {
  const session = useSession();
  const navigate = useNavigate();
  const area = navItem(path);
  if (session && (roles ?? area.roles).includes(session.user.role)) return children;
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle={`当前账号无权使用“${area.label}”。如需开通，请联系市市场监管局系统管理员。`}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}

/** The start page for staff; other roles start at their first area (entities: 数据导入). */
export function HomeRoute({ children }: { children: ReactNode }) {
  const session = useSession();
  const home = navItem('/');
  if (!session || home.roles.includes(session.user.role)) return children;
  const first = navItemsFor(session.user.role)[0];
  return first ? <Navigate to={first.path} replace /> : null;
}
