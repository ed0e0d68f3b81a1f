import { Text, View } from '@tarojs/components';
import type {
  DeclarationView,
  FindingView,
  TenantMonthSheet,
  VerdictLevel,
} from '@zgd/shared-types';
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
      <Findings findings={sheet.findings} />
      <Text className="report__note">
        提交后，系统会将这些月份的核查结果（电网账单、政府定价、您的收费明细与计算过程）原样封存作为证据。
      </Text>
    </View>
  );
}

/**
 * The tenant's own judged declaration of the month: the whole evidence of a month the entity
 * never reported, and beside its sheet where it did (the server freezes both).
 */
export function DeclarationEvidence({
  view,
  alone,
}: {
  view: DeclarationView;
  /** The entity reported nothing for the month: this is what the report is about. */
  alone: boolean;
}) {
  if (!view.declared) return null;
  const { level, refund } = view.declared.verdict;
  const photos = view.photos.length ? `和 ${view.photos.length} 张照片` : '';
  return (
    <View className="report__card">
      <Text className="report__title">{alone ? '举报事项' : '您的申报'}</Text>
      {alone && (
        <Text className="report__line">
          收费主体：{view.entity?.name ?? view.entity?.id ?? '—'}（户号 {view.accountNo}）
        </Text>
      )}
      <Text className={`report__verdict report__verdict--${level}`}>
        {periodLabel(view.period)}（按您的申报）：{VERDICT_LABELS[level]}
        {isPositive(refund) ? `，应退还您 ${yuan(refund)}` : ''}
      </Text>
      <Findings findings={view.declared.findings} />
      {view.mismatch && <Text className="report__finding">· 与收费主体上报的数据不一致</Text>}
      <Text className="report__note">
        {alone ? '收费主体未上报该月份。' : ''}提交后，您的申报（填写的电费、电网账单核对结果
        {photos}）会一并原样封存作为证据。
      </Text>
    </View>
  );
}

function Findings({ findings }: { findings: readonly FindingView[] }) {
  return (
    <>
      {findings.map((f) => (
        <Text key={`${f.type}-${f.tenantId ?? 'all'}`} className="report__finding">
          · {FINDING_LABELS[f.type]?.title ?? f.type}
          {f.amount !== null ? ` ${yuan(f.amount)}` : ''}
        </Text>
      ))}
    </>
  );
}

/** A month that may be reported, coloured by its verdict. */
export interface MonthOption {
  period: string;
  level: VerdictLevel;
}

/** The months to report: the red and yellow months of these premises, newest first. */
export function MonthChoice({
  months,
  chosen,
  locked,
  onToggle,
}: {
  months: readonly MonthOption[];
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
              className={`chip chip--${m.level}${on ? ' chip--on' : ''}`}
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
