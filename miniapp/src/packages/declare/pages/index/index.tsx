import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { DeclarationView } from '@zgd/shared-types';
import { useEffect, useState } from 'react';
import { periodLabel } from '../../../../services/format';
import { VERDICT_LABELS } from '../../../../services/labels';
import { DECLARE_PAGE, fetchDeclarations, RESULT_PAGE } from '../../declare-api';
import '../../declare.scss';

function badge(v: DeclarationView): { text: string; tone: string } {
  if (v.status === 'waiting') return { text: '等待电网账单', tone: 'waiting' };
  if (v.mismatch) return { text: '与主体上报不一致', tone: 'red' };
  const level = v.declared?.verdict.level ?? 'yellow';
  return { text: VERDICT_LABELS[level], tone: level };
}

/** The tenant's declarations, newest first, and a way to declare another month. */
export default function DeclarationListPage() {
  const [list, setList] = useState<DeclarationView[] | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    fetchDeclarations()
      .then(setList)
      .catch((e: Error) => setMessage(e.message));
  }, []);
  return (
    <View className="declare">
      <Button className="declare__submit" onClick={() => Taro.navigateTo({ url: DECLARE_PAGE })}>
        申报一个月份
      </Button>
      {message && <Text className="declare__message">{message}</Text>}
      {list?.length === 0 && <Text className="declare__placeholder">还没有申报</Text>}
      {list?.map((v) => {
        const b = badge(v);
        return (
          <View
            key={v.id}
            className="card declaration-card"
            onClick={() => Taro.navigateTo({ url: `${RESULT_PAGE}?id=${v.id}` })}
          >
            <Text className="declaration-card__title">
              {periodLabel(v.period)} · 户号 {v.accountNo}
            </Text>
            <Text className={`declaration-card__badge declaration-card__badge--${b.tone}`}>
              {b.text}
            </Text>
          </View>
        );
      })}
    </View>
  );
}
