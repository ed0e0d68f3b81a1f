// Stand-ins for the Taro form components the declare pages use and the shared test stand-ins
// (test/taro-components.tsx) do not have: each renders the DOM element it behaves like on H5.
import type { ChangeEvent } from 'react';

type InputEvent = { detail: { value: string } };

export const Input = ({
  className,
  value,
  placeholder,
  onInput,
}: {
  className?: string;
  value?: string;
  placeholder?: string;
  onInput?: (e: InputEvent) => void;
}) => (
  <input
    className={className}
    value={value}
    aria-label={placeholder}
    onChange={(e: ChangeEvent<HTMLInputElement>) =>
      onInput?.({ detail: { value: e.target.value } })
    }
  />
);

export const Textarea = ({
  className,
  value,
  placeholder,
  onInput,
}: {
  className?: string;
  value?: string;
  placeholder?: string;
  onInput?: (e: InputEvent) => void;
}) => (
  <textarea
    className={className}
    value={value}
    aria-label={placeholder}
    onChange={(e: ChangeEvent<HTMLTextAreaElement>) =>
      onInput?.({ detail: { value: e.target.value } })
    }
  />
);

export const Image = ({ className, src }: { className?: string; src: string }) => (
  <img className={className} src={src} alt="" />
);
