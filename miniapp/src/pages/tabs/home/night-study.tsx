import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { ActivityDetailResponse } from '../../../../../shared/meetings/views';
import { newIdempotencyKey } from '../../../api/client';
import { meetingsApi } from '../../../api/meetings';
import { ActionButton } from '../../../components/action-button';
import { errorMessage } from '../../../lib/errors';
import { timeRange } from '../../../lib/format';
import { myStatus } from '../../../lib/meeting-status';
import { go } from '../../../lib/nav';

interface NightStudyCardProps {
  readonly detail: ActivityDetailResponse;
  readonly thisWeek: boolean;
  /** After an in-app check-in: the page reloads the card. */
  onChanged(): void;
}

/**
 * 首页's 周二夜学 card: the session, my standing and what I can do now — 签到 (in the app where the meeting
 * allows it and needs no location; else on its page, where the code is typed or scanned), 请假 before the
 * start, 补学 after it. Kept small: the home page is in the main package.
 */
export function NightStudyCard({ detail, thisWeek, onChanged }: NightStudyCardProps) {
  const { activity, phase, window, me } = detail;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);
  const held = activity.status !== 'cancelled';
  const status = me ? myStatus(me, phase) : null;
  const canCheckIn = held && !!me && !me.at && window === 'open';
  const canLeave = held && !!me && !me.at && !me.leave && phase === 'upcoming';
  const canMakeUp = !!me && me.makeup.open && me.makeup.needed;

  async function checkIn() {
    if (!activity.allowInApp || activity.place) {
      go('activityDetail', { id: activity.id });
      return;
    }
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    try {
      await meetingsApi.checkIn(activity.id, {}, newIdempotencyKey());
      void Taro.showToast({ title: '签到成功', icon: 'success' });
      onChanged();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  return (
    <>
      <Text className="section-title">{thisWeek ? '本周夜学' : '下次夜学'}</Text>
      <View className="card home-night" onClick={() => go('activityDetail', { id: activity.id })}>
        <View className="row">
          <Text className="home-activity-title">{activity.title}</Text>
          {held ? (
            status ? (
              <Text className={status.tag}>{status.label}</Text>
            ) : null
          ) : (
            <Text className="tag">已取消</Text>
          )}
        </View>
        <Text className="muted home-activity-line">{timeRange(activity.startAt, activity.endAt)}</Text>
        {held ? null : <Text className="muted home-activity-line">取消原因：{activity.cancelReason ?? '—'}</Text>}
        {canCheckIn || canLeave || canMakeUp ? (
          // The buttons act themselves; a tap on them must not also open the meeting.
          <View className="home-night-actions" onClick={(event) => event.stopPropagation()}>
            {canCheckIn ? (
              <ActionButton busy={busy} onClick={() => void checkIn()}>
                签到
              </ActionButton>
            ) : null}
            {canLeave ? (
              <ActionButton kind="secondary" onClick={() => go('leaveRequest', { id: activity.id })}>
                请假
              </ActionButton>
            ) : null}
            {canMakeUp ? (
              <ActionButton onClick={() => go('activityDetail', { id: activity.id })}>补学</ActionButton>
            ) : null}
          </View>
        ) : null}
        {error ? <Text className="form-error home-night-error">{error}</Text> : null}
      </View>
    </>
  );
}
