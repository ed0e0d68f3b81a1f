import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { TenantMonthSummary } from '@zgd/shared-types';
import { useMemo, useState } from 'react';
import { isPositive, periodLabel, yuan } from '../../services/format';
import { VERDICT_LABELS } from '../../services/labels';
import { groupByPremises, pageOfMonths } from './group-months';

export const MONTH_PAGE = '/packages/bill/pages/month/index';

export const monthUrl = (m: Pick<TenantMonthSummary, 'accountNo' | 'period'>) =>
  `${MONTH_PAGE}?accountNo=${encodeURIComponent(m.accountNo)}&period=${encodeURIComponent(m.period)}`;

/** What a card says beside the verdict: the overcharge for red, the gist otherwise. */
function cardAmount(month: TenantMonthSummary): string {
  const { level, refund } = month.verdict;
  if (level === 'red') return `多收 ${yuan(refund)}`;
  if (level === 'yellow') return isPositive(refund) ? `应退 ${yuan(refund)}` : '点击查看差异';
  return '未发现多收';
}

function MonthCard({ month }: { month: TenantMonthSummary }) {
  const { level } = month.verdict;
  return (
    <View
      className={`month-card month-card--${level}`}
      onClick={() => Taro.navigateTo({ url: monthUrl(month) })}
    >
      <View className="month-card__badge">
        <Text className="month-card__label">{VERDICT_LABELS[level]}</Text>
      </View>
      <View className="month-card__body">
        <Text className="month-card__period">{periodLabel(month.period)}</Text>
        <Text className="month-card__amount">{cardAmount(month)}</Text>
      </View>
      <Text className="month-card__arrow">›</Text>
    </View>
  );
}

/** The tenant's months grouped by premises, paged when there are more than PAGE_SIZE. */
export function MonthList({ months }: { months: readonly TenantMonthSummary[] }) {
  const groups = useMemo(() => groupByPremises(months), [months]);
  const [page, setPage] = useState(0);
  const shown = pageOfMonths(groups, page);
  const goTo = (next: number) => {
    setPage(next);
    Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  };

  return (
    <View className="month-list">
      {shown.groups.map((group) => (
        <View key={group.key} className="premises">
          <View className="premises__head">
            <Text className="premises__name">{group.entityName ?? group.entityId}</Text>
            <Text className="premises__account">电网户号 {group.accountNo}</Text>
          </View>
          {group.months.map((month) => (
            <MonthCard key={month.period} month={month} />
          ))}
        </View>
      ))}
      {shown.pageCount > 1 && (
        <View className="pager">
          <Button
            className="pager__button"
            disabled={shown.page === 0}
            onClick={() => goTo(shown.page - 1)}
          >
            上一页
          </Button>
          <Text className="pager__info">
            第 {shown.page + 1}/{shown.pageCount} 页 · 共 {shown.total} 个月
          </Text>
          <Button
            className="pager__button"
            disabled={shown.page >= shown.pageCount - 1}
            onClick={() => goTo(shown.page + 1)}
          >
            下一页
          </Button>
        </View>
      )}
    </View>
  );
}
