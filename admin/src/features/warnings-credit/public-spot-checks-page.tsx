import {
  shanghaiDistrictName,
  SPOT_CHECK_OUTCOME_LABELS,
  type PublicSpotCheckView,
} from '@zgd/shared-types';
import { Card, Layout, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useLoad } from '../../app/use-load';
import { LoadView } from './load-view';
import { fetchPublicSpotChecks } from './supervision-api';
import { DistrictSelect } from '../../app/district-select';

type Item = PublicSpotCheckView['items'][number];

const OUTCOME_COLOURS = { compliant: 'success', violation: 'error', not_found: 'warning' } as const;

/**
 * 双随机一公开: the published lists for anyone, signed in or not: who is checked, by whom,
 * when, and the result. Never a credit class (internal) nor the ratios per class.
 */
export default function PublicSpotChecksPage() {
  const [district, setDistrict] = useState<string>();
  const { state } = useLoad((signal) => fetchPublicSpotChecks(district, { signal }), [district]);
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <Layout.Content style={{ maxWidth: 1100, width: '100%', margin: '0 auto', padding: 24 }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
          <Typography.Title level={2} style={{ marginTop: 0 }}>
            转供电收费“双随机、一公开”抽查公示
          </Typography.Title>
          <DistrictSelect value={district} onChange={setDistrict} />
        </Space>
        <Typography.Paragraph type="secondary">
          上海市各区市场监管部门随机抽取转供电收费主体、随机选派检查人员，抽查名单与检查结果在此公示。每批名单附随机种子和算法，持有同一名录者可复现抽取过程。
        </Typography.Paragraph>
        <LoadView state={state} what="抽查公示">
          {(draws) =>
            draws.length ? (
              <Space direction="vertical" size={16} style={{ width: '100%' }}>
                {draws.map((d) => (
                  <DrawCard key={d.id} draw={d} />
                ))}
              </Space>
            ) : (
              <Card>
                <Typography.Text type="secondary">暂无公示的抽查名单</Typography.Text>
              </Card>
            )
          }
        </LoadView>
      </Layout.Content>
    </Layout>
  );
}

function DrawCard({ draw }: { draw: PublicSpotCheckView }) {
  const district = shanghaiDistrictName(draw.districtCode) ?? draw.districtCode;
  return (
    <Card
      size="small"
      title={`${district} · 计划检查日期 ${draw.plannedDate}`}
      extra={
        <Typography.Text type="secondary">公示日期 {draw.publishedAt.slice(0, 10)}</Typography.Text>
      }
    >
      <Table<Item>
        aria-label={`${district} ${draw.plannedDate} 抽查名单`}
        rowKey="entityId"
        size="small"
        pagination={false}
        dataSource={draw.items}
        locale={{ emptyText: '本批次未抽中收费主体' }}
        columns={[
          {
            title: '收费主体',
            key: 'entity',
            render: (_, i) => (
              <Space direction="vertical" size={0}>
                {i.entityName}
                <Typography.Text type={i.entityName ? 'secondary' : undefined}>
                  统一社会信用代码 {i.entityId}
                </Typography.Text>
              </Space>
            ),
          },
          { title: '检查人员', key: 'inspectors', render: (_, i) => i.inspectors.join('、') },
          { title: '检查日期', key: 'date', width: 120, render: () => draw.plannedDate },
          {
            title: '检查结果',
            key: 'outcome',
            width: 160,
            render: (_, i) =>
              i.outcome ? (
                <Tag color={OUTCOME_COLOURS[i.outcome]}>{SPOT_CHECK_OUTCOME_LABELS[i.outcome]}</Tag>
              ) : (
                <Tag>待检查</Tag>
              ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        随机种子 {draw.seed} · 算法 {draw.algorithm}
      </Typography.Paragraph>
    </Card>
  );
}
