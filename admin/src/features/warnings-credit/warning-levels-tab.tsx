import type { EntityWarningsView, WarningMonthView } from '@zgd/shared-types';
import { Space, Table, Tooltip, Typography } from 'antd';
import { useLoad } from '../../app/use-load';
import { LoadView } from './load-view';
import { fetchWarnings } from './supervision-api';
import { LevelTag, trendLabel } from './supervision-labels';

/** Levels per entity and supply month, oldest month first, with the reasons of each. */
export function WarningLevelsTab({ district }: { district?: string }) {
  const { state } = useLoad((signal) => fetchWarnings(district, { signal }), [district]);
  return (
    <LoadView state={state} what="预警等级">
      {(rows) => (
        <Table<EntityWarningsView>
          aria-label="预警等级"
          rowKey="entityId"
          size="small"
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '暂无预警结果：核查批次完成后自动生成' }}
          expandable={{ expandedRowRender: (r) => <MonthTable months={r.months} /> }}
          columns={[
            {
              title: '收费主体',
              key: 'entity',
              width: 230,
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <span>{r.entityName ?? r.entityId}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.entityId}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: '区划', dataIndex: 'districtCode', width: 90 },
            {
              title: '各月预警（由远及近）',
              key: 'months',
              render: (_, r) => (
                <Space size={[0, 4]} wrap aria-label={`${r.entityId} 各月预警`}>
                  {r.months.map((m) => (
                    <Tooltip
                      key={m.period}
                      title={m.reasons.map((x) => x.message).join('；') || '未发现问题'}
                    >
                      <span>
                        <LevelTag level={m.level} label={m.period} />
                      </span>
                    </Tooltip>
                  ))}
                </Space>
              ),
            },
            {
              title: '最新等级',
              key: 'latest',
              width: 100,
              render: (_, r) => <LevelTag level={r.latestLevel} />,
            },
            { title: '趋势', key: 'trend', width: 90, render: (_, r) => trendLabel(r.trend) },
          ]}
        />
      )}
    </LoadView>
  );
}

function MonthTable({ months }: { months: WarningMonthView[] }) {
  return (
    <Table<WarningMonthView>
      rowKey="period"
      size="small"
      pagination={false}
      dataSource={[...months].reverse()}
      columns={[
        { title: '供电月份', dataIndex: 'period', width: 100 },
        { title: '等级', key: 'level', width: 80, render: (_, m) => <LevelTag level={m.level} /> },
        { title: '应退金额（元）', dataIndex: 'refund', width: 130, align: 'right' },
        { title: '涉及租户', dataIndex: 'tenantsAffected', width: 90, align: 'right' },
        {
          title: '原因',
          key: 'reasons',
          render: (_, m) => m.reasons.map((x) => x.message).join('；') || '未发现问题',
        },
      ]}
    />
  );
}
