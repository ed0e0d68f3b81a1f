import {
  CASE_QUEUE_STATE_LABELS,
  DEADLINE_LABELS,
  DEADLINE_STATE_LABELS,
  shanghaiDistrictName,
  type CaseDetailView,
  type CaseDocumentKind,
  type CaseWorkbenchView,
  type DeadlineView,
  type Role,
} from '@zgd/shared-types';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { Link, useParams } from 'react-router-dom';
import { errorMessage } from '../../api/api-error';
import { ROLE_LABELS } from '../../app/roles';
import { useLoad } from '../../app/use-load';
import { CaseActions } from './case-actions';
import { CaseEntity } from './case-entity';
import { CaseRefundProofs } from './case-refund-proofs';
import { deadlineLeftText, shanghaiDay, shanghaiTime, yuan } from './case-format';
import { CaseReports } from './case-reports';
import { fetchCase, fetchDocument, fetchWorkbench } from './cases-api';

const DEADLINE_COLORS: Record<DeadlineView['state'], string> = {
  overdue: 'red',
  due_soon: 'orange',
  ok: 'blue',
  met: 'green',
};

const stateText = (state: string) =>
  CASE_QUEUE_STATE_LABELS[state as keyof typeof CASE_QUEUE_STATE_LABELS] ?? state;
const actorLabel = (role: string) =>
  role === 'system' ? '系统' : (ROLE_LABELS[role as Role] ?? role);

const REFUND_STATUS: Record<string, string> = {
  outstanding: '待退还',
  recorded: '已退还待确认',
  confirmed: '承租户已确认',
  unconfirmable: '无法确认',
};

/** One case: summary, deadlines, the steps allowed now, reports with evidence, timeline. */
export default function CasePage() {
  const { caseId = '' } = useParams();
  const detail = useLoad((signal) => fetchCase(caseId, { signal }), [caseId]);
  const bench = useLoad((signal) => fetchWorkbench(caseId, { signal }), [caseId]);
  const reload = () => {
    detail.reload();
    bench.reload();
  };

  const failed =
    detail.state.kind === 'error'
      ? detail.state
      : bench.state.kind === 'error'
        ? bench.state
        : null;
  const c =
    detail.state.kind === 'ok'
      ? detail.state.data
      : detail.state.kind === 'loading'
        ? detail.state.previous
        : undefined;
  const w =
    bench.state.kind === 'ok'
      ? bench.state.data
      : bench.state.kind === 'loading'
        ? bench.state.previous
        : undefined;

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/cases">线索与案件</Link> }, { title: c?.number ?? '案件' }]}
      />
      {failed ? (
        <Alert
          type="error"
          showIcon
          message="无法加载案件"
          description={errorMessage(failed.error)}
        />
      ) : !c || !w ? (
        <Skeleton active />
      ) : (
        <CaseView detail={c} workbench={w} onChanged={reload} />
      )}
    </>
  );
}

function CaseView({
  detail,
  workbench,
  onChanged,
}: {
  detail: CaseDetailView;
  workbench: CaseWorkbenchView;
  onChanged: () => void;
}) {
  const stepLabel = (action: string) => workbench.stepLabels[action] ?? action;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space align="center" wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {detail.number}
        </Typography.Title>
        <Tag color="blue" style={{ fontSize: 14 }}>
          {detail.stateLabel}
        </Tag>
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title="案件概况" size="small">
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label="收费主体" span={2}>
                {workbench.entity.name ?? '（名录中无此主体）'}（{workbench.entity.id}）
              </Descriptions.Item>
              <Descriptions.Item label="计量场所" span={2}>
                {workbench.entity.premisesAddress ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label="管辖区局">
                {shanghaiDistrictName(detail.districtCode) ?? detail.districtCode}
              </Descriptions.Item>
              <Descriptions.Item label="来源">
                {detail.source === 'report'
                  ? `一键举报（${detail.reportCount} 件）`
                  : detail.reportCount
                    ? `预警线索，并入一键举报 ${detail.reportCount} 件`
                    : '预警线索'}
              </Descriptions.Item>
              <Descriptions.Item label="涉及月份">{detail.periods.join('、')}</Descriptions.Item>
              <Descriptions.Item label="登记时间">
                {shanghaiTime(detail.receivedAt)}
              </Descriptions.Item>
              <Descriptions.Item label="举报涉及金额">{yuan(workbench.claimed)}</Descriptions.Item>
              <Descriptions.Item label="承办人">
                {workbench.assigneeName ??
                  (detail.assigneeUserId ? `用户 ${detail.assigneeUserId}` : '未分派')}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title="法定期限" size="small">
            <Deadlines detail={detail} />
          </Card>
        </Col>
      </Row>
      {workbench.entity.name !== null && (
        <CaseEntity entityId={detail.entityId} caseId={detail.id} />
      )}
      <Card title="办理" size="small">
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <CaseActions detail={detail} workbench={workbench} onDone={onChanged} />
          <Documents caseId={detail.id} workbench={workbench} />
        </Space>
      </Card>
      {detail.decision && (
        <Card title="处理决定" size="small">
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label="决定日期">
              {shanghaiTime(detail.decision.at)}
            </Descriptions.Item>
            <Descriptions.Item label="违法所得">
              {yuan(detail.decision.illegalGain)}
            </Descriptions.Item>
            <Descriptions.Item label="责令退还">
              {yuan(detail.decision.refundOrdered)}
            </Descriptions.Item>
            <Descriptions.Item label="警告">
              {detail.decision.warning ? '是' : '否'}
            </Descriptions.Item>
            <Descriptions.Item label="罚款">{yuan(detail.decision.fine)}</Descriptions.Item>
            <Descriptions.Item label="没收">{yuan(detail.decision.confiscation)}</Descriptions.Item>
          </Descriptions>
          {detail.refunds.length > 0 && (
            <Table
              aria-label="退款情况"
              size="small"
              rowKey="tenantId"
              pagination={false}
              dataSource={detail.refunds}
              columns={[
                { title: '退还对象', dataIndex: 'tenantId' },
                { title: '应退', dataIndex: 'ordered', align: 'right', render: yuan },
                { title: '已退', dataIndex: 'recorded', align: 'right', render: yuan },
                {
                  title: '状态',
                  dataIndex: 'status',
                  render: (s: string) => <Tag>{REFUND_STATUS[s] ?? s}</Tag>,
                },
              ]}
            />
          )}
        </Card>
      )}
      <Card title="退款凭证" size="small">
        <CaseRefundProofs caseId={detail.id} />
      </Card>
      {detail.refusal && (
        <Alert
          type="warning"
          showIcon
          message={`不予立案（${shanghaiTime(detail.refusal.at)}）`}
          description={
            workbench.refusalReasons.find((r) => r.code === detail.refusal?.reason)?.label ??
            detail.refusal.reason
          }
        />
      )}
      <Card title={`举报与证据（${detail.reports.length}）`} size="small">
        {detail.reports.length ? (
          <CaseReports caseId={detail.id} reports={detail.reports} />
        ) : (
          <Typography.Text type="secondary">本案来自预警线索，没有举报。</Typography.Text>
        )}
      </Card>
      <Card title="办理过程" size="small">
        <Timeline
          items={detail.timeline.map((e) => ({
            key: e.seq,
            children: (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{stepLabel(e.action)}</Typography.Text>
                <Typography.Text type="secondary">
                  {shanghaiTime(e.at)} · {actorLabel(e.actorRole)}
                  {e.toState !== e.fromState ? ` · 转为“${stateText(e.toState)}”` : ''}
                </Typography.Text>
              </Space>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}

function Deadlines({ detail }: { detail: CaseDetailView }) {
  if (detail.calendarGap) return <Alert type="warning" showIcon message={detail.calendarGap} />;
  const d = detail.deadlines;
  if (!d) return <Typography.Text type="secondary">—</Typography.Text>;
  const list = [d.filingDecision, d.reporterNotice, d.caseDecision].filter(
    (x): x is DeadlineView => x !== null,
  );
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {detail.refundOrderPeriods.map((p) => (
        <Typography.Text key={p.from} type="secondary">
          {p.to
            ? `责令退还：${shanghaiDay(p.from)} 至 ${shanghaiDay(p.to)}（不计入办案期限）`
            : `责令退还：${shanghaiDay(p.from)} 起（执行中）`}
        </Typography.Text>
      ))}
      {list.map((x) => (
        <div key={x.kind} aria-label={DEADLINE_LABELS[x.kind]}>
          <Space wrap>
            <Typography.Text strong>{DEADLINE_LABELS[x.kind]}</Typography.Text>
            <span>{x.dueDate}</span>
            <Tag color={DEADLINE_COLORS[x.state]}>{DEADLINE_STATE_LABELS[x.state]}</Tag>
            <Typography.Text>{deadlineLeftText(x)}</Typography.Text>
          </Space>
          <div>
            <Typography.Text type="secondary">{x.basis}</Typography.Text>
          </div>
        </div>
      ))}
    </Space>
  );
}

/** Opens a document in a new tab, ready to print (the API needs the session's token). */
function Documents({ caseId, workbench }: { caseId: string; workbench: CaseWorkbenchView }) {
  const { message } = App.useApp();
  const open = async (kind: CaseDocumentKind) => {
    // Opened before the answer arrives: a window opened later would be blocked as a pop-up.
    const win = window.open('', '_blank');
    try {
      const html = await fetchDocument(caseId, kind);
      const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
      if (win) win.location.href = url;
      else window.location.href = url;
    } catch (e) {
      win?.close();
      message.error(errorMessage(e));
    }
  };
  return (
    <Space wrap>
      <Typography.Text type="secondary">文书：</Typography.Text>
      {workbench.documents.map((d) => (
        <Button key={d.kind} disabled={!d.ready} onClick={() => open(d.kind)}>
          打印{d.title}
        </Button>
      ))}
    </Space>
  );
}
