import { Input, Text, View } from '@tarojs/components';
import type { ReportDraft } from '../../../services/report-draft';

const CHOICES = [
  {
    realName: true,
    label: '实名举报',
    explain:
      '留下姓名和电话。市场监管部门会在法定期限内告知您是否立案，并可联系您核实情况。您的身份对被举报的房东/物业保密。',
  },
  {
    realName: false,
    label: '匿名举报',
    explain:
      '不留姓名和电话。举报同样会被受理和核查，但不会有人联系您、也不会告知您处理结果（可在“我的举报”中查看进度）。',
  },
] as const;

/** Real-name or anonymous, with what each means in plain words. */
export function IdentityChoice({
  draft,
  locked,
  onChange,
}: {
  draft: ReportDraft;
  locked: boolean;
  onChange: (change: Partial<ReportDraft>) => void;
}) {
  return (
    <View className="report__card">
      <Text className="report__title">举报方式</Text>
      {CHOICES.map((c) => (
        <View
          key={c.label}
          className={`choice${draft.realName === c.realName ? ' choice--on' : ''}`}
          onClick={() => !locked && onChange({ realName: c.realName })}
        >
          <Text className="choice__label">
            {draft.realName === c.realName ? '● ' : '○ '}
            {c.label}
          </Text>
          <Text className="choice__explain">{c.explain}</Text>
        </View>
      ))}
      {draft.realName && (
        <View className="identity">
          <Input
            className="identity__input"
            value={draft.reporterName}
            disabled={locked}
            placeholder="您的姓名"
            onInput={(e) => onChange({ reporterName: e.detail.value })}
          />
          <Input
            className="identity__input"
            type="number"
            value={draft.reporterPhone}
            disabled={locked}
            placeholder="手机号或带区号的固定电话"
            onInput={(e) => onChange({ reporterPhone: e.detail.value })}
          />
        </View>
      )}
    </View>
  );
}
