import type { LoginRequest } from '@zgd/shared-types';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate, type Location } from 'react-router-dom';
import { errorMessage } from '../../api/api-error';
import { login, logout } from '../../api/auth-api';
import { sessionEndReason, startSession } from '../../api/session';
import { TENANT_NOTICE } from '../../app/require-session';
import { CONSOLE_ROLES } from '../../app/roles';
import { useSession } from '../../app/use-session';

type Notice = { type: 'error' | 'warning'; message: string; description?: string };

export default function LoginPage() {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [submitting, setSubmitting] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const from = (location.state as { from?: Location } | null)?.from;
  const expired = sessionEndReason() === 'expired';

  if (session) return <Navigate to={from ?? '/'} replace />;

  const submit = async (values: LoginRequest) => {
    setSubmitting(true);
    setNotice(null);
    try {
      const answer = await login({ username: values.username.trim(), password: values.password });
      if (!CONSOLE_ROLES.includes(answer.user.role)) {
        // Not kept: end the session the server just opened rather than leave it lying about.
        await logout({ token: answer.token }).catch(() => undefined);
        setNotice({
          type: 'warning',
          message: '终端用户无法使用监管平台',
          description: TENANT_NOTICE,
        });
        return;
      }
      startSession(answer);
      navigate(from ?? '/', { replace: true });
    } catch (error) {
      setNotice({ type: 'error', message: errorMessage(error) });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div style={pageStyle}>
      <Card style={{ width: 400, boxShadow: '0 8px 24px rgba(15, 45, 95, 0.18)' }}>
        <header style={{ textAlign: 'center', marginBottom: 24 }}>
          <Typography.Text type="secondary">上海市市场监督管理局</Typography.Text>
          <Typography.Title level={3} style={{ margin: '4px 0 0' }}>
            转供电价格监管平台
          </Typography.Title>
        </header>
        {expired && !notice && (
          <Alert
            type="info"
            showIcon
            message="登录已失效，请重新登录"
            style={{ marginBottom: 16 }}
          />
        )}
        {notice && (
          <Alert
            role="alert"
            type={notice.type}
            showIcon
            message={notice.message}
            description={notice.description}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form<LoginRequest> layout="vertical" requiredMark={false} onFinish={submit}>
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
          >
            <Input autoComplete="username" autoFocus maxLength={64} />
          </Form.Item>
          <Form.Item
            label="密码"
            name="password"
            rules={[{ required: true, message: '请输入密码' }]}
          >
            <Input.Password autoComplete="current-password" maxLength={200} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            登录
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '16px 0 0' }}>
          本平台供市场监管部门工作人员和转供电收费主体使用。账号由市市场监管局统一开通，连续输错密码将被暂时锁定。
        </Typography.Paragraph>
      </Card>
    </div>
  );
}

const pageStyle = {
  minHeight: '100vh',
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  background: 'linear-gradient(180deg, #0f2d5f 0%, #1f5fbf 45%, #eef2f8 45%, #eef2f8 100%)',
} as const;
