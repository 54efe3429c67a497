import { Dialog } from '@nutui/nutui-react-taro';
import type { ReactNode } from 'react';
import './index.scss';

interface ConfirmDialogProps {
  /** Open while a question is pending; null closes it. */
  readonly question: { title: string; content: ReactNode; confirmText: string } | null;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * NutUI's Dialog for a consequential step (停用 a member): the question in the page's own text size (大字模式
 * included), 取消 on the left and the action on the right in red, like WeChat's own dialogs.
 */
export function ConfirmDialog({ question, onConfirm, onCancel }: ConfirmDialogProps) {
  return (
    <Dialog
      className="confirm-dialog"
      visible={!!question}
      title={question?.title}
      content={question?.content}
      confirmText={question?.confirmText ?? '确定'}
      cancelText="取消"
      closeOnOverlayClick={false}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
