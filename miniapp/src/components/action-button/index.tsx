import { Button } from '@nutui/nutui-react-taro';
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

const LOOK = {
  primary: { type: 'primary', fill: 'solid' },
  secondary: { type: 'primary', fill: 'outline' },
  plain: { type: 'default', fill: 'outline' },
} as const;

/**
 * NutUI's Button at one size for the whole app (48 px high, full width: an easy target for older thumbs),
 * with our three kinds. A busy or disabled button ignores taps itself, not just by looking grey.
 */
export function ActionButton({ children, onClick, kind = 'primary', busy, disabled, className }: ActionButtonProps) {
  const inactive = !!busy || !!disabled;
  return (
    <Button
      {...LOOK[kind]}
      block
      size="large"
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
