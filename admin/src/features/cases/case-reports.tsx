import {
  CHARGE_ITEM_LABELS,
  FINDING_LABELS,
  TOU_LABELS,
  VERDICT_LABELS,
  type CaseReportStaffView,
  type TenantMonthSheet,
} from '@zgd/shared-types';
import { Alert, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { sha256Hex, shanghaiTime, yuan } from './case-format';
import { fetchEvidence } from './cases-api';

type Check =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'done'; computed: string; sheets: TenantMonthSheet[] }
  | { kind: 'error'; message: string };

/** The merged reports, in the order they joined the case. */
export function CaseReports({
  caseId,
  reports,
}: {
  caseId: string;
  reports: CaseReportStaffView[];
}) {
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {reports.map((r, i) => (
        <ReportCard key={r.id} caseId={caseId} report={r} index={i + 1} />
      ))}
    </Space>
  );
}

function ReportCard({
  caseId,
  report,
  index,
}: {
  caseId: string;
  report: CaseReportStaffView;
  index: number;
}) {
  const [check, setCheck] = useState<Check>({ kind: 'idle' });

  /** Fetches the stored bytes and hashes them here, in the browser, against the recorded hash. */
  const verify = async () => {
    setCheck({ kind: 'checking' });
    try {
      const bytes = await fetchEvidence(caseId, report.id);
      const computed = await sha256Hex(bytes);
      const evidence = JSON.parse(new TextDecoder().decode(bytes)) as {
        sheets?: TenantMonthSheet[];
      };
      setCheck({ kind: 'done', computed, sheets: evidence.sheets ?? [] });
    } catch (e) {
      setCheck({ kind: 'error', message: errorMessage(e) });
    }
  };

  return (
    <section aria-label={`举报 ${index}`}>
      <Card size="small" title={`举报 ${index}${report.realName ? '（实名）' : '（匿名）'}`}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="举报时间">{shanghaiTime(report.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="户号">{report.accountNo}</Descriptions.Item>
          <Descriptions.Item label="举报企业">{report.tenantId}</Descriptions.Item>
          <Descriptions.Item label="涉及月份">{report.periods.join('、')}</Descriptions.Item>
          {report.realName && (
            <Descriptions.Item label="举报人">
              {report.reporterName ?? '—'}
              {report.reporterPhone && ` · ${report.reporterPhone}`}
              {report.contactMasked && (
                <Typography.Text type="secondary">
                  （已脱敏，仅承办人与负责人可见全文）
                </Typography.Text>
              )}
            </Descriptions.Item>
          )}
          <Descriptions.Item label="情况说明" span={2}>
            {report.description || <Typography.Text type="secondary">（未填写）</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label="证据快照 SHA-256" span={2}>
            <Space wrap>
              <Typography.Text code copyable style={{ fontSize: 12 }}>
                {report.evidenceHash}
              </Typography.Text>
              <Button size="small" onClick={verify} loading={check.kind === 'checking'}>
                校验并查看核算表
              </Button>
              {check.kind === 'done' &&
                (check.computed === report.evidenceHash ? (
                  <Tag color="green">校验一致：证据未被改动</Tag>
                ) : (
                  <Tag color="red">校验不一致：计算值 {check.computed.slice(0, 16)}…</Tag>
                ))}
            </Space>
          </Descriptions.Item>
          {report.attachments.length > 0 && (
            <Descriptions.Item label="附件" span={2}>
              {report.attachments.map((a) => (
                <Tag key={a.sha256}>
                  {a.kind.toUpperCase()} · {Math.ceil(a.bytes / 1024)} KB
                </Tag>
              ))}
            </Descriptions.Item>
          )}
        </Descriptions>
        {check.kind === 'error' && <Alert type="error" showIcon message={check.message} />}
        {check.kind === 'done' &&
          check.sheets.map((s) => <FormulaSheet key={`${s.accountNo}-${s.period}`} sheet={s} />)}
      </Card>
    </section>
  );
}

type Line = TenantMonthSheet['lines'][number];

const money = (v: string | null) => (v === null ? '—' : v);

/** The month's formula sheet as frozen when the report came in. */
export function FormulaSheet({ sheet }: { sheet: TenantMonthSheet }) {
  const { grid } = sheet;
  return (
    <Card
      type="inner"
      size="small"
      style={{ marginTop: 12 }}
      title={`核算表 · ${sheet.period} · 户号 ${sheet.accountNo}`}
      extra={
        <Tag
          color={
            sheet.verdict.level === 'red'
              ? 'red'
              : sheet.verdict.level === 'yellow'
                ? 'orange'
                : 'green'
          }
        >
          {VERDICT_LABELS[sheet.verdict.level]} · 应退 {yuan(sheet.verdict.refund)}
        </Tag>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="电网电费 G（元）">{money(grid.G)}</Descriptions.Item>
        <Descriptions.Item label="购电量 K（kWh）">{money(grid.K)}</Descriptions.Item>
        <Descriptions.Item label="平均结算价 G÷K">
          {grid.avg ? `${grid.avg.display} 元/kWh` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="主体自用电费">{money(grid.own)}</Descriptions.Item>
        <Descriptions.Item label="可向租户收取上限 T">{money(grid.T)}</Descriptions.Item>
        <Descriptions.Item label="实收合计">{money(grid.collected)}</Descriptions.Item>
      </Descriptions>
      <Table<Line>
        aria-label={`核算表 ${sheet.period}`}
        size="small"
        rowKey={(l, i) => `${l.sourceLine ?? ''}-${l.item}-${i}`}
        pagination={false}
        dataSource={sheet.lines}
        scroll={{ x: 900 }}
        columns={[
          {
            title: '收费项目',
            dataIndex: 'item',
            render: (item: string) => CHARGE_ITEM_LABELS[item] ?? item,
          },
          {
            title: '时段',
            dataIndex: 'tou',
            render: (t: string | null) =>
              t ? (TOU_LABELS[t as keyof typeof TOU_LABELS] ?? t) : '—',
          },
          { title: '电量（kWh）', dataIndex: 'kwh', align: 'right', render: money },
          { title: '收费单价', dataIndex: 'unitPrice', align: 'right', render: money },
          { title: '收费金额', dataIndex: 'amount', align: 'right' },
          { title: '允许单价', dataIndex: 'allowedPrice', align: 'right', render: money },
          { title: '允许金额', dataIndex: 'allowedAmount', align: 'right', render: money },
          {
            title: '差额',
            dataIndex: 'difference',
            align: 'right',
            render: (d: string | null) =>
              d && !d.startsWith('-') && d !== '0.00' ? (
                <Typography.Text type="danger">{d}</Typography.Text>
              ) : (
                money(d)
              ),
          },
        ]}
      />
      {sheet.findings.length > 0 && (
        <ul style={{ margin: '8px 0 0', paddingInlineStart: 20 }}>
          {sheet.findings.map((f, i) => (
            <li key={i}>
              <Typography.Text strong>{FINDING_LABELS[f.type].title}</Typography.Text>
              {f.amount && ` · ${yuan(f.amount)}`}：{FINDING_LABELS[f.type].explain}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
