import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { REASON_MAX, type Transfer } from '../../../../../shared/transfers/schemas';
import { newIdempotencyKey } from '../../../api/client';
import { transfersApi } from '../../../api/transfers';
import { ActionButton } from '../../../components/action-button';
import { errorCode, errorMessage } from '../../../lib/errors';

const OVERRIDE_MAX = 200;

function approveText(transfer: Transfer): string {
  if (transfer.state === 'pending_committee' && transfer.kind === 'outbound') return '同意并开具介绍信';
  if (transfer.state === 'pending_in_branch') return '同意接收';
  return '同意';
}

/**
 * 同意 / 退回 for the approver of the step waiting now, with 意见 (optional to approve, required to return). The
 * request carries the version read: if someone decided meanwhile the server answers 409 and the page says so and
 * reads the transfer again. The committee issuing a letter while dues are not paid up is asked why (422), and the
 * approval is sent again with that reason.
 */
export function Decision({ transfer, onDone }: { transfer: Transfer; onDone(notice?: string): void }) {
  const [comment, setComment] = useState('');
  /** Asked for after a 422: why the letter is issued although dues are not paid up (the server's words above it). */
  const [override, setOverride] = useState<string | null>(null);
  const [overrideWhy, setOverrideWhy] = useState('');
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(action: 'approve' | 'reject') {
    if (busy) return;
    const text = comment.trim();
    if (action === 'reject' && !text) return setError('退回须填写原因，申请人会看到');
    if ([...text].length > REASON_MAX) return setError(`意见最多 ${REASON_MAX} 个字`);
    const reason = override?.trim() ?? '';
    if (action === 'approve' && override !== null && [...reason].length < 2) {
      return setError('请填写仍开具介绍信的原因（至少 2 个字）');
    }
    setBusy(action);
    setError(null);
    const key = newIdempotencyKey();
    const version = transfer.version;
    try {
      if (action === 'approve') {
        await transfersApi.approve(
          transfer.id,
          { version, ...(text ? { comment: text } : {}), ...(override !== null ? { duesOverride: { reason } } : {}) },
          key,
        );
      } else {
        await transfersApi.reject(transfer.id, { version, reason: text }, key);
      }
      void Taro.showToast({ title: action === 'approve' ? '已同意' : '已退回', icon: 'success' });
      onDone();
    } catch (caught) {
      const code = errorCode(caught);
      if (code === 'TRANSFER_DUES_NOT_PAID_UP') {
        setOverride(override ?? '');
        setOverrideWhy(errorMessage(caught));
      } else if (code === 'TRANSFER_STATE_CONFLICT') {
        onDone(errorMessage(caught));
      } else {
        setError(errorMessage(caught));
      }
    } finally {
      setBusy(null);
    }
  }

  const over = [...comment.trim()].length > REASON_MAX;
  return (
    <View className="card detail-decision">
      <Text className="detail-card-title">审批</Text>
      <View className="transfer-textarea-box">
        <Textarea
          className="transfer-textarea"
          value={comment}
          maxlength={REASON_MAX + 20}
          autoHeight
          placeholder="审批意见（同意时可不填，退回时必填）"
          onInput={(event) => {
            setComment(event.detail.value);
            setError(null);
          }}
        />
        <Text className={`transfer-counter${over ? ' transfer-counter--over' : ''}`}>
          {[...comment.trim()].length}/{REASON_MAX}
        </Text>
      </View>
      {override !== null ? (
        <>
          <Text className="detail-override-why">{overrideWhy}</Text>
          <Text className="detail-override-label">仍开具介绍信的原因：</Text>
          <View className="transfer-textarea-box">
            <Textarea
              className="transfer-textarea detail-override-input"
              value={override}
              maxlength={OVERRIDE_MAX}
              autoHeight
              placeholder="如：已约定到新单位后补交"
              onInput={(event) => setOverride(event.detail.value)}
            />
          </View>
        </>
      ) : null}
      <View className="detail-decision-actions">
        <ActionButton busy={busy === 'approve'} disabled={busy === 'reject'} onClick={() => void run('approve')}>
          {override !== null ? '填好原因，开具介绍信' : approveText(transfer)}
        </ActionButton>
        <ActionButton
          kind="plain"
          busy={busy === 'reject'}
          disabled={busy === 'approve'}
          onClick={() => void run('reject')}
        >
          退回
        </ActionButton>
      </View>
      {error ? <Text className="form-error detail-decision-error">{error}</Text> : null}
    </View>
  );
}
