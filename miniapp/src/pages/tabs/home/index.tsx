import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { EntryIcon } from '../../../components/entry-icon';
import { PageRoot } from '../../../components/page-root';
import { EmptyBlock, remoteStatus, StatusView } from '../../../components/status-view';
import { checkinLabel, PHASE_LABELS, PHASE_TAG, roleLabels, timeRange } from '../../../lib/format';
import { entriesFor } from '../../../lib/menu';
import { go } from '../../../lib/nav';
import { useProfile } from '../../../lib/use-profile';
import { useRemote } from '../../../lib/use-remote';
import { hasAnyRole } from '../../../store/session';
import { useUnreadBadge } from '../../../store/unread';
import { CommitteeBranches, loadOverview } from './branches';
import { NightStudyCard } from './night-study';
import { LatestNotices, loadLatestNotices } from './notices';
import { loadTodayActivities } from './today';
import { useTodoBadge } from './todo-badge';
import './index.scss';

export default function HomePage() {
  useUnreadBadge();
  const { member, branchName, error: profileError, reload: reloadProfile } = useProfile();
  const today = useRemote(loadTodayActivities, { immediate: false });
  const overview = useRemote(loadOverview, { immediate: false });
  const notices = useRemote(loadLatestNotices, { immediate: false });
  const committee = hasAnyRole(member, ['committee']);
  const todo = useTodoBadge();

  useDidShow(() => {
    void today.reload();
    void notices.reload();
    if (committee) void overview.reload();
  });
  usePullDownRefresh(async () => {
    await Promise.all([today.reload(), notices.reload(), reloadProfile(), committee ? overview.reload() : undefined]);
    Taro.stopPullDownRefresh();
  });

  const entries = entriesFor('home', member);

  return (
    <PageRoot className="home">
      <View className="home-hero">
        <Text className="home-greeting">{member ? `${member.name}同志，您好` : '您好'}</Text>
        <Text className="home-branch">{branchName ?? member?.orgName ?? ''}</Text>
        <View className="home-roles">
          {member
            ? roleLabels(member.roles).map((label) => (
                <Text key={label} className="home-role">
                  {label}
                </Text>
              ))
            : null}
        </View>
      </View>
      {profileError && !member ? (
        <StatusView loading={false} error={profileError} hasData={false} onRetry={() => void reloadProfile()} />
      ) : null}

      <View className="home-entries">
        {entries.map((entry) => (
          <View key={entry.text} className="home-entry" onClick={() => go(entry.page)}>
            <View className="home-entry-icon">
              <EntryIcon name={entry.icon} size={26} color="#c8161d" />
              {entry.page === 'transferTodo' && todo > 0 ? (
                <Text className="home-entry-badge">{todo > 99 ? '99+' : todo}</Text>
              ) : null}
            </View>
            <Text className="home-entry-text">{entry.text}</Text>
          </View>
        ))}
      </View>

      {today.data?.nightStudy ? (
        <NightStudyCard
          detail={today.data.nightStudy.detail}
          thisWeek={today.data.nightStudy.thisWeek}
          onChanged={() => void today.reload()}
        />
      ) : null}

      <LatestNotices notices={notices} />

      {committee ? <CommitteeBranches overview={overview} /> : null}

      <Text className="section-title">今日活动</Text>
      <StatusView {...remoteStatus(today)}>
        {today.data && today.data.total === 0 ? (
          <EmptyBlock text={committee ? '今天没有本级组织的活动' : '今天没有本支部的活动'} />
        ) : null}
        {today.data?.items.map(({ activity, phase, myCheckin }) => (
          <View
            key={activity.id}
            className="card home-activity"
            onClick={() => go('activityDetail', { id: activity.id })}
          >
            <View className="row">
              <Text className="home-activity-title">{activity.title}</Text>
              <Text className={PHASE_TAG[phase]}>{PHASE_LABELS[phase]}</Text>
            </View>
            <Text className="muted home-activity-line">{timeRange(activity.startAt, activity.endAt)}</Text>
            {activity.place ? <Text className="muted home-activity-line">{activity.place.name}</Text> : null}
            <Text className={`home-activity-me${myCheckin ? ' home-activity-me--done' : ''}`}>
              我的签到：{checkinLabel(myCheckin)}
            </Text>
          </View>
        ))}
        {today.data && today.data.total > today.data.items.length ? (
          <View className="home-more" onClick={() => go('activities')}>
            查看全部 {today.data.total} 个今日活动 ›
          </View>
        ) : null}
      </StatusView>
    </PageRoot>
  );
}
