import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { ActivityDetailResponse } from '../../../../../shared/meetings/views';
import { formatShanghai } from '../../../../../shared/time';
import { meetingsApi } from '../../../api/meetings';
import { ActionButton } from '../../../components/action-button';
import { PageRoot } from '../../../components/page-root';
import { remoteStatus, StatusView } from '../../../components/status-view';
import { timeRange } from '../../../lib/format';
import { restart } from '../../../lib/nav';
import { useRemote } from '../../../lib/use-remote';
import { backToMeeting } from '../components/back-to-meeting';
import { CodePanel } from '../components/code-panel';
import { type CheckoutDone, useCheckout } from './use-checkout';
import './index.scss';

const IS_H5 = process.env.TARO_ENV === 'h5';
const time = (at: string) => formatShanghai(at, 'M月D日 HH:mm:ss');

/** Why I cannot 签退 here now, before I try (the server says the same if I do). */
function blocked({ activity, me }: ActivityDetailResponse): string | null {
  if (activity.status === 'cancelled') return '该会议已取消';
  if (!activity.requireCheckout) return '本次会议不需要签退';
  if (!me) return '这不是您所在支部的会议';
  if (!me.at) return '您还没有签到，不能签退';
  if (me.checkout === 'not_open') return '会议开始后才能签退';
  if (me.checkout === 'closed') return '签退已关闭（会议结束 30 分钟后）';
  return null;
}

/** 签退 (?id=): scan the secretary's 签退 code, or type its 6 digits; then 已签退 with the time. */
export default function CheckoutPage() {
  const id = useRouter().params.id ?? '';
  const detail = useRemote(() => meetingsApi.get(id));
  const checkout = useCheckout(id);
  const data = detail.data;
  const recorded: CheckoutDone | null =
    checkout.done ??
    (data?.me?.checkedOutAt ? { at: data.me.checkedOutAt, checkinAt: data.me.at ?? '', fresh: false } : null);

  return (
    <PageRoot className="checkout">
      <StatusView {...remoteStatus(detail)}>
        {data ? (
          <>
            <View className="card">
              <Text className="checkout-meeting">{data.activity.title}</Text>
              <Text className="muted checkout-line">{timeRange(data.activity.startAt, data.activity.endAt)}</Text>
            </View>
            {recorded ? (
              <Done done={recorded} />
            ) : blocked(data) ? (
              <View className="card">
                <Text className="checkout-blocked">{blocked(data)}</Text>
              </View>
            ) : (
              <View className="card">
                <Text className="muted checkout-intro">
                  {IS_H5
                    ? '会议结束时，请输入支部书记手机上显示的 6 位签退码，或扫描签退二维码。'
                    : '会议结束时，请扫描支部书记手机上的签退二维码（二维码会定时更新，请扫最新的）。'}
                </Text>
                <CodePanel
                  word="签退"
                  codeAllowed
                  busy={checkout.submitting}
                  error={checkout.error}
                  onEntry={(entry) => void checkout.submit(entry)}
                  onReset={checkout.clearError}
                />
              </View>
            )}
          </>
        ) : null}
      </StatusView>
      <View className="actions">
        <ActionButton kind={recorded ? 'primary' : 'plain'} onClick={() => backToMeeting(id)}>
          返回会议
        </ActionButton>
        {recorded ? (
          <ActionButton kind="plain" onClick={() => restart('home')}>
            返回首页
          </ActionButton>
        ) : null}
      </View>
    </PageRoot>
  );
}

function Done({ done }: { done: CheckoutDone }) {
  return (
    <View className="card checkout-done">
      <Text className="checkout-done-icon">✓</Text>
      <Text className="checkout-done-title">已签退</Text>
      {done.fresh ? null : <Text className="muted">您已完成签退，无需重复签退</Text>}
      <Text className="checkout-done-line">签退时间 {time(done.at)}</Text>
      {done.checkinAt ? <Text className="muted checkout-done-line">签到时间 {time(done.checkinAt)}</Text> : null}
    </View>
  );
}
