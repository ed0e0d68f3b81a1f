// Stand-ins for @tarojs/components in tests (aliased in vitest.config.mts): each renders the
// DOM element its H5 counterpart behaves like, keeping the props tests look at.
import type { CSSProperties, MouseEventHandler, ReactNode } from 'react';

interface BaseProps {
  className?: string;
  style?: CSSProperties;
  children?: ReactNode;
  onClick?: MouseEventHandler;
  'aria-label'?: string;
}

export const View = ({ className, style, children, onClick, ...rest }: BaseProps) => (
  <div className={className} style={style} onClick={onClick} aria-label={rest['aria-label']}>
    {children}
  </div>
);

export const Text = ({ className, style, children, onClick }: BaseProps) => (
  <span className={className} style={style} onClick={onClick}>
    {children}
  </span>
);

export const Button = ({
  className,
  children,
  onClick,
  disabled,
  loading,
}: BaseProps & { disabled?: boolean; loading?: boolean }) => (
  <button
    type="button"
    className={className}
    onClick={onClick}
    disabled={disabled}
    data-loading={loading ? 'true' : undefined}
  >
    {children}
  </button>
);

/** A `mode="selector"` picker as a <select>; onChange gets Taro's `{ detail: { value } }`. */
export const Picker = ({
  className,
  children,
  range,
  value,
  onChange,
}: BaseProps & {
  mode?: 'selector';
  range: string[];
  value?: number;
  onChange?: (event: { detail: { value: number | string } }) => void;
}) => (
  <label className={className}>
    {children}
    <select
      value={value ?? 0}
      onChange={(e) => onChange?.({ detail: { value: Number(e.target.value) } })}
    >
      {range.map((option, i) => (
        <option key={option} value={i}>
          {option}
        </option>
      ))}
    </select>
  </label>
);

interface FieldProps extends BaseProps {
  value?: string;
  placeholder?: string;
  disabled?: boolean;
  maxlength?: number;
  type?: string;
  onInput?: (event: { detail: { value: string } }) => void;
}

/** An <input>; onInput gets Taro's `{ detail: { value } }`. */
export const Input = ({
  className,
  value,
  placeholder,
  disabled,
  maxlength,
  onInput,
}: FieldProps) => (
  <input
    className={className}
    value={value ?? ''}
    placeholder={placeholder}
    disabled={disabled}
    maxLength={maxlength}
    onChange={(e) => onInput?.({ detail: { value: e.target.value } })}
  />
);

export const Textarea = ({ className, value, placeholder, disabled, onInput }: FieldProps) => (
  <textarea
    className={className}
    value={value ?? ''}
    placeholder={placeholder}
    disabled={disabled}
    onChange={(e) => onInput?.({ detail: { value: e.target.value } })}
  />
);

export const Image = ({ className, src }: BaseProps & { src: string; mode?: string }) => (
  <img className={className} src={src} alt="" />
);
