import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Transfer } from '../../../../../shared/transfers/schemas';
import { newIdempotencyKey } from '../../../api/client';
import { transfersApi } from '../../../api/transfers';
import { ActionButton } from '../../../components/action-button';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { errorCode, errorMessage } from '../../../lib/errors';
import { go } from '../../../lib/nav';

/** What the applicant (or the member) may do: 撤回 while a step waits, 重新申请 once it was returned or ended. */
export function ApplicantActions({
  transfer,
  canWithdraw,
  canResubmit,
  onDone,
}: {
  transfer: Transfer;
  canWithdraw: boolean;
  canResubmit: boolean;
  onDone(notice?: string): void;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function withdraw() {
    setAsking(false);
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await transfersApi.withdraw(transfer.id, { version: transfer.version }, newIdempotencyKey());
      void Taro.showToast({ title: '已撤回', icon: 'success' });
      onDone();
    } catch (caught) {
      if (errorCode(caught) === 'TRANSFER_STATE_CONFLICT') onDone(errorMessage(caught));
      else setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  if (!canWithdraw && !canResubmit) return null;
  return (
    <View className="actions">
      {canResubmit ? (
        <ActionButton onClick={() => go('transferApply', { previousId: transfer.id })}>重新申请</ActionButton>
      ) : null}
      {canWithdraw ? (
        <ActionButton kind="plain" busy={busy} onClick={() => setAsking(true)}>
          撤回申请
        </ActionButton>
      ) : null}
      {error ? <Text className="form-error detail-actions-error">{error}</Text> : null}
      <ConfirmDialog
        question={
          asking
            ? {
                title: '撤回转接申请',
                content: '撤回后本次申请结束，需要时可以重新申请。确定撤回吗？',
                confirmText: '撤回',
              }
            : null
        }
        onConfirm={() => void withdraw()}
        onCancel={() => setAsking(false)}
      />
    </View>
  );
}
