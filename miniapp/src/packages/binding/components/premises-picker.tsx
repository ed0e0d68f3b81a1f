import { Button, Input, Text, View } from '@tarojs/components';
import type { PremisesView } from '@zgd/shared-types';
import { useState } from 'react';
import { isWeapp } from '../../../services/auth-api';
import { premisesByCode, premisesByName } from '../../../services/bindings-api';
import { scanCode } from '../../../services/device';
import { periodLabel } from '../../../services/format';

type Search =
  | { state: 'idle' }
  | { state: 'busy' }
  | { state: 'done'; found: PremisesView[] }
  | { state: 'failed'; message: string };

/**
 * Finds the premises: by the charging entity's code (scanned in WeChat, typed on H5: its
 * 统一社会信用代码 or the grid account number), or by part of its name.
 */
export function PremisesPicker({
  chosen,
  onChoose,
}: {
  chosen: PremisesView | null;
  onChoose: (p: PremisesView) => void;
}) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [search, setSearch] = useState<Search>({ state: 'idle' });

  const run = async (find: () => Promise<PremisesView[]>) => {
    setSearch({ state: 'busy' });
    try {
      const found = await find();
      setSearch({ state: 'done', found });
      if (found.length === 1) onChoose(found[0]);
    } catch (e) {
      setSearch({ state: 'failed', message: (e as Error).message });
    }
  };
  const scan = async () => {
    const scanned = await scanCode();
    if (scanned) await run(() => premisesByCode(scanned));
  };

  return (
    <View className="picker">
      {isWeapp() ? (
        <Button className="picker__scan" onClick={scan}>
          扫描收费主体的二维码
        </Button>
      ) : (
        <View className="field">
          <Text className="field__label">收费主体代码或户号</Text>
          <View className="field__row">
            <Input
              className="field__input"
              value={code}
              placeholder="收费主体的统一社会信用代码或电网户号"
              onInput={(e) => setCode(e.detail.value)}
            />
            <Button
              className={`field__button${code.trim() ? '' : ' field__button--off'}`}
              disabled={!code.trim()}
              onClick={() => run(() => premisesByCode(code))}
            >
              查找
            </Button>
          </View>
        </View>
      )}
      <View className="field">
        <Text className="field__label">或按名称搜索</Text>
        <View className="field__row">
          <Input
            className="field__input"
            value={name}
            placeholder="房东、物业或园区名称，至少 2 个字"
            onInput={(e) => setName(e.detail.value)}
          />
          <Button
            className={`field__button${name.trim().length < 2 ? ' field__button--off' : ''}`}
            disabled={name.trim().length < 2}
            onClick={() => run(() => premisesByName(name))}
          >
            搜索
          </Button>
        </View>
      </View>
      {search.state === 'busy' && <Text className="picker__note">正在查找…</Text>}
      {search.state === 'failed' && (
        <Text className="picker__note picker__note--bad">{search.message}</Text>
      )}
      {search.state === 'done' && search.found.length === 0 && (
        <Text className="picker__note">没有找到，请核对代码或换个名称再试</Text>
      )}
      {search.state === 'done' &&
        search.found.map((p) => {
          const selected = chosen?.entityId === p.entityId && chosen.accountNo === p.accountNo;
          return (
            <View
              key={`${p.entityId}/${p.accountNo}`}
              className={`premises-option${selected ? ' premises-option--chosen' : ''}`}
              onClick={() => onChoose(p)}
            >
              <Text className="premises-option__name">{p.entityName}</Text>
              <Text className="premises-option__meta">
                户号 {p.accountNo} · {p.premisesAddress}
              </Text>
              {p.latestPeriod && (
                <Text className="premises-option__meta">
                  最近上报：{periodLabel(p.latestPeriod)}
                </Text>
              )}
              {selected && <Text className="premises-option__check">已选择</Text>}
            </View>
          );
        })}
    </View>
  );
}
