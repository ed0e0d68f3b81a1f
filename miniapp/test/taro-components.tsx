// Stand-ins for @tarojs/components in tests (aliased in vitest.config.ts): each renders the
// DOM element its H5 counterpart behaves like, keeping the props tests look at.
import type { MouseEventHandler, ReactNode } from 'react';

interface BaseProps {
  className?: string;
  children?: ReactNode;
  onClick?: MouseEventHandler;
}

export const View = ({ className, children, onClick }: BaseProps) => (
  <div className={className} onClick={onClick}>
    {children}
  </div>
);

export const Text = ({ className, children, onClick }: BaseProps) => (
  <span className={className} onClick={onClick}>
    {children}
  </span>
);

export const Button = ({
  className,
  children,
  onClick,
  disabled,
}: BaseProps & { disabled?: boolean }) => (
  <button type="button" className={className} onClick={onClick} disabled={disabled}>
    {children}
  </button>
);
