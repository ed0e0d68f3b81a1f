import { Button, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { isServiceAvailable } from '../../services/health-api';
import './index.scss';

type ServiceStatus = 'checking' | 'up' | 'down';

const STATUS_TEXT: Record<ServiceStatus, string> = {
  checking: '正在检查服务状态…',
  up: '服务正常',
  down: '服务暂不可用',
};

/** Entries for the features later releases add; shown now so users know what is coming. */
const UPCOMING_FEATURES = [
  { label: '绑定企业', hint: '用统一社会信用代码绑定您承租的经营场所' },
  { label: '我的举报', hint: '查看举报的受理与处理进度' },
  { label: '电价与规则', hint: '政府定价与转供电收费规定' },
] as const;

export default function IndexPage() {
  const [status, setStatus] = useState<ServiceStatus>('checking');

  useEffect(() => {
    let active = true;
    isServiceAvailable().then((up) => {
      if (active) setStatus(up ? 'up' : 'down');
    });
    return () => {
      active = false;
    };
  }, []);

  return (
    <View className="home">
      <View className="home__hero">
        <Text className="home__title">转供电费用核查</Text>
        <Text className="home__intro">
          查看房东/物业向电网缴纳的电费、政府定价、您被收取的电费，判断是否多收，一键举报
        </Text>
        <View className={`home__status home__status--${status}`}>
          <View className="home__status-dot" />
          <Text className="home__status-text">{STATUS_TEXT[status]}</Text>
        </View>
      </View>

      <View className="home__section">
        <Text className="home__section-title">服务功能</Text>
        {UPCOMING_FEATURES.map(({ label, hint }) => (
          <Button key={label} className="feature" disabled>
            <View className="feature__body">
              <Text className="feature__label">{label}</Text>
              <Text className="feature__hint">{hint}</Text>
            </View>
            <Text className="feature__badge">即将上线</Text>
          </Button>
        ))}
      </View>

      <Text className="home__note">在线举报上线前，可拨打 12315 反映转供电收费问题。</Text>
    </View>
  );
}
