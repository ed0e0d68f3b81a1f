import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { Me, TenantMonthSummary, VerdictLevel } from '@zgd/shared-types';
import { useEffect, useState } from 'react';
import { fetchMe, isWeapp, logout } from '../../services/auth-api';
import { isServiceAvailable } from '../../services/health-api';
import { BIND_PAGE, BINDINGS_PAGE, MY_REPORTS_PAGE } from '../../services/links';
import { fetchMyMonths } from '../../services/months-api';
import { getToken, LOGIN_PAGE } from '../../services/session';
import { MonthList } from './month-list';
import './index.scss';

export const RULES_PAGE = '/packages/rules/pages/index/index';
export const DECLARATIONS_PAGE = '/packages/declare/pages/index/index';

type ServiceStatus = 'checking' | 'up' | 'down';

const STATUS_TEXT: Record<ServiceStatus, string> = {
  checking: '正在检查服务…',
  up: '服务正常',
  down: '服务暂不可用',
};

type Load =
  | { state: 'loading' }
  | { state: 'signed-out' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; me: Me; months: TenantMonthSummary[] };

async function loadHome(): Promise<Load> {
  const me = await fetchMe();
  // A WeChat user with no bound firm has no months yet; do not ask for them.
  const months = me.tenantId ? await fetchMyMonths() : [];
  return { state: 'ready', me, months };
}

function useServiceStatus(): ServiceStatus {
  const [status, setStatus] = useState<ServiceStatus>('checking');
  useEffect(() => {
    let active = true;
    isServiceAvailable().then((up) => active && setStatus(up ? 'up' : 'down'));
    return () => {
      active = false;
    };
  }, []);
  return status;
}

export default function IndexPage() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const status = useServiceStatus();

  // Loaded each time the page shows: coming back from binding a firm shows its months.
  useDidShow(() => {
    if (!getToken()) {
      // WeChat signs in silently on the login page; on H5 the visitor chooses to sign in.
      if (isWeapp()) Taro.reLaunch({ url: LOGIN_PAGE });
      else setLoad({ state: 'signed-out' });
      return;
    }
    loadHome()
      .then(setLoad)
      .catch((error: Error) => setLoad({ state: 'failed', message: error.message }));
  });

  const switchAccount = async () => {
    await logout().catch(() => undefined);
    Taro.reLaunch({ url: LOGIN_PAGE });
  };

  return (
    <View className="home">
      <View className="home__hero">
        <Text className="home__title">转供电费用核查</Text>
        {load.state === 'ready' ? (
          <View className="home__firm">
            <Text className="home__firm-name">{load.me.displayName}</Text>
            {load.me.tenantId && (
              <Text className="home__firm-id">统一社会信用代码 {load.me.tenantId}</Text>
            )}
          </View>
        ) : (
          <Text className="home__intro">
            核对房东/物业向电网缴纳的电费、政府定价和您被收取的电费，判断是否多收
          </Text>
        )}
      </View>

      <View className="home__section">
        <HomeBody load={load} />
      </View>

      <View className="home__section">
        <Text className="home__section-title">更多服务</Text>
        <View className="entry" onClick={() => Taro.navigateTo({ url: RULES_PAGE })}>
          <View className="entry__body">
            <Text className="entry__label">电价与规则</Text>
            <Text className="entry__hint">政府定价、峰谷时段，房东能收什么、不能收什么</Text>
          </View>
          <Text className="entry__arrow">›</Text>
        </View>
        <View className="entry" onClick={() => Taro.navigateTo({ url: DECLARATIONS_PAGE })}>
          <View className="entry__body">
            <Text className="entry__label">申报实际电费</Text>
            <Text className="entry__hint">按账单填写实际支付的电费，用电网账单核对</Text>
          </View>
          <Text className="entry__arrow">›</Text>
        </View>
        <View className="entry" onClick={() => Taro.navigateTo({ url: MY_REPORTS_PAGE })}>
          <View className="entry__body">
            <Text className="entry__label">我的举报</Text>
            <Text className="entry__hint">受理与处理进度、法定期限、退款确认与评价</Text>
          </View>
          <Text className="entry__arrow">›</Text>
        </View>
        <View className="entry" onClick={() => Taro.navigateTo({ url: BINDINGS_PAGE })}>
          <View className="entry__body">
            <Text className="entry__label">我的企业</Text>
            <Text className="entry__hint">绑定或解绑您承租的经营场所</Text>
          </View>
          <Text className="entry__arrow">›</Text>
        </View>
      </View>

      <View className="home__footer">
        <Text className="home__note">
          发现多收电费，可在月度核查结果页一键举报，也可拨打 12315 反映。
        </Text>
        <View className="home__meta">
          <View className={`home__status home__status--${status}`}>
            <View className="home__status-dot" />
            <Text>{STATUS_TEXT[status]}</Text>
          </View>
          {load.state === 'ready' && (
            <Button className="home__switch" onClick={switchAccount}>
              退出登录
            </Button>
          )}
        </View>
      </View>
    </View>
  );
}

function HomeBody({ load }: { load: Load }) {
  if (load.state === 'loading') return <Text className="home__placeholder">正在加载…</Text>;
  if (load.state === 'signed-out') {
    return (
      <View className="empty">
        <Text className="empty__title">登录后查看核查结果</Text>
        <Text className="empty__text">
          登录后可以看到房东/物业每月向您收取的电费是否合规、多收了多少、应退多少。
        </Text>
        <Button className="empty__action" onClick={() => Taro.navigateTo({ url: LOGIN_PAGE })}>
          登录
        </Button>
      </View>
    );
  }
  if (load.state === 'failed') {
    return <Text className="home__placeholder home__placeholder--error">{load.message}</Text>;
  }
  if (!load.me.tenantId) {
    return (
      <View className="empty">
        <Text className="empty__title">尚未绑定企业</Text>
        <Text className="empty__text">
          用统一社会信用代码绑定您承租的经营场所，并用最近一个月的用电量验证，即可查看每月电费核查结果。
        </Text>
        <Button className="empty__action" onClick={() => Taro.navigateTo({ url: BIND_PAGE })}>
          绑定企业
        </Button>
      </View>
    );
  }
  if (load.months.length === 0) {
    return (
      <View className="empty">
        <Text className="empty__title">暂无核查结果</Text>
        <Text className="empty__text">
          房东/物业上报收费并与电网账单核对后，每月结果会显示在这里。
        </Text>
      </View>
    );
  }
  return (
    <>
      <Summary months={load.months} />
      <MonthList months={load.months} />
    </>
  );
}

const SUMMARY_ORDER: VerdictLevel[] = ['red', 'yellow', 'green'];
const SUMMARY_TEXT: Record<VerdictLevel, string> = { red: '多收', yellow: '有差异', green: '合规' };

/** "我的用电月份" with how many months are of each colour. */
function Summary({ months }: { months: readonly TenantMonthSummary[] }) {
  const counts = { red: 0, yellow: 0, green: 0 };
  for (const m of months) counts[m.verdict.level] += 1;
  return (
    <View className="summary">
      <Text className="home__section-title">我的用电月份</Text>
      <View className="summary__counts">
        {SUMMARY_ORDER.filter((level) => counts[level] > 0).map((level) => (
          <Text key={level} className={`summary__count summary__count--${level}`}>
            {SUMMARY_TEXT[level]} {counts[level]} 个月
          </Text>
        ))}
      </View>
    </View>
  );
}
