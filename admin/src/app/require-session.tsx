import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { logout } from '../api/auth-api';
import { endSession, sessionEndReason } from '../api/session';
import { CONSOLE_ROLES } from './roles';
import { useSession } from './use-session';

/** Routes below need a session; without one the user is sent to the login page and back. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    // After 退出 the next person starts afresh; otherwise they come back to this page.
    const from = sessionEndReason() === 'logout' ? undefined : location;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  if (!CONSOLE_ROLES.includes(session.user.role)) return <TenantsUseTheMiniProgram />;
  return children;
}

export const TENANT_NOTICE =
  '本平台供市场监管部门和转供电收费主体使用。企业租户请通过微信小程序“转供电费用核查”查看核查结果、一键举报。';

/** Shown to a tenant account: the console is for regulators and charging entities. */
function TenantsUseTheMiniProgram() {
  // Ending the session re-renders the guard, which then sends the user to the login page.
  const signOut = async () => {
    await logout().catch(() => undefined);
    endSession('logout');
  };
  return (
    <Result
      status="403"
      title="终端用户无法使用监管平台"
      subTitle={TENANT_NOTICE}
      extra={
        <Button type="primary" onClick={signOut}>
          返回登录
        </Button>
      }
    />
  );
}
