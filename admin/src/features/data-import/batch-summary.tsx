import type { ImportSummary } from '@zgd/shared-types';
import { Descriptions, Table, Typography } from 'antd';

type VersionedKind = 'gridBills' | 'chargeSheets' | 'ownUse';

const VERSIONED: { kind: VersionedKind; label: string }[] = [
  { kind: 'gridBills', label: '电网账单（户号·月份）' },
  { kind: 'chargeSheets', label: '分户收费单（户号·月份）' },
  { kind: 'ownUse', label: '自用电量（户号·月份）' },
];

/** What a stored batch added: entities, prices, and versions of each account's month. */
export function BatchSummary({ summary }: { summary: ImportSummary }) {
  const versionRows = VERSIONED.map(({ kind, label }) => ({ key: kind, label, ...summary[kind] }));
  return (
    <>
      <Descriptions bordered size="small" column={{ xs: 1, lg: 2 }}>
        <Descriptions.Item label="收费主体">{summary.entities} 家</Descriptions.Item>
        <Descriptions.Item label="电价">
          新增 {summary.tariffs.added} 条，未变 {summary.tariffs.unchanged} 条
        </Descriptions.Item>
        <Descriptions.Item label="电价月份">{monthsText(summary.tariffPeriods)}</Descriptions.Item>
        <Descriptions.Item label="电网账单明细">{summary.gridLines} 行</Descriptions.Item>
        <Descriptions.Item label="租户收费明细">{summary.tenantLines} 行</Descriptions.Item>
        <Descriptions.Item label="需重新核查的户号">
          {summary.changedAccounts.length} 个
        </Descriptions.Item>
      </Descriptions>
      <Table
        aria-label="账单版本"
        style={{ marginTop: 16 }}
        size="small"
        pagination={false}
        dataSource={versionRows}
        columns={[
          { title: '数据', dataIndex: 'label' },
          { title: '新增', dataIndex: 'added', align: 'right' },
          {
            title: (
              <>
                更正 <Typography.Text type="secondary">（新版本取代旧版本）</Typography.Text>
              </>
            ),
            dataIndex: 'superseding',
            align: 'right',
          },
          { title: '与已有版本相同', dataIndex: 'unchanged', align: 'right' },
        ]}
      />
    </>
  );
}

/** "2025-01 至 2025-12（共 12 个月）" for a run of months, else the months listed. */
function monthsText(months: readonly string[]): string {
  if (months.length === 0) return '—';
  const sorted = [...months].sort();
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  const consecutive = sorted.every((m, i) => i === 0 || index(m) === index(sorted[i - 1]!) + 1);
  if (sorted.length < 3 || !consecutive) return sorted.join('、');
  return `${sorted[0]} 至 ${sorted.at(-1)}（共 ${sorted.length} 个月）`;
}
