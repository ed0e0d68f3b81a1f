import { SHANGHAI_DISTRICTS } from '@zgd/shared-types';
import { Select, type SelectProps } from 'antd';

/** Shanghai's districts as select options, by code. */
export const DISTRICT_OPTIONS = SHANGHAI_DISTRICTS.map((d) => ({ value: d.code, label: d.name }));

/**
 * A district filter: cleared, it means the whole city (全市). Labelled 区 unless told otherwise;
 * inside a Form.Item the form supplies value and onChange.
 */
export function DistrictSelect(props: Omit<SelectProps<string>, 'options'>) {
  return (
    <Select<string>
      aria-label="区"
      allowClear
      placeholder="全市"
      style={{ width: 160 }}
      options={DISTRICT_OPTIONS}
      {...props}
    />
  );
}
