import { Text, View } from '@tarojs/components';
import type { DeclarationView, JudgedLine, SourceVerdict } from '@zgd/shared-types';
import { isPositive, trimZeros, yuan } from '../../../services/format';
import { CHARGE_ITEM_LABELS, TOU_LABELS, VERDICT_LABELS } from '../../../services/labels';

function lineName(l: JudgedLine): string {
  if (l.item !== 'energy') return CHARGE_ITEM_LABELS[l.item] ?? l.item;
  return `${TOU_LABELS[(l.tou ?? 'none') as keyof typeof TOU_LABELS]}电费`;
}

/** One source's verdict: the colour, the refund it implies and its lines as judged. */
function SourceColumn({ title, source }: { title: string; source: SourceVerdict | null }) {
  if (!source)
    return (
      <View className="source source--none">
        <Text className="source__title">{title}</Text>
        <Text className="source__empty">收费主体未上报该月份</Text>
      </View>
    );
  const { verdict } = source;
  return (
    <View className={`source source--${verdict.level}`}>
      <Text className="source__title">{title}</Text>
      <Text className="source__level">{VERDICT_LABELS[verdict.level]}</Text>
      <Text className="source__refund">
        {isPositive(verdict.refund) ? `应退 ${yuan(verdict.refund)}` : '无应退金额'}
      </Text>
      <Text className="source__total">合计 {yuan(source.total)}</Text>
      {source.lines.map((l, i) => (
        <View key={i} className="source__line">
          <Text className="source__line-name">{lineName(l)}</Text>
          <Text className="source__line-figures">
            {l.kwh ? `${trimZeros(l.kwh)} 千瓦时 × ${trimZeros(l.unitPrice ?? '')} = ` : ''}
            {yuan(l.amount)}
          </Text>
          {l.allowedAmount && (
            <Text className="source__line-allowed">允许 {yuan(l.allowedAmount)}</Text>
          )}
        </View>
      ))}
      {verdict.reasons.map((r) => (
        <Text key={r} className="source__reason">
          · {r}
        </Text>
      ))}
    </View>
  );
}

/** The tenant's declaration and the entity's report of the same month, judged alike. */
export function SideBySide({ view }: { view: DeclarationView }) {
  return (
    <View className="sides">
      <SourceColumn title="按您的申报" source={view.declared} />
      <SourceColumn title="按收费主体上报" source={view.reported} />
    </View>
  );
}

/** REPORT_MISMATCH: each differing field with both values. */
export function MismatchTable({ view }: { view: DeclarationView }) {
  if (!view.mismatch) return null;
  return (
    <View className="card mismatch">
      <Text className="card__title">与收费主体上报不一致</Text>
      <View className="mismatch__row mismatch__row--head">
        <Text className="mismatch__cell">项目</Text>
        <Text className="mismatch__cell">您申报</Text>
        <Text className="mismatch__cell">主体上报</Text>
      </View>
      {view.mismatch.basis.fields.map((f) => (
        <View key={f.field} className="mismatch__row">
          <Text className="mismatch__cell">{f.label}</Text>
          <Text className="mismatch__cell">{f.declared ?? '未列'}</Text>
          <Text className="mismatch__cell">{f.reported ?? '未列'}</Text>
        </View>
      ))}
      <Text className="card__note">
        已通知收费主体核对（不透露您的身份），收费主体可在答复期内说明。
      </Text>
    </View>
  );
}
