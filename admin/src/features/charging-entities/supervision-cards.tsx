import {
  CREDIT_CLASS_LABELS,
  WARNING_LEVEL_LABELS,
  type CreditAssessmentView,
  type EntityWarningsView,
} from '@zgd/shared-types';
import { Card, Col, Row, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { fetchEntityCredit, fetchEntityWarnings } from '../../api/console-api';
import { useLoad } from '../../app/use-load';

const LEVEL_COLORS = { green: 'success', yellow: 'warning', red: 'error' } as const;
const TREND_LABELS = { worse: '趋于严重', better: '有所好转', same: '持平' } as const;

/** Months of warnings shown: the latest few, newest first. */
const SHOWN_MONTHS = 3;

/**
 * The entity's warning levels and internal credit class, from the supervision module. Anything
 * it does not have (no levels yet, no class computed, or the call failed) reads 暂无.
 */
export function SupervisionCards({ entityId }: { entityId: string }) {
  const warnings = useLoad((signal) => fetchEntityWarnings(entityId, { signal }), [entityId]);
  const credit = useLoad((signal) => fetchEntityCredit(entityId, { signal }), [entityId]);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card
          size="small"
          title="预警"
          style={{ height: '100%' }}
          loading={warnings.state.kind === 'loading'}
        >
          {warnings.state.kind === 'ok' && warnings.state.data.months.length > 0 ? (
            <Warnings view={warnings.state.data} />
          ) : (
            <Typography.Text type="secondary">暂无</Typography.Text>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card
          size="small"
          title={
            <>
              信用风险分类 <Typography.Text type="secondary">（内部，不公开）</Typography.Text>
            </>
          }
          style={{ height: '100%' }}
          loading={credit.state.kind === 'loading'}
        >
          {credit.state.kind === 'ok' && credit.state.data.length > 0 ? (
            <Credit current={credit.state.data[0]!} />
          ) : (
            <Typography.Text type="secondary">暂无</Typography.Text>
          )}
        </Card>
      </Col>
    </Row>
  );
}

function Warnings({ view }: { view: EntityWarningsView }) {
  const recent = [...view.months].reverse().slice(0, SHOWN_MONTHS);
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      <Space>
        <span>最新</span>
        <Tag color={LEVEL_COLORS[view.latestLevel]}>{WARNING_LEVEL_LABELS[view.latestLevel]}</Tag>
        {view.trend && (
          <Typography.Text type="secondary">{TREND_LABELS[view.trend]}</Typography.Text>
        )}
      </Space>
      {recent.map((m) => (
        <div key={m.period}>
          <Typography.Text>{m.period}</Typography.Text>{' '}
          <Tag color={LEVEL_COLORS[m.level]}>{WARNING_LEVEL_LABELS[m.level]}</Tag>
          <Typography.Text type="secondary">
            {m.reasons.map((r) => r.message).join('；') || '无异常'}
          </Typography.Text>
        </div>
      ))}
    </Space>
  );
}

function Credit({ current }: { current: CreditAssessmentView }) {
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      <Space>
        <Tag
          color={
            current.creditClass === 'A' ? 'success' : current.creditClass === 'B' ? 'blue' : 'error'
          }
          style={{ fontSize: 14 }}
        >
          {CREDIT_CLASS_LABELS[current.creditClass]}
        </Tag>
        <Typography.Text type="secondary">
          {current.score} 分 · {dayjs(current.computedAt).format('YYYY-MM-DD')} 评定
        </Typography.Text>
      </Space>
      {current.factors
        .filter((f) => f.points !== 0)
        .map((f) => (
          <Typography.Text key={f.code} type="secondary">
            {f.label}：{f.points > 0 ? `+${f.points}` : f.points}（{f.explanation}）
          </Typography.Text>
        ))}
    </Space>
  );
}
