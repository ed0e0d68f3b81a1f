import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { PremisesView } from '@zgd/shared-types';
import { useState } from 'react';
import { bindFirm } from '../../../../services/bindings-api';
import { periodLabel } from '../../../../services/format';
import { PremisesPicker } from '../../components/premises-picker';
import { judgeTyped, UsccField } from '../../components/uscc-field';
import '../../binding.scss';

import { BINDINGS_PAGE } from '../../../../services/links';

const KWH = /^\d{1,12}(\.\d{1,3})?$/;
const METER = /^[0-9A-Za-z-]{1,32}$/;

/**
 * 绑定企业: the firm's 统一社会信用代码 (checked as typed) and name, the premises (scanned or
 * searched), and the proof: the sub-meter number and the kWh of the latest month's bill.
 */
export default function BindPage() {
  const [tenantId, setTenantId] = useState('');
  const [tenantName, setTenantName] = useState('');
  const [premises, setPremises] = useState<PremisesView | null>(null);
  const [subMeterNo, setSubMeterNo] = useState('');
  const [latestKwh, setLatestKwh] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const kwh = latestKwh.trim();
  const ready =
    judgeTyped(tenantId).ok &&
    tenantName.trim().length >= 2 &&
    premises !== null &&
    METER.test(subMeterNo.trim()) &&
    KWH.test(kwh);

  const submit = async () => {
    if (!premises || !ready) return;
    setBusy(true);
    setError(null);
    try {
      await bindFirm({
        tenantId,
        tenantName: tenantName.trim(),
        entityId: premises.entityId,
        accountNo: premises.accountNo,
        subMeterNo: subMeterNo.trim(),
        latestKwh: kwh,
      });
      await Taro.showToast({ title: '绑定成功', icon: 'success' });
      await Taro.redirectTo({ url: BINDINGS_PAGE });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="binding">
      <View className="binding__card">
        <Text className="binding__step">1 您的企业</Text>
        <UsccField label="统一社会信用代码" value={tenantId} onChange={setTenantId} />
        <View className="field">
          <Text className="field__label">企业名称</Text>
          <Input
            className="field__input"
            value={tenantName}
            placeholder="与营业执照一致"
            onInput={(e) => setTenantName(e.detail.value)}
          />
        </View>
      </View>

      <View className="binding__card">
        <Text className="binding__step">2 经营场所</Text>
        <Text className="binding__hint">
          找到向您收取电费的房东、物业或园区（收费主体）及其电网户号。
        </Text>
        <PremisesPicker chosen={premises} onChoose={setPremises} />
      </View>

      <View className="binding__card">
        <Text className="binding__step">3 验证租户身份</Text>
        <Text className="binding__hint">
          {premises?.latestPeriod
            ? `请按收费主体给您的${periodLabel(premises.latestPeriod)}电费单填写。`
            : '请按收费主体给您的最近一个月电费单填写。'}
          用电量须与收费主体上报的一致（精确到 0.001 千瓦时）；每天最多验证失败 5 次。
        </Text>
        <View className="field">
          <Text className="field__label">分表编号</Text>
          <Input
            className="field__input"
            value={subMeterNo}
            placeholder="电表上的编号"
            onInput={(e) => setSubMeterNo(e.detail.value)}
          />
        </View>
        <View className="field">
          <Text className="field__label">最近一个月用电量（千瓦时）</Text>
          <Input
            className="field__input"
            type="digit"
            value={latestKwh}
            placeholder="如 3028 或 3028.5"
            onInput={(e) => setLatestKwh(e.detail.value)}
          />
          {kwh !== '' && !KWH.test(kwh) && (
            <Text className="field__hint field__hint--bad">用电量应为数字，最多 3 位小数</Text>
          )}
        </View>
      </View>

      {error && <Text className="binding__error">{error}</Text>}
      {/* No `loading` spinner: on H5 it inserts nodes React does not know of. */}
      <Button
        className={`binding__submit${!ready || busy ? ' binding__submit--off' : ''}`}
        disabled={!ready || busy}
        onClick={submit}
      >
        {busy ? '正在验证…' : '确认绑定'}
      </Button>
    </View>
  );
}
