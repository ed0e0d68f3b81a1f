import { Input, Text, View } from '@tarojs/components';

/** A labelled input with the server's message for it underneath. */
export function Field({
  label,
  value,
  onChange,
  placeholder,
  unit,
  error,
  digits,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  unit?: string;
  error?: string;
  /** A decimal keyboard on the phone. */
  digits?: boolean;
}) {
  return (
    <View className={`field${error ? ' field--error' : ''}`}>
      <View className="field__row">
        <Text className="field__label">{label}</Text>
        <Input
          className="field__input"
          value={value}
          type={digits ? 'digit' : 'text'}
          placeholder={placeholder ?? label}
          onInput={(e) => onChange(e.detail.value)}
        />
        {unit && <Text className="field__unit">{unit}</Text>}
      </View>
      {error && <Text className="field__error">{error}</Text>}
    </View>
  );
}
