import { Button } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

interface ActionButtonProps {
  children: ReactNode;
  onClick(): void;
  /** primary: filled red; secondary: red outline; plain: grey outline. */
  kind?: 'primary' | 'secondary' | 'plain';
  /** Shows a spinner and ignores taps (repeat taps while a request runs). */
  busy?: boolean;
  disabled?: boolean;
  className?: string;
}

export function ActionButton({ children, onClick, kind = 'primary', busy, disabled, className }: ActionButtonProps) {
  const inactive = !!busy || !!disabled;
  return (
    <Button
      className={`action-button action-button--${kind}${inactive ? ' action-button--inactive' : ''} ${className ?? ''}`}
      // Only set when true: on H5 a `disabled="false"` attribute still matches [disabled] styles.
      disabled={inactive || undefined}
      loading={busy || undefined}
      onClick={() => {
        if (!inactive) onClick();
      }}
    >
      {children}
    </Button>
  );
}
