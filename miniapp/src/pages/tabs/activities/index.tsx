import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { activityPhase } from '../../../../../shared/meetings/checkin-rules';
import { createActivity } from '../../../../../shared/meetings/routes';
import type { Activity } from '../../../../../shared/meetings/schemas';
import { meetingsApi } from '../../../api/meetings';
import { ActionButton } from '../../../components/action-button';
import { EmptyBlock, StatusView } from '../../../components/status-view';
import { PHASE_LABELS, PHASE_TAG, timeRange } from '../../../lib/format';
import { go } from '../../../lib/nav';
import { usePagedList } from '../../../lib/use-paged-list';
import { hasAnyRole, useSession } from '../../../store/session';
import './index.scss';

const PAGE_SIZE = 20;

export default function ActivitiesPage() {
  const member = useSession((state) => state.member);
  const { items, cursor, loading, error, load } = usePagedList<Activity>((cursor) =>
    meetingsApi.list({ limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
  );

  useDidShow(() => void load(true));
  useReachBottom(() => void load(false));
  usePullDownRefresh(async () => {
    await load(true);
    Taro.stopPullDownRefresh();
  });

  const now = Date.now();
  return (
    <View className="page activities">
      {hasAnyRole(member, createActivity.access) ? (
        <View className="actions activities-create">
          <ActionButton onClick={() => go('activityCreate')}>＋ 发起活动</ActionButton>
        </View>
      ) : null}
      <StatusView loading={loading} error={error} hasData={items !== null} onRetry={() => void load(items === null)}>
        {items && items.length === 0 ? <EmptyBlock text="本支部还没有活动" /> : null}
        {items?.map((activity) => {
          const phase = activityPhase(activity.startAt, activity.endAt, now);
          return (
            <View
              key={activity.id}
              className="card activity-item"
              onClick={() => go('activityDetail', { id: activity.id })}
            >
              <View className="row">
                <Text className="activity-item-title">{activity.title}</Text>
                <Text className={PHASE_TAG[phase]}>{PHASE_LABELS[phase]}</Text>
              </View>
              <Text className="muted activity-item-line">{timeRange(activity.startAt, activity.endAt)}</Text>
              <Text className="muted activity-item-line">
                {activity.orgName}
                {activity.place ? ` · ${activity.place.name}` : ''}
              </Text>
              <Text className="muted activity-item-line">
                已签到 {activity.checkedIn} 人{activity.late ? `（迟到 ${activity.late}）` : ''}
              </Text>
            </View>
          );
        })}
        {items && items.length > 0 ? (
          cursor ? (
            <View className="activities-more" onClick={() => void load(false)}>
              {loading ? '加载中…' : '加载更多'}
            </View>
          ) : (
            <Text className="activities-end">没有更多了</Text>
          )
        ) : null}
      </StatusView>
    </View>
  );
}
