import type { EntityCaseView } from '@zgd/shared-types';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Space,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import {
  fetchEntityCases,
  fetchRefundProofs,
  recordCorrection,
  uploadRefundProofs,
} from '../../api/console-api';
import { useLoad } from '../../app/use-load';
import { formatYuan } from '../dashboard/money';
import { formatBytes } from '../data-import/import-labels';

/** What the API's YuanSchema accepts; checked here too so the form says so before sending. */
const YUAN = /^\d{1,13}(\.\d{1,2})?$/;

/** Before the decision on 立案 the entity may still correct and refund (domain §5). */
const PRE_FILING = new Set(['registered', 'assigned', 'verifying']);

const ACTION_LABELS: Record<string, string> = {
  register: '登记',
  start_verification: '开始核查',
  record_correction: '登记整改退费',
  extend_filing_deadline: '延长立案审查期限',
  open_case: '立案',
  refuse: '不予立案',
  transfer: '移送',
  extend_decision_deadline: '延长办案期限',
  record_decision: '作出处理决定',
  start_refund_supervision: '开始退款监督',
  close: '办结',
};

const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** Correction is open while the case is before 立案 and its window has not ended. */
export function canCorrect(c: EntityCaseView, now: Date): boolean {
  return PRE_FILING.has(c.state) && Date.parse(c.correctionWindowEndsAt) >= now.getTime();
}

/** Proof of refunds is taken in the correction window and under refund supervision. */
export const takesRefundProof = (c: EntityCaseView, now: Date) =>
  canCorrect(c, now) || c.state === 'refund_supervision';

/**
 * The entity's cases: that they exist, their steps and the bureau's decisions. Never who
 * reported, nor (with few tenants) how many refunds are still owed.
 */
export function EntityCasesCard() {
  const { state, reload } = useLoad((signal) => fetchEntityCases({ signal }), []);
  const [correcting, setCorrecting] = useState<EntityCaseView | null>(null);

  if (state.kind === 'error')
    return (
      <Alert type="error" showIcon message="无法加载案件" description={errorMessage(state.error)} />
    );
  if (state.kind === 'loading') return <Card loading />;
  if (state.data.length === 0)
    return (
      <Card>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本单位暂无案件" />
      </Card>
    );
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        message="立案前，可在整改期限内自查更正、主动退还多收电费，并在此登记退还金额。"
      />
      {state.data.map((c) => (
        <CaseCard key={c.id} c={c} onCorrect={() => setCorrecting(c)} />
      ))}
      <CorrectionModal
        c={correcting}
        onClose={() => setCorrecting(null)}
        onDone={() => {
          setCorrecting(null);
          reload();
        }}
      />
    </Space>
  );
}

function CaseCard({ c, onCorrect }: { c: EntityCaseView; onCorrect: () => void }) {
  const open = canCorrect(c, new Date());
  return (
    <Card
      size="small"
      title={
        <Space>
          <span>{c.number}</span>
          <Tag color={c.state === 'closed' ? 'default' : 'processing'}>{c.stateLabel}</Tag>
        </Space>
      }
      extra={
        open && (
          <Button type="primary" size="small" onClick={onCorrect}>
            登记整改退费
          </Button>
        )
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label="涉及月份">{c.periods.join('、')}</Descriptions.Item>
        <Descriptions.Item label="登记时间">{time(c.receivedAt)}</Descriptions.Item>
        <Descriptions.Item label="整改期限">
          {time(c.correctionWindowEndsAt)}
          {!open && <Typography.Text type="secondary">（已结束）</Typography.Text>}
        </Descriptions.Item>
        {c.filingDecision && (
          <Descriptions.Item label="立案决定期限">{c.filingDecision.dueDate}</Descriptions.Item>
        )}
        {c.caseDecision && (
          <Descriptions.Item label="办案期限">{c.caseDecision.dueDate}</Descriptions.Item>
        )}
        <Descriptions.Item label="已登记整改退费">
          {c.corrections.length
            ? c.corrections.map((x) => `${formatYuan(x.refunded)} 元（${time(x.at)}）`).join('；')
            : '无'}
        </Descriptions.Item>
        {c.decision && (
          <Descriptions.Item label="处理决定" span={3}>
            {[
              c.decision.warning && '警告',
              `责令退还 ${formatYuan(c.decision.refundOrdered)} 元`,
              `罚款 ${formatYuan(c.decision.fine)} 元`,
              c.decision.confiscation !== '0.00' &&
                `没收违法所得 ${formatYuan(c.decision.confiscation)} 元`,
            ]
              .filter(Boolean)
              .join('；')}
            （{time(c.decision.at)}）
          </Descriptions.Item>
        )}
        {c.refundsOutstanding !== null && (
          <Descriptions.Item label="待退还租户">{c.refundsOutstanding} 户</Descriptions.Item>
        )}
      </Descriptions>
      <RefundProofs caseId={c.id} open={takesRefundProof(c, new Date())} />
      <Timeline
        style={{ marginTop: 16, marginBottom: -16 }}
        items={c.timeline.map((e) => ({
          children: `${time(e.at)} ${ACTION_LABELS[e.action] ?? e.action}`,
        }))}
      />
    </Card>
  );
}

function CorrectionModal({
  c,
  onClose,
  onDone,
}: {
  c: EntityCaseView | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ refunded: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async ({ refunded }: { refunded: string }) => {
    if (!c) return;
    setBusy(true);
    try {
      await recordCorrection(c.id, refunded.trim());
      message.success('已登记整改退费');
      form.resetFields();
      onDone();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={c !== null}
      title={`登记整改退费 · ${c?.number ?? ''}`}
      okText="登记"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="refunded"
          label="已主动退还租户的金额（元）"
          rules={[
            { required: true, message: '请填写退还金额' },
            {
              validator: (_, v: string | undefined) =>
                !v || YUAN.test(v.trim())
                  ? Promise.resolve()
                  : Promise.reject(new Error('金额应为最多两位小数的元，如 1234.50')),
            },
          ]}
        >
          <Input inputMode="decimal" placeholder="如 1234.50" />
        </Form.Item>
        <Typography.Text type="secondary">
          请如实登记已实际退还的金额，办案人员将核实退款凭证。
        </Typography.Text>
      </Form>
    </Modal>
  );
}

const KIND_LABELS: Record<string, string> = {
  jpeg: 'JPEG 图片',
  png: 'PNG 图片',
  webp: 'WebP 图片',
  pdf: 'PDF',
};

/** The case's proofs of refunds, and an upload while the case takes them. */
function RefundProofs({ caseId, open }: { caseId: string; open: boolean }) {
  const { message } = App.useApp();
  const { state, reload } = useLoad((signal) => fetchRefundProofs(caseId, { signal }), [caseId]);
  const [busy, setBusy] = useState(false);
  const proofs = state.kind === 'ok' ? state.data : [];
  const send = async (file: File) => {
    setBusy(true);
    try {
      await uploadRefundProofs(caseId, [file]);
      message.success(`已提交退款凭证“${file.name}”`);
      reload();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
    return false;
  };
  if (!open && proofs.length === 0) return null;
  return (
    <div style={{ marginTop: 12 }}>
      <Space wrap>
        <Typography.Text strong>退款凭证</Typography.Text>
        {proofs.length === 0 && <Typography.Text type="secondary">尚未提交</Typography.Text>}
        {proofs.map((p) => (
          <Tag key={p.sha256} title={`SHA-256 ${p.sha256}`}>
            {KIND_LABELS[p.kind] ?? p.kind} · {formatBytes(p.bytes)} · {time(p.at)}
          </Tag>
        ))}
        {open && (
          <Upload accept=".jpg,.jpeg,.png,.webp,.pdf" showUploadList={false} beforeUpload={send}>
            <Button size="small" loading={busy}>
              上传退款凭证
            </Button>
          </Upload>
        )}
      </Space>
    </div>
  );
}
