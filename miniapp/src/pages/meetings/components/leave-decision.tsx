import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { meetingAdminApi } from '../../../api/meeting-admin';
import { errorCode, errorMessage } from '../../../lib/errors';
import './leave-decision.scss';

/**
 * 批准 / 不批准 for one pending leave, with an optional comment (意见). A leave is decided once: when someone
 * else decided it first (LEAVE_ALREADY_DECIDED) the page shows the server's words and reads its list again.
 */
export function LeaveDecision({ leaveId, onDecided }: { leaveId: string; onDecided(notice?: string): void }) {
  const [comment, setComment] = useState('');
  const [commenting, setCommenting] = useState(false);
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function decide(approve: boolean) {
    if (busy) return;
    setBusy(approve ? 'approve' : 'reject');
    setError(null);
    try {
      await meetingAdminApi.decideLeave(leaveId, approve, comment.trim() || undefined);
      void Taro.showToast({ title: approve ? '已批准' : '已不批准', icon: 'success' });
      onDecided();
    } catch (caught) {
      // Decided by someone else: this card leaves the list, so the page says why.
      if (errorCode(caught) === 'LEAVE_ALREADY_DECIDED') onDecided(errorMessage(caught));
      else setError(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  }

  return (
    <View className="leave-decision">
      {commenting ? (
        <View className="leave-decision-comment">
          <Textarea
            className="leave-decision-input"
            value={comment}
            maxlength={200}
            autoHeight
            placeholder="审批意见（可选）"
            onInput={(event) => setComment(event.detail.value)}
          />
        </View>
      ) : (
        <View className="leave-decision-add" onClick={() => setCommenting(true)}>
          + 填写意见（可选）
        </View>
      )}
      <View className="leave-decision-buttons">
        <View
          className={`leave-decision-button leave-decision-button--reject${busy ? ' leave-decision-button--busy' : ''}`}
          onClick={() => void decide(false)}
        >
          {busy === 'reject' ? '提交中…' : '不批准'}
        </View>
        <View
          className={`leave-decision-button leave-decision-button--approve${busy ? ' leave-decision-button--busy' : ''}`}
          onClick={() => void decide(true)}
        >
          {busy === 'approve' ? '提交中…' : '批准'}
        </View>
      </View>
      {error ? <Text className="form-error leave-decision-error">{error}</Text> : null}
    </View>
  );
}
