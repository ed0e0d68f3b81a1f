import { Alert, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { errorMessage } from '../../api/api-error';
import { loadedData, type LoadState } from '../../app/use-load';

/** What a tab shows while its list loads, when it fails, and once it is there. */
export function LoadView<T>(props: {
  state: LoadState<T>;
  what: string;
  children: (data: T) => ReactNode;
}) {
  const data = loadedData(props.state);
  if (props.state.kind === 'error')
    return (
      <Alert
        type="error"
        showIcon
        message={`无法加载${props.what}`}
        description={errorMessage(props.state.error)}
      />
    );
  if (data === undefined) return <Skeleton active paragraph={{ rows: 4 }} />;
  return <>{props.children(data)}</>;
}
