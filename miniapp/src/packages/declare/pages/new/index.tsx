import { Button, Image, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { DeclarationBodyInput } from '@zgd/shared-types';
import { useMemo, useState } from 'react';
import { ApiError } from '../../../../services/api-error';
import { periodLabel } from '../../../../services/format';
import { CHARGE_ITEM_LABELS, TOU_LABELS } from '../../../../services/labels';
import { Field } from '../../components/field';
import {
  newIdempotencyKey,
  recentPeriods,
  RESULT_PAGE,
  submitDeclaration,
  uploadPhoto,
} from '../../declare-api';
import '../../declare.scss';

const TOUS: EnergyRow['tou'][] = ['none', 'peak', 'valley', 'flat', 'sharp', 'deep_valley'];
const ITEMS = Object.keys(CHARGE_ITEM_LABELS).filter((k) => k !== 'energy') as ItemRow['item'][];
const MAX_PHOTOS = 6;

type Body = DeclarationBodyInput;
type EnergyRow = Body['energy'][number];
type ItemRow = NonNullable<Body['items']>[number];
interface Photo {
  path: string;
  photoId: string;
}

const emptyEnergy = (tou: EnergyRow['tou'] = 'none'): EnergyRow => ({
  tou,
  kwh: '',
  unitPrice: '',
  amount: '',
});

/** The server's field messages by path (`body.energy.0.amount`). */
function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (error instanceof ApiError)
    for (const d of error.details ?? []) if (d.path) out[d.path] ??= d.message;
  return out;
}

/**
 * Declare a month: what the bill says (kWh, unit price, amount, other items) with photos of it.
 * The server judges it against the grid's bill; the result page shows both sources.
 */
export default function DeclarePage() {
  const { params } = useRouter();
  const periods = useMemo(() => recentPeriods(new Date()), []);
  const [key] = useState(newIdempotencyKey);
  const [accountNo, setAccountNo] = useState(params.accountNo ?? '');
  const [period, setPeriod] = useState(
    params.period && periods.includes(params.period) ? params.period : periods[1],
  );
  const [energy, setEnergy] = useState<EnergyRow[]>([emptyEnergy()]);
  const [items, setItems] = useState<ItemRow[]>([]);
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<'idle' | 'uploading' | 'sending'>('idle');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');

  const editEnergy = (i: number, change: Partial<EnergyRow>) =>
    setEnergy((rows) => rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const editItem = (i: number, change: Partial<ItemRow>) =>
    setItems((rows) => rows.map((r, j) => (j === i ? { ...r, ...change } : r)));

  const addPhotos = async () => {
    setMessage('');
    let chosen: string[];
    try {
      const r = await Taro.chooseImage({
        count: MAX_PHOTOS - photos.length,
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
      });
      chosen = r.tempFilePaths;
    } catch {
      return; // cancelled
    }
    setBusy('uploading');
    try {
      for (const path of chosen) {
        const uploaded = await uploadPhoto(path);
        setPhotos((list) =>
          list.some((p) => p.photoId === uploaded.photoId)
            ? list
            : [...list, { path, photoId: uploaded.photoId }],
        );
      }
    } catch (e) {
      setErrors((old) => ({ ...old, photos: (e as Error).message }));
    } finally {
      setBusy('idle');
    }
  };

  const submit = async () => {
    setBusy('sending');
    setErrors({});
    setMessage('');
    const body: DeclarationBodyInput = {
      idempotencyKey: key,
      accountNo: accountNo.trim(),
      period,
      energy,
      items: items.filter((r) => r.amount.trim() !== ''),
      photos: photos.map((p) => p.photoId),
      note,
    };
    try {
      const view = await submitDeclaration(body);
      await Taro.navigateTo({ url: `${RESULT_PAGE}?id=${view.id}` });
    } catch (e) {
      setErrors(fieldErrors(e));
      setMessage((e as Error).message);
    } finally {
      setBusy('idle');
    }
  };

  return (
    <View className="declare">
      <View className="declare__intro">
        <Text className="declare__title">申报我实际支付的电费</Text>
        <Text className="declare__hint">
          按账单或付款凭证填写。我们用电网公司的账单核对，并与收费主体上报的数据对照；您的申报不会透露给收费主体。
        </Text>
      </View>

      <View className="card">
        <Text className="card__title">户号与月份</Text>
        <Field
          label="电网户号"
          value={accountNo}
          onChange={setAccountNo}
          placeholder="收费主体的电网户号"
          error={errors['body.accountNo']}
        />
        <Picker
          mode="selector"
          range={periods.map(periodLabel)}
          value={periods.indexOf(period)}
          onChange={(e) => setPeriod(periods[Number(e.detail.value)])}
          className="declare__picker"
        >
          <View className="field__row">
            <Text className="field__label">月份</Text>
            <Text className="declare__picked">{periodLabel(period)} ›</Text>
          </View>
        </Picker>
        {errors['body.period'] && <Text className="field__error">{errors['body.period']}</Text>}
      </View>

      <View className="card">
        <Text className="card__title">电量电费</Text>
        {energy.map((row, i) => (
          <View key={i} className="declare__line">
            <Picker
              mode="selector"
              range={TOUS.map((t) => TOU_LABELS[t])}
              value={TOUS.indexOf(row.tou)}
              onChange={(e) => editEnergy(i, { tou: TOUS[Number(e.detail.value)] })}
              className="declare__picker"
            >
              <View className="field__row">
                <Text className="field__label">时段</Text>
                <Text className="declare__picked">{TOU_LABELS[row.tou]} ›</Text>
              </View>
            </Picker>
            <Field
              label="电量"
              unit="千瓦时"
              digits
              value={row.kwh}
              onChange={(kwh) => editEnergy(i, { kwh })}
              error={errors[`body.energy.${i}.kwh`]}
            />
            <Field
              label="单价"
              unit="元/千瓦时"
              digits
              value={row.unitPrice}
              onChange={(unitPrice) => editEnergy(i, { unitPrice })}
              error={errors[`body.energy.${i}.unitPrice`]}
            />
            <Field
              label="金额"
              unit="元"
              digits
              value={row.amount}
              onChange={(amount) => editEnergy(i, { amount })}
              error={errors[`body.energy.${i}.amount`]}
            />
            {energy.length > 1 && (
              <Text
                className="declare__remove"
                onClick={() => setEnergy((rows) => rows.filter((_, j) => j !== i))}
              >
                删除此行
              </Text>
            )}
          </View>
        ))}
        {energy.length < 6 && (
          <Text
            className="declare__add"
            onClick={() => setEnergy((rows) => [...rows, emptyEnergy('peak')])}
          >
            ＋ 增加分时段电费
          </Text>
        )}
      </View>

      <View className="card">
        <Text className="card__title">账单上的其他费用</Text>
        <Text className="card__note">线损、公摊、服务费、基础电费等，账单上有几项填几项</Text>
        {items.map((row, i) => (
          <View key={i} className="declare__line">
            <Picker
              mode="selector"
              range={ITEMS.map((k) => CHARGE_ITEM_LABELS[k])}
              value={ITEMS.indexOf(row.item)}
              onChange={(e) => editItem(i, { item: ITEMS[Number(e.detail.value)] })}
              className="declare__picker"
            >
              <View className="field__row">
                <Text className="field__label">费用</Text>
                <Text className="declare__picked">{CHARGE_ITEM_LABELS[row.item]} ›</Text>
              </View>
            </Picker>
            <Field
              label="金额"
              unit="元"
              digits
              value={row.amount}
              onChange={(amount) => editItem(i, { amount })}
              error={errors[`body.items.${i}.amount`]}
            />
            <Text
              className="declare__remove"
              onClick={() => setItems((rows) => rows.filter((_, j) => j !== i))}
            >
              删除此项
            </Text>
          </View>
        ))}
        <Text
          className="declare__add"
          onClick={() => setItems((rows) => [...rows, { item: 'loss', amount: '' }])}
        >
          ＋ 增加一项费用
        </Text>
      </View>

      <View className="card">
        <Text className="card__title">账单或付款凭证照片</Text>
        <View className="declare__photos">
          {photos.map((p) => (
            <Image key={p.photoId} className="declare__photo" src={p.path} mode="aspectFill" />
          ))}
          {photos.length < MAX_PHOTOS && (
            <View className="declare__photo declare__photo--add" onClick={addPhotos}>
              <Text>{busy === 'uploading' ? '上传中…' : '＋ 拍照/相册'}</Text>
            </View>
          )}
        </View>
        {(errors.photos || errors['body.photos.0']) && (
          <Text className="field__error">{errors.photos ?? errors['body.photos.0']}</Text>
        )}
        <Textarea
          className="declare__note"
          value={note}
          maxlength={500}
          placeholder="备注（选填）"
          onInput={(e) => setNote(e.detail.value)}
        />
      </View>

      {message && <Text className="declare__message">{message}</Text>}
      {/* A class, not `disabled`: Taro H5 keeps the attribute after the button is enabled. */}
      <Button
        className={`declare__submit${busy === 'idle' ? '' : ' declare__submit--off'}`}
        loading={busy === 'sending'}
        onClick={() => busy === 'idle' && submit()}
      >
        提交申报
      </Button>
    </View>
  );
}
