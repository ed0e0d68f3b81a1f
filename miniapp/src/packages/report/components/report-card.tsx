import { Button, Text, Textarea, View } from '@tarojs/components';
import type { TenantReportWithRating } from '@zgd/shared-types';
import { useState } from 'react';
import { periodLabel, yuan } from '../../../services/format';
import { deadlineText, FINISHED_STATES, REFUND_STATUS_LABELS, STEP_LABELS } from '../report-words';

const STARS = [1, 2, 3, 4, 5];

/** One report: its number, state, legal due dates, decision steps, refund and rating. */
export function ReportCard({
  report,
  onConfirm,
  onRate,
}: {
  report: TenantReportWithRating;
  onConfirm: (r: TenantReportWithRating) => Promise<void>;
  onRate: (r: TenantReportWithRating, stars: number, comment: string) => Promise<void>;
}) {
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };
  const deadlines = [report.filingDecision, report.reporterNotice, report.caseDecision].filter(
    (d) => d !== null,
  );
  return (
    <View className="case-card">
      <View className="case-card__head">
        <Text className="case-card__number">{report.caseNumber}</Text>
        <Text className={`case-card__state case-card__state--${report.state}`}>
          {report.stateLabel}
        </Text>
      </View>
      <Text className="case-card__meta">
        {report.createdAt.slice(0, 10)} 提交 · {report.realName ? '实名' : '匿名'} · 户号{' '}
        {report.accountNo}
      </Text>
      <Text className="case-card__meta">
        举报月份：{report.periods.map(periodLabel).join('、')}
      </Text>

      {deadlines.length > 0 && (
        <View className="case-card__block">
          <Text className="case-card__subtitle">法定期限</Text>
          {deadlines.map((d) => (
            <Text key={d.kind} className={`deadline deadline--${d.state}`}>
              {deadlineText(d)}
            </Text>
          ))}
        </View>
      )}
      {report.calendarGap && <Text className="case-card__meta">{report.calendarGap}</Text>}

      {report.refund && (
        <View className="case-card__block">
          <Text className="case-card__subtitle">退款</Text>
          <Text className="case-card__line">
            责令退还您 {yuan(report.refund.ordered)}，已登记退款 {yuan(report.refund.recorded)}
          </Text>
          <Text className="case-card__line">{REFUND_STATUS_LABELS[report.refund.status]}</Text>
          {report.refund.status === 'recorded' && (
            <Button
              className={`case-card__action${busy ? ' case-card__action--off' : ''}`}
              disabled={busy}
              onClick={() => act(() => onConfirm(report))}
            >
              确认已收到退款
            </Button>
          )}
        </View>
      )}

      <View className="case-card__block">
        <Text className="case-card__subtitle">办理进度</Text>
        {report.timeline.map((e) => (
          <View key={e.seq} className="step">
            <Text className="step__at">{e.at.slice(0, 10)}</Text>
            <Text className="step__label">{STEP_LABELS[e.action] ?? e.action}</Text>
          </View>
        ))}
      </View>

      {report.rating ? (
        <Text className="case-card__line">
          您的评价：{'★'.repeat(report.rating.stars)}
          {report.rating.comment ? ` ${report.rating.comment}` : ''}
        </Text>
      ) : (
        FINISHED_STATES.has(report.state) && (
          <View className="case-card__block">
            <Text className="case-card__subtitle">评价处理情况</Text>
            <View className="stars">
              {STARS.map((n) => (
                <Text
                  key={n}
                  className={`stars__star${n <= stars ? ' stars__star--on' : ''}`}
                  onClick={() => setStars(n)}
                >
                  {n <= stars ? '★' : '☆'}
                </Text>
              ))}
            </View>
            <Textarea
              className="case-card__comment"
              value={comment}
              maxlength={500}
              placeholder="对处理过程的意见（选填）"
              onInput={(e) => setComment(e.detail.value)}
            />
            <Button
              className={`case-card__action${busy || stars === 0 ? ' case-card__action--off' : ''}`}
              disabled={busy || stars === 0}
              onClick={() => act(() => onRate(report, stars, comment))}
            >
              提交评价
            </Button>
          </View>
        )
      )}
    </View>
  );
}
