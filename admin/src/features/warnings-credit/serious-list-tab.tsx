import {
  BLACKLIST_STATUS_LABELS,
  type BlacklistEntryView,
  type BlacklistRemovalReason,
} from '@zgd/shared-types';
import { App, Button, Card, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { useLoad } from '../../app/use-load';
import { LoadView } from './load-view';
import {
  approveListing,
  fetchSeriousList,
  proposeListing,
  rejectListing,
  removeListing,
} from './supervision-api';

const STATUS_COLORS: Record<BlacklistEntryView['status'], string> = {
  proposed: 'gold',
  listed: 'red',
  rejected: 'default',
  removed: 'default',
};
const REMOVAL_LABELS: Record<BlacklistRemovalReason, string> = {
  period_ended: '期满移出',
  credit_repair: '信用修复移出',
};

/** 列严 list: proposals after a heavy penalty, approval by a lead or the city, removal, history. */
export function SeriousListTab(props: { district?: string; mayApprove: boolean }) {
  const { message } = App.useApp();
  const { state, reload } = useLoad(
    (signal) => fetchSeriousList(props.district, { signal }),
    [props.district],
  );
  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      message.success(done);
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <ProposeForm onProposed={reload} />
      <LoadView state={state} what="列严名单">
        {(rows) => (
          <Table<BlacklistEntryView>
            aria-label="列严名单"
            rowKey="id"
            size="small"
            dataSource={rows}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: '暂无列入记录' }}
            columns={[
              { title: '收费主体', key: 'entity', render: (_, e) => e.entityName ?? e.entityId },
              { title: '案件', key: 'case', render: (_, e) => e.caseNumber ?? e.caseId },
              {
                title: '状态',
                key: 'status',
                width: 120,
                render: (_, e) => (
                  <Tag color={STATUS_COLORS[e.status]}>
                    {e.removalReason
                      ? REMOVAL_LABELS[e.removalReason]
                      : BLACKLIST_STATUS_LABELS[e.status]}
                  </Tag>
                ),
              },
              { title: '理由', dataIndex: 'reason' },
              { title: '列入期限至', key: 'ends', width: 110, render: (_, e) => e.endsOn ?? '—' },
              {
                title: '可申请信用修复',
                key: 'repair',
                width: 130,
                render: (_, e) => e.repairFrom ?? '—',
              },
              {
                title: '操作',
                key: 'actions',
                width: 220,
                render: (_, e) =>
                  !props.mayApprove ? null : e.status === 'proposed' ? (
                    <Space>
                      <Button
                        size="small"
                        type="primary"
                        onClick={() => act(() => approveListing(e.id), '已批准列入')}
                      >
                        批准列入
                      </Button>
                      <Button size="small" onClick={() => act(() => rejectListing(e.id), '已驳回')}>
                        驳回
                      </Button>
                    </Space>
                  ) : e.status === 'listed' ? (
                    <Space>
                      <Button
                        size="small"
                        onClick={() => act(() => removeListing(e.id, 'period_ended'), '已移出名单')}
                      >
                        期满移出
                      </Button>
                      <Button
                        size="small"
                        onClick={() =>
                          act(() => removeListing(e.id, 'credit_repair'), '已移出名单')
                        }
                      >
                        信用修复移出
                      </Button>
                    </Space>
                  ) : null,
              },
            ]}
          />
        )}
      </LoadView>
    </Space>
  );
}

function ProposeForm({ onProposed }: { onProposed: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ caseNumber: string; reason: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { caseNumber: string; reason: string }) => {
    setBusy(true);
    try {
      await proposeListing({ caseNumber: v.caseNumber.trim(), reason: v.reason });
      message.success('已提出列入申请，待负责人审批');
      form.resetFields();
      onProposed();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title="提出列入严重违法失信名单">
      <Typography.Paragraph type="secondary">
        仅限案件已作出较重行政处罚（没收违法所得、情节较重或罚款达到设定金额）后提出，经区局负责人或市局审批后列入。
      </Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={submit} style={{ rowGap: 12 }}>
        <Form.Item
          name="caseNumber"
          label="案件编号"
          rules={[{ required: true, message: '请填写案件编号' }]}
        >
          <Input
            aria-label="案件编号"
            placeholder="沪转供-310115-2026-00001"
            style={{ width: 320 }}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="列入理由"
          rules={[{ required: true, message: '请填写列入理由' }]}
        >
          <Input aria-label="列入理由" style={{ width: 320 }} />
        </Form.Item>
        <Button htmlType="submit" loading={busy}>
          提出申请
        </Button>
      </Form>
    </Card>
  );
}
