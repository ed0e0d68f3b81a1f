import type { CreditAssessmentView, CreditFactorView } from '@zgd/shared-types';
import { Button, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useLoad } from '../../app/use-load';
import { LoadView } from './load-view';
import { fetchCreditClasses, fetchCreditHistory } from './supervision-api';
import { ClassTag } from './supervision-labels';

const TRIGGERS: Record<string, string> = { run: '核查批次', case: '案件办理', list: '列严名单' };

/** Each entity's current class, and the factors behind it (internal: never shown outside). */
export function CreditClassesTab({ district }: { district?: string }) {
  const { state } = useLoad((signal) => fetchCreditClasses(district, { signal }), [district]);
  const [history, setHistory] = useState<CreditAssessmentView | null>(null);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        信用风险分类仅供监管部门内部使用，不向租户和收费主体公开；分值越高风险越大：0–4 分 A
        类，5–19 分 B 类，20–39 分 C 类，40 分以上 D 类。
      </Typography.Text>
      <LoadView state={state} what="信用分类">
        {(rows) => (
          <Table<CreditAssessmentView>
            aria-label="信用分类"
            rowKey="entityId"
            size="small"
            dataSource={rows}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: '暂无信用分类' }}
            expandable={{
              expandedRowRender: (r) => <FactorTable factors={r.factors} />,
              rowExpandable: () => true,
            }}
            columns={[
              {
                title: '收费主体',
                key: 'entity',
                render: (_, r) => r.entityName ?? r.entityId,
              },
              { title: '区划', dataIndex: 'districtCode', width: 90 },
              {
                title: '信用分类',
                key: 'class',
                width: 150,
                render: (_, r) => <ClassTag value={r.creditClass} />,
              },
              { title: '分值', dataIndex: 'score', width: 70, align: 'right' },
              {
                title: '主要因素',
                key: 'top',
                render: (_, r) =>
                  r.factors
                    .filter((f) => f.points > 0)
                    .sort((a, b) => b.points - a.points)
                    .slice(0, 2)
                    .map((f) => `${f.label} ${f.points} 分`)
                    .join('，') || '无风险因素',
              },
              {
                title: '历史',
                key: 'history',
                width: 70,
                render: (_, r) => (
                  <Button type="link" size="small" onClick={() => setHistory(r)}>
                    历史
                  </Button>
                ),
              },
              {
                title: '最近计算',
                key: 'at',
                width: 200,
                render: (_, r) => `${r.computedAt.slice(0, 10)}（${triggerLabel(r.trigger)}）`,
              },
            ]}
          />
        )}
      </LoadView>
      {history && <HistoryModal of={history} onClose={() => setHistory(null)} />}
    </Space>
  );
}

const triggerLabel = (trigger: string) => TRIGGERS[trigger.split(':')[0]] ?? trigger;

/** Every class the entity has had, newest first, each with its factors. */
function HistoryModal({ of, onClose }: { of: CreditAssessmentView; onClose: () => void }) {
  const { state } = useLoad((signal) => fetchCreditHistory(of.entityId, { signal }), [of.entityId]);
  return (
    <Modal
      open
      title={`${of.entityName ?? of.entityId} 信用分类历史`}
      footer={null}
      width={900}
      onCancel={onClose}
    >
      <LoadView state={state} what="信用分类历史">
        {(rows) => (
          <Table<CreditAssessmentView>
            aria-label="信用分类历史"
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={rows}
            expandable={{ expandedRowRender: (r) => <FactorTable factors={r.factors} /> }}
            columns={[
              {
                title: '计算时间',
                key: 'at',
                render: (_, r) => r.computedAt.replace('T', ' ').slice(0, 16),
              },
              { title: '原因', key: 'trigger', render: (_, r) => triggerLabel(r.trigger) },
              {
                title: '信用分类',
                key: 'class',
                render: (_, r) => <ClassTag value={r.creditClass} />,
              },
              { title: '分值', dataIndex: 'score', align: 'right' },
            ]}
          />
        )}
      </LoadView>
    </Modal>
  );
}

function FactorTable({ factors }: { factors: CreditFactorView[] }) {
  return (
    <Table<CreditFactorView>
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={factors}
      columns={[
        { title: '因素', dataIndex: 'label', width: 140 },
        { title: '分值', dataIndex: 'points', width: 70, align: 'right' },
        { title: '说明', dataIndex: 'explanation' },
      ]}
    />
  );
}
