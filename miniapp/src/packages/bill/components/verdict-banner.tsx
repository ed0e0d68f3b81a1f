import { Button, Text, View } from '@tarojs/components';
import type { Verdict } from '@zgd/shared-types';
import { isPositive, yuan } from '../../../services/format';
import { VERDICT_LABELS } from '../../../services/labels';

const HEADLINE: Record<Verdict['level'], string> = {
  red: '房东/物业多收了您的电费',
  yellow: '收费与规定存在差异',
  green: '未发现多收，收费合规',
};

/**
 * The big green / yellow / red verdict, like the grid's fee code, with the refund owed; a red
 * or yellow month offers the one-click report.
 */
export function VerdictBanner({
  verdict,
  subtitle,
  onReport,
}: {
  verdict: Verdict;
  subtitle: string;
  onReport: () => void;
}) {
  const { level, refund, reasons } = verdict;
  return (
    <View className={`verdict verdict--${level}`}>
      <Text className="verdict__subtitle">{subtitle}</Text>
      <Text className="verdict__label">{VERDICT_LABELS[level]}</Text>
      <Text className="verdict__headline">{HEADLINE[level]}</Text>
      {isPositive(refund) && (
        <View className="verdict__refund">
          <Text className="verdict__refund-label">应退还您</Text>
          <Text className="verdict__refund-amount">{yuan(refund)}</Text>
        </View>
      )}
      {reasons.length > 0 && (
        <View className="verdict__reasons">
          {reasons.map((reason) => (
            <Text key={reason} className="verdict__reason">
              · {reason}
            </Text>
          ))}
        </View>
      )}
      {level !== 'green' && (
        <Button className="verdict__report" onClick={onReport}>
          一键举报
        </Button>
      )}
    </View>
  );
}
