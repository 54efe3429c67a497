import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { newIdempotencyKey } from '../../../api/client';
import { meetingAdminApi } from '../../../api/meeting-admin';
import { meetingsApi } from '../../../api/meetings';
import { ActionButton } from '../../../components/action-button';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { PageRoot } from '../../../components/page-root';
import { StatusView } from '../../../components/status-view';
import { errorMessage } from '../../../lib/errors';
import { go } from '../../../lib/nav';
import { useRemote } from '../../../lib/use-remote';
import { MeetingHeading } from '../components/meeting-heading';
import { BoardHeader } from './board-header';
import { type CancelDraft, CancelForm, type ManualDraft, ManualForm } from './dialogs';
import { type BoardMember, MemberGroups } from './member-groups';
import { PendingLeaves } from './pending-leaves';
import { usePolling } from './use-polling';
import './index.scss';

const POLL_MS = 3000;

/**
 * The secretary's board of one meeting, refreshed every 3 s while shown: every standing with its count, 补签 by
 * hand, 提醒未签到, pending leaves decided in place, 取消会议 before the start, and the way to 纪要 and 请假审批.
 */
export default function ActivityBoardPage() {
  const id = useRouter().params.id ?? '';
  const board = usePolling(() => meetingAdminApi.board(id), POLL_MS);
  const detail = useRemote(() => meetingsApi.get(id));
  const data = board.data;
  const activity = detail.data?.activity;
  const cancelled = activity?.status === 'cancelled';
  const [manual, setManual] = useState<ManualDraft | null>(null);
  const [cancel, setCancel] = useState<CancelDraft | null>(null);
  const [busy, setBusy] = useState<'manual' | 'cancel' | 'remind' | null>(null);
  const manualKey = useRef(newIdempotencyKey());
  const [notice, setNotice] = useState<string | null>(null);

  function decided(message?: string) {
    setNotice(message ?? null);
    board.restart();
  }

  function openManual(member: BoardMember) {
    manualKey.current = newIdempotencyKey();
    setManual({ memberId: member.memberId, name: member.name, status: 'present', reason: '', error: null });
  }

  async function saveManual() {
    if (!manual || busy) return;
    const reason = manual.reason.trim();
    if (!reason) return setManual({ ...manual, error: '请填写补签原因' });
    setBusy('manual');
    try {
      const body = { memberId: manual.memberId, status: manual.status, reason };
      await meetingAdminApi.recordAttendance(id, body, manualKey.current);
      setManual(null);
      void Taro.showToast({ title: `已为${manual.name}补签`, icon: 'success' });
      board.restart();
    } catch (caught) {
      setManual({ ...manual, error: errorMessage(caught) });
    } finally {
      setBusy(null);
    }
  }

  async function remind() {
    if (busy) return;
    setBusy('remind');
    try {
      const { sent } = await meetingAdminApi.remindMissing(id);
      void Taro.showToast({ title: sent ? `已提醒 ${sent} 人` : '没有需要提醒的人', icon: sent ? 'success' : 'none' });
    } catch (caught) {
      void Taro.showToast({ title: errorMessage(caught), icon: 'none' });
    } finally {
      setBusy(null);
    }
  }

  async function confirmCancel() {
    if (!cancel || busy) return;
    const reason = cancel.reason.trim();
    if (!reason) return setCancel({ ...cancel, error: '请填写取消原因' });
    setBusy('cancel');
    try {
      await meetingAdminApi.cancel(id, reason);
      setCancel(null);
      void Taro.showToast({ title: '会议已取消', icon: 'success' });
      void detail.reload();
      board.restart();
    } catch (caught) {
      setCancel({ ...cancel, error: errorMessage(caught) });
    } finally {
      setBusy(null);
    }
  }

  const checkin = detail.data?.window;
  const canRemind = !cancelled && checkin === 'open' && (data?.missing ?? 0) > 0;
  const canRecord = !cancelled && !!checkin && checkin !== 'not_open';
  const canCancel = !cancelled && detail.data?.phase === 'upcoming';

  return (
    <PageRoot className="activity-board">
      <StatusView
        loading={board.loading}
        error={board.error}
        failure={board.failure}
        hasData={!!data}
        onRetry={board.restart}
      >
        {activity ? <MeetingHeading activity={activity} /> : null}
        {data ? (
          <>
            <BoardHeader data={data} />
            <Text className="board-note">已签到含迟到、早退 · 每 3 秒自动刷新</Text>
            <View className="card board-links">
              <View className="board-link" onClick={() => go('activityQr', { id })}>
                签到码
              </View>
              <View className="board-link" onClick={() => go('meetingRecord', { id })}>
                会议纪要
              </View>
              <View className="board-link" onClick={() => go('leaveApprovals')}>
                请假审批
              </View>
            </View>
            {canRemind ? (
              <View className="actions board-remind">
                <ActionButton kind="secondary" busy={busy === 'remind'} onClick={() => void remind()}>
                  提醒未签到（{data.missing} 人）
                </ActionButton>
              </View>
            ) : null}
            {notice ? <Text className="form-error">{notice}</Text> : null}
            <PendingLeaves data={data} onDecided={decided} />
            <MemberGroups data={data} onRecord={canRecord ? openManual : undefined} />
            {canCancel ? (
              <View className="actions">
                <ActionButton kind="plain" onClick={() => setCancel({ reason: '', error: null })}>
                  取消会议
                </ActionButton>
              </View>
            ) : null}
          </>
        ) : null}
      </StatusView>
      <ConfirmDialog
        question={
          manual
            ? {
                title: `为 ${manual.name} 补签`,
                content: <ManualForm draft={manual} onChange={setManual} />,
                confirmText: busy === 'manual' ? '保存中…' : '补签',
              }
            : null
        }
        onConfirm={() => void saveManual()}
        onCancel={() => setManual(null)}
      />
      <ConfirmDialog
        question={
          cancel
            ? {
                title: '取消本次会议？',
                content: <CancelForm draft={cancel} onChange={setCancel} />,
                confirmText: busy === 'cancel' ? '取消中…' : '确定取消',
              }
            : null
        }
        onConfirm={() => void confirmCancel()}
        onCancel={() => setCancel(null)}
      />
    </PageRoot>
  );
}
