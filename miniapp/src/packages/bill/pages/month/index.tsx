import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { TenantMonthSheet } from '@zgd/shared-types';
import { useEffect, useState } from 'react';
import { periodLabel } from '../../../../services/format';
import { newReportUrl } from '../../../../services/links';
import { fetchMonthSheet } from '../../../../services/months-api';
import { Findings } from '../../components/findings';
import { FormulaSheet } from '../../components/formula-sheet';
import { GridBill } from '../../components/grid-bill';
import { MyCharges } from '../../components/my-charges';
import { PriceChart } from '../../components/price-chart';
import { RefundParts } from '../../components/refund-parts';
import { VerdictBanner } from '../../components/verdict-banner';
import { usePriceHistory } from '../../use-price-history';
import './index.scss';

const RULES_PAGE = '/packages/rules/pages/index/index';
const DECLARE_PAGE = '/packages/declare/pages/new/index';

type Load =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; sheet: TenantMonthSheet };

/** One supply month: the verdict, the grid bill, my charges, findings, refund and formulas. */
export default function MonthPage() {
  const { params } = useRouter();
  const accountNo = params.accountNo ?? '';
  const period = params.period ?? '';
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const sheet = load.state === 'ready' ? load.sheet : null;
  const history = usePriceHistory(sheet);

  useEffect(() => {
    if (!accountNo || !period) {
      setLoad({ state: 'failed', message: '缺少户号或月份，请从首页进入' });
      return;
    }
    Taro.setNavigationBarTitle({ title: `${periodLabel(period)}核查结果` }).catch(() => undefined);
    let active = true;
    fetchMonthSheet(accountNo, period)
      .then((loaded) => active && setLoad({ state: 'ready', sheet: loaded }))
      .catch((error: Error) => active && setLoad({ state: 'failed', message: error.message }));
    return () => {
      active = false;
    };
  }, [accountNo, period]);

  if (load.state !== 'ready') {
    return (
      <View className="month">
        <Text className={`month__placeholder month__placeholder--${load.state}`}>
          {load.state === 'loading' ? '正在加载…' : load.message}
        </Text>
      </View>
    );
  }

  const entityName = load.sheet.entity.name ?? load.sheet.entity.id;
  return (
    <View className="month">
      <VerdictBanner
        verdict={load.sheet.verdict}
        subtitle={`${periodLabel(load.sheet.period)} · ${entityName} · 户号 ${load.sheet.accountNo}`}
        onReport={() => Taro.navigateTo({ url: newReportUrl(accountNo, period) })}
      />
      <GridBill sheet={load.sheet} />
      <MyCharges sheet={load.sheet} />
      <Findings sheet={load.sheet} />
      <RefundParts sheet={load.sheet} />
      <FormulaSheet sheet={load.sheet} />
      <PriceChart points={history.points} loading={history.loading} current={load.sheet.period} />
      <View className="month__links">
        <Text className="month__link" onClick={() => Taro.navigateTo({ url: RULES_PAGE })}>
          查看电价与收费规则 ›
        </Text>
        <Text
          className="month__link"
          onClick={() =>
            Taro.navigateTo({ url: `${DECLARE_PAGE}?accountNo=${accountNo}&period=${period}` })
          }
        >
          申报我实际支付的电费 ›
        </Text>
        <Text className="month__computed">核算时间 {load.sheet.computedAt.slice(0, 10)}</Text>
      </View>
    </View>
  );
}
