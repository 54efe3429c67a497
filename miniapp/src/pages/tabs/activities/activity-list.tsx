import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useEffect } from 'react';
import { activityPhase } from '../../../../../shared/meetings/checkin-rules';
import type { Activity } from '../../../../../shared/meetings/schemas';
import { meetingsApi } from '../../../api/meetings';
import { LoadMore } from '../../../components/load-more';
import { EmptyBlock, StatusView } from '../../../components/status-view';
import { PHASE_LABELS, PHASE_TAG, timeRange } from '../../../lib/format';
import { go } from '../../../lib/nav';
import { usePagedList } from '../../../lib/use-paged-list';
import './activity-list.scss';

const PAGE_SIZE = 20;

interface ActivityListProps {
  /** A branch in the caller's scope (committee); omitted = the caller's own branch. */
  orgId?: string;
  emptyText: string;
}

/**
 * One branch's activities, newest first, paged. Give it `key={orgId}`: a new branch is a new list, so a page
 * still loading for the previous branch can never land in (or block) this one.
 */
export function ActivityList({ orgId, emptyText }: ActivityListProps) {
  const { items, cursor, loading, error, failure, load } = usePagedList<Activity>((cursor) =>
    meetingsApi.list({ limit: PAGE_SIZE, ...(orgId ? { orgId } : {}), ...(cursor ? { cursor } : {}) }),
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: the first page once per mount (the key is the branch)
  useEffect(() => {
    void load(true);
  }, []);
  // Back from a detail page (or another tab): counts may have changed. An overlapping first load is dropped.
  useDidShow(() => void load(true));
  useReachBottom(() => void load(false));
  usePullDownRefresh(async () => {
    await load(true);
    Taro.stopPullDownRefresh();
  });

  const now = Date.now();
  return (
    <StatusView
      loading={loading}
      error={error}
      failure={failure}
      hasData={items !== null}
      onRetry={() => void load(items === null)}
    >
      {items && items.length === 0 ? <EmptyBlock text={emptyText} /> : null}
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
            <Text className="muted activity-item-line activity-item-org">
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
          <LoadMore more loading={loading} onMore={() => void load(false)} />
        ) : (
          <Text className="activities-end">没有更多了</Text>
        )
      ) : null}
    </StatusView>
  );
}
