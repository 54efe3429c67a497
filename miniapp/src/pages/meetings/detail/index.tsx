import { Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { activityBoard, activityQr } from '../../../../../shared/meetings/routes';
import type { ActivityDetailResponse, PlaceView } from '../../../../../shared/meetings/views';
import { formatShanghai } from '../../../../../shared/time';
import { meetingsApi } from '../../../api/meetings';
import { ActionButton } from '../../../components/action-button';
import { PageRoot } from '../../../components/page-root';
import { StatusView } from '../../../components/status-view';
import { PHASE_LABELS, PHASE_TAG, timeRange } from '../../../lib/format';
import { go } from '../../../lib/nav';
import { useRemote } from '../../../lib/use-remote';
import { hasAnyRole, useSession } from '../../../store/session';
import { CheckinPanel } from '../components/checkin-panel';
import './index.scss';

const WINDOW_TEXT: Record<ActivityDetailResponse['window'], string> = {
  not_open: '签到尚未开始（活动开始前 30 分钟开放）',
  open: '签到进行中',
  closed: '签到已结束',
};

/** Runners see the radius; members only the name (the server does not send them the geofence). */
function placeText(place: PlaceView | null): string {
  if (!place) return '不限地点';
  return place.radiusM === undefined ? `${place.name}（需现场定位签到）` : `${place.name}（${place.radiusM} 米内签到）`;
}

export default function ActivityDetailPage() {
  const id = useRouter().params.id ?? '';
  const member = useSession((state) => state.member);
  const detail = useRemote(() => meetingsApi.get(id), { immediate: false });
  // Reload whenever the page shows: coming back from the result page must show 已签到.
  useDidShow(() => void detail.reload());

  const data = detail.data;
  return (
    <PageRoot className="activity-detail">
      <StatusView
        loading={detail.loading}
        error={detail.error}
        failure={detail.failure}
        hasData={!!data}
        onRetry={() => void detail.reload()}
      >
        {data ? (
          <>
            <View className="card">
              <View className="row">
                <Text className="detail-title">{data.activity.title}</Text>
                <Text className={PHASE_TAG[data.phase]}>{PHASE_LABELS[data.phase]}</Text>
              </View>
              <View className="detail-line">
                <Text className="detail-label">时间</Text>
                <Text className="detail-value">{timeRange(data.activity.startAt, data.activity.endAt)}</Text>
              </View>
              <View className="detail-line">
                <Text className="detail-label">地点</Text>
                <Text className="detail-value">{placeText(data.activity.place)}</Text>
              </View>
              <View className="detail-line">
                <Text className="detail-label">支部</Text>
                <Text className="detail-value">{data.activity.orgName}</Text>
              </View>
              <View className="detail-line">
                <Text className="detail-label">签到</Text>
                <Text className="detail-value">
                  {WINDOW_TEXT[data.window]} · 已签到 {data.activity.checkedIn} 人
                </Text>
              </View>
            </View>

            <Text className="section-title">我的签到</Text>
            <View className="card">
              {data.myCheckin ? (
                <View className="detail-mine">
                  <Text className="detail-mine-status">已签到</Text>
                  {data.myCheckin.late ? (
                    <Text className="tag tag--warn">迟到</Text>
                  ) : (
                    <Text className="tag tag--ok">准时</Text>
                  )}
                  <Text className="muted">签到时间 {formatShanghai(data.myCheckin.at, 'M月D日 HH:mm:ss')}</Text>
                </View>
              ) : data.window === 'open' ? (
                <CheckinPanel
                  target={{ id: data.activity.id, title: data.activity.title, place: data.activity.place }}
                />
              ) : (
                <Text className="muted">未签到 · {WINDOW_TEXT[data.window]}</Text>
              )}
            </View>

            {hasAnyRole(member, activityQr.access) || hasAnyRole(member, activityBoard.access) ? (
              <View className="actions">
                {hasAnyRole(member, activityQr.access) ? (
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
