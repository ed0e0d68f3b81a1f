import {
  SHANGHAI_DISTRICTS,
  type CaseActionBody,
  type CaseDetailView,
  type CaseReasonOption,
  type CaseWorkbenchView,
} from '@zgd/shared-types';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Descriptions,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../../api/api-error';
import { useLoad } from '../../app/use-load';
import { yuan } from './case-format';
import { actOnCase, fetchAssignees } from './cases-api';

const AMOUNT = /^\d{1,13}(\.\d{1,2})?$/;
const amountRules = (label: string) => [
  { required: true, message: `请填写${label}` },
  { pattern: AMOUNT, message: '金额应为最多两位小数的元，如 1234.56' },
];

/** Exact fen of a 元 string the API sent ("12.3" → 1230n). */
const fen = (amount: string) => {
  const [int, frac = ''] = amount.split('.');
  return BigInt(int) * 100n + BigInt((frac + '00').slice(0, 2));
};
const fenText = (f: bigint) => `${f / 100n}.${String(f % 100n).padStart(2, '0')}`;

/** Steps that ask for no input beyond a confirmation, with what the confirmation says. */
const CONFIRM_ONLY: Record<string, string> = {
  start_verification: '开始核查后，案件进入核查阶段。',
  open_case:
    '立案须经负责人批准（《市场监督管理行政处罚程序规定》第十八条、第十九条）。立案后开始计算90日办案期限。',
  extend_filing_deadline:
    '经负责人批准，立案核查期限延长15个工作日（《市场监督管理投诉举报处理办法》），只能延长一次。',
  extend_decision_deadline: '经负责人批准，办案期限延长30日，只能延长一次。',
  start_refund_supervision: '开始监督当事人按处理决定退还多收价款。',
  close: '办结后案件不能再办理任何步骤。',
};

interface Props {
  detail: CaseDetailView;
  workbench: CaseWorkbenchView;
  onDone: () => void;
}

/** The steps the signed-in user may take now, each a button opening its form. */
export function CaseActions({ detail, workbench, onDone }: Props) {
  const [open, setOpen] = useState<{ action: string; label: string } | null>(null);
  const actions = workbench.actions;
  if (!actions.length)
    return <Typography.Text type="secondary">当前状态下您没有可办理的步骤。</Typography.Text>;
  return (
    <>
      <Space wrap>
        {actions.map((a) => (
          <Button
            key={a.action}
            type={a.action === 'open_case' || a.action === 'close' ? 'primary' : 'default'}
            danger={a.action === 'refuse'}
            onClick={() => setOpen(a)}
          >
            {a.label}
          </Button>
        ))}
      </Space>
      {open && (
        <ActionModal
          key={open.action}
          action={open.action}
          label={open.label}
          detail={detail}
          workbench={workbench}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            onDone();
          }}
        />
      )}
    </>
  );
}

type Values = Record<string, unknown>;

function ActionModal({
  action,
  label,
  detail,
  workbench,
  onClose,
  onDone,
}: {
  action: string;
  label: string;
  detail: CaseDetailView;
  workbench: CaseWorkbenchView;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await actOnCase(detail.id, bodyOf(action, values));
      message.success(`${label}：已办理`);
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={label}
      okText="确定"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={action === 'record_decision' ? 720 : 520}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={initialValues(action, detail, workbench)}
        aria-label={label}
      >
        <ActionFields action={action} detail={detail} workbench={workbench} />
      </Form>
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} />}
    </Modal>
  );
}

function initialValues(action: string, detail: CaseDetailView, workbench: CaseWorkbenchView) {
  if (action === 'record_decision') {
    const tenants = [...new Set(detail.reports.map((r) => r.tenantId))];
    return {
      illegalGain: workbench.claimed,
      refundOrders: tenants.map((tenantId) => ({ tenantId, amount: '' })),
      warning: true,
      fine: '0',
      confiscation: '0',
      serious: false,
    };
  }
  if (action === 'record_reporter_notice') {
    const untold = untoldReports(detail);
    return untold.length === 1 ? { reportId: untold[0].id } : {};
  }
  if (action === 'record_refund') {
    const open = detail.refunds.find((r) => r.status === 'outstanding');
    return open
      ? { tenantId: open.tenantId, amount: fenText(fen(open.ordered) - fen(open.recorded)) }
      : {};
  }
  return {};
}

/** The real-name reports, numbered in the order they joined, whose reporter is not yet told. */
function untoldReports(detail: CaseDetailView) {
  const told = new Set(detail.reporterNotices.map((n) => n.reportId));
  return detail.reports
    .filter((r) => r.realName)
    .map((r, i) => ({ ...r, n: i + 1 }))
    .filter((r) => !told.has(r.id));
}

const reasonOptions = (reasons: CaseReasonOption[]) =>
  reasons.map((r) => ({ value: r.code, label: r.label }));

function ActionFields({
  action,
  detail,
  workbench,
}: {
  action: string;
  detail: CaseDetailView;
  workbench: CaseWorkbenchView;
}): ReactNode {
  switch (action) {
    case 'assign':
      return <AssigneeField district={detail.districtCode} />;
    case 'refuse':
      return (
        <>
          <Form.Item
            name="reason"
            label="不予立案的法定理由"
            rules={[{ required: true, message: '请选择不予立案的理由' }]}
          >
            <Select
              aria-label="不予立案的法定理由"
              options={reasonOptions(
                workbench.refusalReasons.filter(
                  (r) => !(r as CaseReasonOption & { transferInstead?: boolean }).transferInstead,
                ),
              )}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {({ getFieldValue }) => {
              const reason = workbench.refusalReasons.find(
                (r) => r.code === getFieldValue('reason'),
              );
              return reason ? (
                <Alert
                  type="info"
                  message={`依据：${reason.basis ?? ''}`}
                  description={
                    reason.needsCorrection
                      ? '此理由要求当事人已在整改窗口期内登记整改退费。'
                      : undefined
                  }
                />
              ) : null;
            }}
          </Form.Item>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            不予立案须经负责人批准。
          </Typography.Paragraph>
        </>
      );
    case 'transfer':
      return (
        <>
          <Form.Item
            name="toDistrict"
            label="移送至"
            rules={[{ required: true, message: '请选择有管辖权的区局' }]}
          >
            <Select
              aria-label="移送至"
              options={SHANGHAI_DISTRICTS.filter((d) => d.code !== detail.districtCode).map(
                (d) => ({
                  value: d.code,
                  label: `${d.name}市场监督管理局`,
                }),
              )}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label="移送理由"
            rules={[{ required: true, message: '请选择移送理由' }]}
          >
            <Select aria-label="移送理由" options={reasonOptions(workbench.transferReasons)} />
          </Form.Item>
        </>
      );
    case 'record_correction':
      return (
        <Form.Item
          name="refunded"
          label="当事人已自行退还金额（元）"
          rules={amountRules('退还金额')}
        >
          <Input aria-label="当事人已自行退还金额（元）" inputMode="decimal" />
        </Form.Item>
      );
    case 'record_decision':
      return <DecisionFields claimed={workbench.claimed} />;
    case 'record_refund':
      return (
        <>
          <RefundTenantField detail={detail} />
          <Form.Item name="amount" label="本次退还金额（元）" rules={amountRules('退还金额')}>
            <Input aria-label="本次退还金额（元）" inputMode="decimal" />
          </Form.Item>
        </>
      );
    case 'record_reporter_notice':
      return (
        <>
          <Form.Item
            name="reportId"
            label="告知的实名举报"
            rules={[{ required: true, message: '请选择实名举报' }]}
          >
            <Select
              aria-label="告知的实名举报"
              options={untoldReports(detail).map((r) => ({
                value: r.id,
                label: `实名举报 ${r.n}（${r.tenantId}，${r.createdAt.slice(0, 10)}）`,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="method"
            label="告知方式"
            rules={[{ required: true, message: '请选择告知方式' }]}
          >
            <Select aria-label="告知方式" options={reasonOptions(workbench.noticeMethods)} />
          </Form.Item>
          <Typography.Paragraph type="secondary">
            作出是否立案的决定之日起5个工作日内告知实名举报人
            {detail.deadlines?.reporterNotice
              ? `（本案期限：${detail.deadlines.reporterNotice.dueDate}）`
              : ''}
            。
          </Typography.Paragraph>
        </>
      );
    case 'suspend_for_refund_order':
    case 'resume_after_refund_order':
      return <RefundOrderFields action={action} workbench={workbench} />;
    case 'mark_refund_unconfirmable':
      return (
        <>
          <RefundTenantField detail={detail} />
          <Form.Item
            name="reason"
            label="无法确认的理由"
            rules={[{ required: true, message: '请选择理由' }]}
          >
            <Select
              aria-label="无法确认的理由"
              options={reasonOptions(workbench.unconfirmableReasons)}
            />
          </Form.Item>
        </>
      );
    default:
      return (
        <Typography.Paragraph>{CONFIRM_ONLY[action] ?? '确定办理此步骤？'}</Typography.Paragraph>
      );
  }
}

/**
 * The period of an order to refund (责令退还): it starts today and ends the day it is recorded
 * as ended, both days included; its days are not counted towards the decision deadline.
 */
function RefundOrderFields({
  action,
  workbench,
}: {
  action: 'suspend_for_refund_order' | 'resume_after_refund_order';
  workbench: CaseWorkbenchView;
}) {
  const facts = workbench.refundOrder;
  const rows =
    action === 'suspend_for_refund_order'
      ? [
          { label: '责令退还期间', value: '自今日起，至登记期间届满之日止' },
          { label: '当前处理决定期限', value: facts.decisionDue ?? '—' },
        ]
      : [
          {
            label: '责令退还期间',
            value: facts.runningSince
              ? `${facts.runningSince} 至今日${facts.ifEndedToday ? `，共 ${facts.ifEndedToday.days} 日` : ''}`
              : '—',
          },
          { label: '当前处理决定期限', value: facts.decisionDue ?? '—' },
          {
            label: '届满后处理决定期限',
            value: facts.ifEndedToday?.decisionDue ?? '节假日安排未覆盖所需年份，暂无法计算',
          },
        ];
  return (
    <>
      <section aria-label="责令退还期间">
        <Descriptions size="small" column={1} bordered>
          {rows.map((r) => (
            <Descriptions.Item key={r.label} label={r.label}>
              {r.value}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </section>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {action === 'suspend_for_refund_order'
          ? '责令退还多收价款须经负责人批准；其期间不计入90日（延长后120日）办案期限（《市场监督管理行政处罚程序规定》）。作出处理决定时，尚在执行的责令退还随之结束。'
          : '登记责令退还期间届满后，恢复计算办案期限；期间首尾两日均不计入。'}
      </Typography.Paragraph>
    </>
  );
}

function AssigneeField({ district }: { district: string }) {
  const people = useLoad((signal) => fetchAssignees(district, { signal }), [district]);
  return (
    <Form.Item
      name="assigneeUserId"
      label="承办人"
      rules={[{ required: true, message: '请选择承办人' }]}
    >
      <Select
        aria-label="承办人"
        loading={people.state.kind === 'loading'}
        options={
          people.state.kind === 'ok'
            ? people.state.data.map((u) => ({
                value: u.userId,
                label: `${u.displayName}${u.role === 'district_lead' ? '（负责人）' : ''}`,
              }))
            : []
        }
      />
    </Form.Item>
  );
}

function RefundTenantField({ detail }: { detail: CaseDetailView }) {
  return (
    <Form.Item
      name="tenantId"
      label="退还对象"
      rules={[{ required: true, message: '请选择退还对象' }]}
    >
      <Select
        aria-label="退还对象"
        options={detail.refunds.map((r) => ({
          value: r.tenantId,
          label: `${r.tenantId}（应退 ${yuan(r.ordered)}，已退 ${yuan(r.recorded)}）`,
        }))}
      />
    </Form.Item>
  );
}

function DecisionFields({ claimed }: { claimed: string }) {
  return (
    <>
      <Typography.Paragraph type="secondary">
        举报时固定的核查结果显示多收 {yuan(claimed)}
        。罚款不得超过违法所得的5倍（《价格违法行为行政处罚规定》第九条）；多收价款应先退还，不能退还的予以没收（第十六条）。处理决定须经负责人批准。
      </Typography.Paragraph>
      <Form.Item name="illegalGain" label="违法所得（元）" rules={amountRules('违法所得')}>
        <Input aria-label="违法所得（元）" inputMode="decimal" />
      </Form.Item>
      <Typography.Text strong>责令退还（按承租户）</Typography.Text>
      <Form.List name="refundOrders">
        {(fields, { add, remove }) => (
          <div style={{ margin: '8px 0 16px' }}>
            {fields.map((field, i) => (
              <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                <Form.Item
                  name={[field.name, 'tenantId']}
                  rules={[
                    { required: true, message: '请填写统一社会信用代码' },
                    { pattern: /^[0-9A-HJ-NP-RTUW-Y]{18}$/, message: '统一社会信用代码格式不正确' },
                  ]}
                >
                  <Input
                    aria-label={`退还对象 ${i + 1}`}
                    placeholder="统一社会信用代码"
                    style={{ width: 230 }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'amount']} rules={amountRules('退还金额')}>
                  <Input
                    aria-label={`应退金额 ${i + 1}`}
                    placeholder="应退金额（元）"
                    style={{ width: 160 }}
                  />
                </Form.Item>
                <Button type="link" onClick={() => remove(field.name)}>
                  删除
                </Button>
              </Space>
            ))}
            <Button onClick={() => add({ tenantId: '', amount: '' })}>添加退还对象</Button>
          </div>
        )}
      </Form.List>
      <Space size={24} wrap>
        <Form.Item name="warning" label="警告" valuePropName="checked">
          <Switch aria-label="警告" />
        </Form.Item>
        <Form.Item name="fine" label="罚款（元）" rules={amountRules('罚款金额')}>
          <Input aria-label="罚款（元）" inputMode="decimal" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="confiscation" label="没收（元）" rules={amountRules('没收金额')}>
          <Input aria-label="没收（元）" inputMode="decimal" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="serious" valuePropName="checked" label=" ">
          <Checkbox>情节较重</Checkbox>
        </Form.Item>
      </Space>
    </>
  );
}

/** The form's values as the request body of the step. */
export function bodyOf(action: string, v: Values): CaseActionBody {
  const text = (key: string) => String(v[key] ?? '').trim();
  switch (action) {
    case 'assign':
      return { action, assigneeUserId: Number(v.assigneeUserId) };
    case 'refuse':
      return { action, reason: text('reason') };
    case 'transfer':
      return { action, toDistrict: text('toDistrict'), reason: text('reason') };
    case 'record_correction':
      return { action, refunded: text('refunded') };
    case 'record_decision':
      return {
        action,
        illegalGain: text('illegalGain'),
        refundOrders: ((v.refundOrders as { tenantId: string; amount: string }[]) ?? []).map(
          (o) => ({ tenantId: o.tenantId.trim(), amount: o.amount.trim() }),
        ),
        warning: Boolean(v.warning),
        fine: text('fine'),
        confiscation: text('confiscation'),
        serious: Boolean(v.serious),
      };
    case 'record_refund':
      return { action, tenantId: text('tenantId'), amount: text('amount') };
    case 'mark_refund_unconfirmable':
      return { action, tenantId: text('tenantId'), reason: text('reason') };
    case 'record_reporter_notice':
      return { action, reportId: text('reportId'), method: text('method') } as CaseActionBody;
    default:
      return { action } as CaseActionBody;
  }
}
