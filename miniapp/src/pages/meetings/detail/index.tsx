import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { RUNNERS, RUNNERS_AND_COMMITTEE } from '../../../../../shared/meetings/access';
import { MEETING_KIND_NAMES } from '../../../../../shared/meetings/kinds';
import type { ActivityDetailResponse, PlaceView } from '../../../../../shared/meetings/views';
import { ActionButton } from '../../../components/action-button';
import { PageRoot } from '../../../components/page-root';
import { remoteStatus, StatusView } from '../../../components/status-view';
import { PHASE_LABELS, PHASE_TAG, timeRange } from '../../../lib/format';
import { go } from '../../../lib/nav';
import { hasAnyRole, useSession } from '../../../store/session';
import { useMeetingDetail } from '../components/use-meeting';
import { MyStanding, WINDOW_TEXT } from './my-standing';
import './index.scss';

/** Runners see the radius; members only the name (the server does not send them the geofence). */
function placeText(place: PlaceView | null): string {
  if (!place) return '不限地点';
  return place.radiusM === undefined ? `${place.name}（需现场定位签到）` : `${place.name}（${place.radiusM} 米内签到）`;
}

function Line({ label, value }: { label: string; value: string }) {
  return (
    <View className="detail-line">
      <Text className="detail-label">{label}</Text>
      <Text className="detail-value">{value}</Text>
    </View>
  );
}

/** The meeting: what, when, where, who leads it — and, if cancelled, why. */
function MeetingCard({ data }: { data: ActivityDetailResponse }) {
  const { activity } = data;
  const cancelled = activity.status === 'cancelled';
  return (
    <View className="card">
      <View className="row">
        <Text className="detail-title">{activity.title}</Text>
        {cancelled ? (
          <Text className="tag">已取消</Text>
        ) : (
          <Text className={PHASE_TAG[data.phase]}>{PHASE_LABELS[data.phase]}</Text>
        )}
      </View>
      {cancelled ? (
        <View className="detail-cancelled">
          <Text className="detail-cancelled-title">本次会议已取消</Text>
          <Text className="detail-cancelled-reason">原因：{activity.cancelReason ?? '未填写'}</Text>
        </View>
      ) : null}
      <Line label="类型" value={MEETING_KIND_NAMES[activity.kind] ?? activity.kind} />
      {activity.topic ? <Line label="议题" value={activity.topic} /> : null}
      {activity.host ? <Line label="主持人" value={activity.host} /> : null}
      <Line label="时间" value={timeRange(activity.startAt, activity.endAt)} />
      <Line label="地点" value={placeText(activity.place)} />
      <Line label="支部" value={activity.orgName} />
      {cancelled ? null : (
        <Line
          label="签到"
          value={`${WINDOW_TEXT[data.window]} · 已签到 ${activity.checkedIn} 人${activity.requireCheckout ? ' · 需签退' : ''}`}
        />
      )}
    </View>
  );
}

export default function ActivityDetailPage() {
  const id = useRouter().params.id ?? '';
  const member = useSession((state) => state.member);
  const detail = useMeetingDetail(id);

  const data = detail.data;
  return (
    <PageRoot className="activity-detail">
      <StatusView {...remoteStatus(detail)}>
        {data ? (
          <>
            <MeetingCard data={data} />

            <Text className="section-title">我的签到</Text>
            <View className="card">
              <MyStanding data={data} onChanged={() => void detail.reload()} />
            </View>

            {/* 会议纪要 (minutes and photos): the record's summary goes here, from the record pages' own component. */}

            {hasAnyRole(member, RUNNERS_AND_COMMITTEE) ? (
              <View className="actions">
                {hasAnyRole(member, RUNNERS) ? (
                  <ActionButton onClick={() => go('activityQr', { id })}>显示签到二维码</ActionButton>
                ) : null}
                <ActionButton kind="secondary" onClick={() => go('activityBoard', { id })}>
                  查看签到看板
                </ActionButton>
              </View>
            ) : null}
          </>
        ) : null}
      </StatusView>
    </PageRoot>
  );
}
