import { Text, View } from '@tarojs/components';
import type { TenantMonthSheet, TenantMonthSummary } from '@zgd/shared-types';
import { isPositive, periodLabel, yuan } from '../../../services/format';
import { FINDING_LABELS, VERDICT_LABELS } from '../../../services/labels';

/** What the report is about, prefilled from the month's findings (the server freezes them). */
export function ReportEvidence({ sheet }: { sheet: TenantMonthSheet }) {
  const { level, refund } = sheet.verdict;
  return (
    <View className="report__card">
      <Text className="report__title">举报事项</Text>
      <Text className="report__line">
        收费主体：{sheet.entity.name ?? sheet.entity.id}（户号 {sheet.accountNo}）
      </Text>
      <Text className={`report__verdict report__verdict--${level}`}>
        {periodLabel(sheet.period)}：{VERDICT_LABELS[level]}
        {isPositive(refund) ? `，应退还您 ${yuan(refund)}` : ''}
      </Text>
      {sheet.findings.map((f) => (
        <Text key={`${f.type}-${f.tenantId ?? 'all'}`} className="report__finding">
          · {FINDING_LABELS[f.type]?.title ?? f.type}
          {f.amount !== null ? ` ${yuan(f.amount)}` : ''}
        </Text>
      ))}
      <Text className="report__note">
        提交后，系统会将这些月份的核查结果（电网账单、政府定价、您的收费明细与计算过程）原样封存作为证据。
      </Text>
    </View>
  );
}

/** The months to report: the red and yellow months of these premises, newest first. */
export function MonthChoice({
  months,
  chosen,
  locked,
  onToggle,
}: {
  months: readonly TenantMonthSummary[];
  chosen: readonly string[];
  locked: boolean;
  onToggle: (period: string) => void;
}) {
  return (
    <View className="report__card">
      <Text className="report__title">举报月份</Text>
      <View className="chips">
        {months.map((m) => {
          const on = chosen.includes(m.period);
          return (
            <Text
              key={m.period}
              className={`chip chip--${m.verdict.level}${on ? ' chip--on' : ''}`}
              onClick={() => !locked && onToggle(m.period)}
            >
              {periodLabel(m.period)}
            </Text>
          );
        })}
      </View>
    </View>
  );
}
