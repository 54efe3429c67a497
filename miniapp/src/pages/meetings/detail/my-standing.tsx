import { Text, View } from '@tarojs/components';
import type { ActivityDetailResponse } from '../../../../../shared/meetings/views';
import { formatShanghai } from '../../../../../shared/time';
import { ActionButton } from '../../../components/action-button';
import { myStatus } from '../../../lib/meeting-status';
import { go } from '../../../lib/nav';
import { CheckinPanel } from '../components/checkin-panel';
import { LeaveStatus } from '../components/leave-status';
import { MakeupPanel } from './makeup';

export const WINDOW_TEXT: Record<ActivityDetailResponse['window'], string> = {
  not_open: '签到尚未开始（活动开始前 30 分钟开放）',
  open: '签到进行中',
  closed: '签到已结束',
};

const time = (at: string) => formatShanghai(at, 'M月D日 HH:mm:ss');

/**
 * 我的签到 on the meeting page: where I stand (出席 · 迟到 · 早退 · 请假 · 补学 · 缺席, 补签 said as such) and what
 * I can do now — 签到, 签退, 请假, 补学.
 */
export function MyStanding({ data, onChanged }: { data: ActivityDetailResponse; onChanged(): void }) {
  const { activity, phase, window, me, myCheckin } = data;
  const held = activity.status !== 'cancelled';
  // Committee staff outside the branch: nothing of theirs to show.
  if (!me) return <Text className="muted">{myCheckin ? '已签到' : '您不在本支部，无需签到'}</Text>;

  const status = myStatus(me, phase);
  const canLeave = held && !me.at && !me.leave && phase === 'upcoming';
  const checkedIn = !!me.at;
  return (
    <>
      {checkedIn ? (
        <View className="detail-mine">
          <Text className="detail-mine-status">已签到</Text>
          <Text className={status.tag}>{status.label}</Text>
          <Text className="muted">签到时间 {time(me.at!)}</Text>
        </View>
      ) : (
        <View className="detail-mine">
          <Text className={status.tag}>{status.label}</Text>
          {held && phase !== 'ended' && window !== 'open' && (!me.leave || me.leave.status === 'rejected') ? (
            <Text className="muted">{WINDOW_TEXT[window]}</Text>
          ) : null}
        </View>
      )}
      {me.manual ? (
        <Text className="muted detail-mine-line">
          补签：由 {me.manual.byName} 于 {formatShanghai(me.manual.at, 'M月D日 HH:mm')} 登记（{me.manual.reason}）
        </Text>
      ) : null}
      {checkedIn && activity.requireCheckout ? <CheckoutLine data={data} /> : null}
      {me.madeUpAt ? (
        <Text className="detail-mine-line detail-mine-done">
          补学时间 {formatShanghai(me.madeUpAt, 'M月D日 HH:mm')}
        </Text>
      ) : null}
      {me.leave ? (
        <View className="detail-mine-block">
          <LeaveStatus leave={me.leave} />
        </View>
      ) : null}
      {held && !checkedIn && window === 'open' ? (
        <View className="detail-mine-block">
          <CheckinPanel
            target={{ id: activity.id, title: activity.title, place: activity.place }}
            inApp={activity.allowInApp}
          />
        </View>
      ) : null}
      {canLeave ? (
        <View className="detail-mine-block">
          <ActionButton kind="secondary" onClick={() => go('leaveRequest', { id: activity.id })}>
            请假
          </ActionButton>
        </View>
      ) : null}
      {me.makeup.needed && phase === 'ended' ? (
        <View className="detail-mine-block">
          {me.makeup.open ? (
            <MakeupPanel activity={activity} until={me.makeup.until} onDone={onChanged} />
          ) : (
            <Text className="muted">
              本次会议的补学已于 {formatShanghai(me.makeup.until, 'M月D日 HH:mm')} 截止（会议结束后 7 天内）
            </Text>
          )}
        </View>
      ) : null}
    </>
  );
}

/** 签退 where the meeting requires it: done (with its time), to do now, not yet, or missed. */
function CheckoutLine({ data }: { data: ActivityDetailResponse }) {
  const me = data.me!;
  if (me.checkedOutAt) {
    return <Text className="detail-mine-line detail-mine-done">已签退 · 签退时间 {time(me.checkedOutAt)}</Text>;
  }
  if (me.checkout === 'open') {
    return (
      <View className="detail-mine-block">
        <Text className="muted detail-mine-hint">本次会议需要签退：会议结束时请扫描书记手机上的签退码</Text>
        <ActionButton onClick={() => go('checkout', { id: data.activity.id })}>签退</ActionButton>
      </View>
    );
  }
  if (me.checkout === 'not_open')
    return <Text className="muted detail-mine-line">本次会议需要签退（会议开始后开放）</Text>;
  return <Text className="muted detail-mine-line">未签退，签退已关闭</Text>;
}
