import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { DeclarationView } from '@zgd/shared-types';
import { useEffect, useState } from 'react';
import { periodLabel } from '../../../../services/format';
import { newReportUrl } from '../../../../services/links';
import { MismatchTable, SideBySide } from '../../components/side-by-side';
import { fetchDeclaration, LIST_PAGE } from '../../declare-api';
import '../../declare.scss';

type Load =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; view: DeclarationView };

/**
 * A red or yellow month may be reported from here, the entity's report or not: a month it never
 * reported is reported on the declaration alone.
 */
const reportable = (view: DeclarationView) =>
  [view.declared, view.reported].some((s) => s && s.verdict.level !== 'green');

/** A declaration's verdict: waiting for the grid bill, or both sources side by side. */
export default function DeclarationResultPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    if (!id) {
      setLoad({ state: 'failed', message: '缺少申报编号，请从“我的申报”进入' });
      return;
    }
    let active = true;
    fetchDeclaration(id)
      .then((view) => active && setLoad({ state: 'ready', view }))
      .catch((e: Error) => active && setLoad({ state: 'failed', message: e.message }));
    return () => {
      active = false;
    };
  }, [id]);

  if (load.state !== 'ready')
    return (
      <View className="declare">
        <Text className={`declare__placeholder declare__placeholder--${load.state}`}>
          {load.state === 'loading' ? '正在加载…' : load.message}
        </Text>
      </View>
    );

  const { view } = load;
  const entity = view.entity?.name ?? view.entity?.id ?? '收费主体';
  return (
    <View className="declare">
      <View className="declare__intro">
        <Text className="declare__title">
          {periodLabel(view.period)} · 户号 {view.accountNo}
        </Text>
        <Text className="declare__hint">{view.status === 'judged' ? entity : '等待核对'}</Text>
      </View>
      {view.status === 'waiting' ? (
        <View className="card waiting">
          <Text className="waiting__title">等待电网账单</Text>
          <Text className="waiting__text">{view.statusMessage}</Text>
        </View>
      ) : (
        <>
          {view.grid && (
            <Text className="declare__grid">
              电网账单 {view.grid.G} 元 · 平均结算价 {view.grid.avg} 元/千瓦时
            </Text>
          )}
          <SideBySide view={view} />
          <MismatchTable view={view} />
        </>
      )}
      {view.entityAnswers.length > 0 && (
        <View className="card">
          <Text className="card__title">收费主体的答复</Text>
          {view.entityAnswers.map((a) => (
            <Text key={a.at} className="declare__answer">
              {a.at.slice(0, 10)}：{a.statement}
            </Text>
          ))}
        </View>
      )}
      {reportable(view) && (
        <Text
          className="declare__add"
          onClick={() =>
            Taro.navigateTo({
              url: `${newReportUrl(view.accountNo, view.period)}&declaration=${view.id}`,
            })
          }
        >
          一键举报（举报材料附本次申报）›
        </Text>
      )}
      <Text className="declare__photos-note">已附照片 {view.photos.length} 张</Text>
      <Text className="declare__add" onClick={() => Taro.navigateTo({ url: LIST_PAGE })}>
        查看我的全部申报 ›
      </Text>
    </View>
  );
}
