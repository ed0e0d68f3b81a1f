import { Button, Result } from 'antd';
import { useRouteError } from 'react-router-dom';

/**
 * Shown when rendering a page throws, most often because a lazily loaded chunk is gone after
 * a redeploy; reloading fetches the new index.html and its chunks.
 */
export function RouteErrorPage() {
  const error = useRouteError();
  if (import.meta.env.DEV) console.error(error);
  return (
    <Result
      status="error"
      title="页面加载失败"
      subTitle="平台可能刚刚完成更新，请刷新页面后重试。如问题持续，请联系系统管理员。"
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>
      }
    />
  );
}
