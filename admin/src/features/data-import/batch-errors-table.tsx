import type { ErrorDetail } from '@zgd/shared-types';
import { Table, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';

type Row = ErrorDetail & { key: number };

/**
 * Every error of a batch (or of a refused upload) with where it is: file, line, column, the
 * value found and the reason. Sorted by file and line; filterable by file.
 */
export function BatchErrorsTable({ errors }: { errors: readonly ErrorDetail[] }) {
  const rows = useMemo<Row[]>(() => errors.map((error, key) => ({ ...error, key })), [errors]);
  const files = useMemo(
    () => [...new Set(errors.map((e) => e.file ?? ''))].sort((a, b) => a.localeCompare(b)),
    [errors],
  );

  const columns: TableColumnsType<Row> = [
    {
      title: '文件',
      dataIndex: 'file',
      width: 220,
      render: (file?: string) => file ?? '—',
      filters: files.map((file) => ({ text: file || '（未指明文件）', value: file })),
      onFilter: (value, row) => (row.file ?? '') === value,
      sorter: (a, b) => byFileThenLine(a, b),
      defaultSortOrder: 'ascend',
    },
    {
      title: '行',
      dataIndex: 'line',
      width: 80,
      align: 'right',
      render: (line?: number) => line ?? '—',
      sorter: (a, b) => (a.line ?? 0) - (b.line ?? 0),
    },
    {
      title: '列',
      dataIndex: 'column',
      width: 150,
      render: (column?: string) =>
        column ? <Typography.Text code>{column}</Typography.Text> : '—',
    },
    {
      title: '值',
      dataIndex: 'value',
      width: 200,
      render: (value?: string) =>
        value === undefined ? (
          '—'
        ) : value === '' ? (
          <Typography.Text type="secondary">（空）</Typography.Text>
        ) : (
          <Typography.Text style={{ wordBreak: 'break-all' }}>{value}</Typography.Text>
        ),
    },
    {
      title: '原因',
      dataIndex: 'message',
      render: (message: string, row) => <span title={row.code}>{message}</span>,
    },
  ];

  return (
    <Table<Row>
      aria-label="错误明细"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={{
        defaultPageSize: 20,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 500],
        hideOnSinglePage: true,
        showTotal: (total) => `共 ${total} 处错误`,
      }}
      scroll={{ x: 900 }}
    />
  );
}

function byFileThenLine(a: ErrorDetail, b: ErrorDetail): number {
  return (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0);
}
