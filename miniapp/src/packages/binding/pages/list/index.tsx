import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { BindingView } from '@zgd/shared-types';
import { useCallback, useState } from 'react';
import { fetchBindings, unbind } from '../../../../services/bindings-api';
import { periodLabel } from '../../../../services/format';
import '../../binding.scss';

import { BIND_PAGE } from '../../../../services/links';

type Load =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; bindings: BindingView[] };

/** 我的企业: the firms the user bound to premises, each with unbind; and a new binding. */
export default function BindingsPage() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  const refresh = useCallback(() => {
    fetchBindings()
      .then((bindings) => setLoad({ state: 'ready', bindings }))
      .catch((e: Error) => setLoad({ state: 'failed', message: e.message }));
  }, []);
  useDidShow(refresh);

  const remove = async (b: BindingView) => {
    const { confirm } = await Taro.showModal({
      title: '解绑企业',
      content: `解绑后将不再显示${b.tenantName}在${b.entityName ?? '该场所'}（户号 ${b.accountNo}）的电费核查结果，已提交的举报不受影响。`,
      confirmText: '解绑',
    });
    if (!confirm) return;
    try {
      await unbind(b.id);
      await Taro.showToast({ title: '已解绑', icon: 'success' });
    } catch (e) {
      await Taro.showToast({ title: (e as Error).message, icon: 'none' });
    }
    refresh();
  };

  return (
    <View className="binding">
      {load.state === 'loading' && <Text className="binding__note">正在加载…</Text>}
      {load.state === 'failed' && <Text className="binding__error">{load.message}</Text>}
      {load.state === 'ready' && load.bindings.length === 0 && (
        <Text className="binding__note">还没有绑定企业。绑定后即可查看每月电费核查结果。</Text>
      )}
      {load.state === 'ready' &&
        load.bindings.map((b) => (
          <View key={b.id} className="bound">
            <View className="bound__body">
              <Text className="bound__firm">{b.tenantName}</Text>
              <Text className="bound__meta">统一社会信用代码 {b.tenantId}</Text>
              <Text className="bound__meta">
                {b.entityName ?? b.entityId} · 户号 {b.accountNo} · 分表 {b.subMeterNo}
              </Text>
              <Text className="bound__meta">
                {periodLabel(b.provenPeriod)}用电量验证 · {b.boundAt.slice(0, 10)} 绑定
              </Text>
            </View>
            <Button className="bound__unbind" onClick={() => remove(b)}>
              解绑
            </Button>
          </View>
        ))}
      <Button className="binding__submit" onClick={() => Taro.navigateTo({ url: BIND_PAGE })}>
        绑定新企业
      </Button>
    </View>
  );
}
