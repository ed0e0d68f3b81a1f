import { Text, View } from '@tarojs/components';
import type { FindingView, TenantMonthSheet } from '@zgd/shared-types';
import { periodLabel, yuan } from '../../../services/format';
import { FINDING_LABELS } from '../../../services/labels';
import { Section } from './section';

/** "单价 1.20000 元/千瓦时连续 4 个月未变 …" from a FIXED_PRICE finding's basis, if it has one. */
function fixedPriceDetail(basis: Record<string, unknown>): string | null {
  const { unitPrice, months } = basis;
  if (typeof unitPrice !== 'string' || !Array.isArray(months) || months.length === 0) return null;
  const avgs = months
    .filter((m): m is { period: string; avgRounded4: string } => {
      const r = m as Record<string, unknown>;
      return typeof r?.period === 'string' && typeof r?.avgRounded4 === 'string';
    })
    .map((m) => `${periodLabel(m.period)} ${m.avgRounded4}`);
  return (
    `您的单价 ${unitPrice} 元/千瓦时连续 ${months.length} 个月未变，` +
    `同期平均结算价：${avgs.join('、')}`
  );
}

function scopeNote(finding: FindingView): string | null {
  if (finding.type === 'TARIFF_MISMATCH') return '电网侧差异，不计入您的应退金额';
  if (finding.tenantId === null && finding.amount !== null) {
    return '整个电网户号（全部租户）合计的金额，您的份额已计入应退金额';
  }
  return null;
}

/** 核查结果: every finding about this tenant's month, in words, with its amount. */
export function Findings({ sheet }: { sheet: TenantMonthSheet }) {
  return (
    <Section title="核查结果">
      {sheet.findings.length === 0 ? (
        <Text className="section__empty">未发现问题。</Text>
      ) : (
        sheet.findings.map((finding) => {
          const { title, explain } = FINDING_LABELS[finding.type] ?? {
            title: finding.type,
            explain: '',
          };
          const detail = finding.type === 'FIXED_PRICE' ? fixedPriceDetail(finding.basis) : null;
          const note = scopeNote(finding);
          return (
            <View key={`${finding.type}-${finding.tenantId ?? 'all'}`} className="finding">
              <View className="finding__head">
                <Text className="finding__title">{title}</Text>
                <Text
                  className={`finding__amount${finding.amount === null ? ' finding__amount--none' : ''}`}
                >
                  {finding.amount !== null ? yuan(finding.amount) : '—'}
                </Text>
              </View>
              <Text className="finding__explain">{explain}</Text>
              {detail && <Text className="finding__detail">{detail}</Text>}
              {note && <Text className="finding__scope">{note}</Text>}
            </View>
          );
        })
      )}
    </Section>
  );
}
