import { Input, Text, View } from '@tarojs/components';
import { checkUscc, isUsccPrefix, USCC_LENGTH } from '@zgd/shared-types';

export type UsccState = { ok: boolean; message: string | null };

/** What to say about a code as typed: nothing yet, a problem, or that it checks out. */
export function judgeTyped(code: string): UsccState {
  if (code === '') return { ok: false, message: null };
  if (!isUsccPrefix(code))
    return {
      ok: false,
      message:
        code.length > USCC_LENGTH
          ? '统一社会信用代码应为18位'
          : '含有不允许的字符（只允许数字和除 I、O、S、V、Z 外的大写字母）',
    };
  if (code.length < USCC_LENGTH)
    return { ok: false, message: `还差 ${USCC_LENGTH - code.length} 位` };
  const r = checkUscc(code);
  return r.ok ? { ok: true, message: '校验通过' } : { ok: false, message: r.message };
}

/** A 统一社会信用代码 input, upper-cased as typed and checked to its check digit. */
export function UsccField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (code: string) => void;
}) {
  const state = judgeTyped(value);
  return (
    <View className="field">
      <Text className="field__label">{label}</Text>
      <Input
        className="field__input field__input--code"
        value={value}
        maxlength={USCC_LENGTH}
        placeholder="18 位，如 91310104JM5DLCRP3K"
        onInput={(e) => onChange(e.detail.value.trim().toUpperCase())}
      />
      {state.message && (
        <Text className={`field__hint field__hint--${state.ok ? 'ok' : 'bad'}`}>
          {state.message}
        </Text>
      )}
    </View>
  );
}
