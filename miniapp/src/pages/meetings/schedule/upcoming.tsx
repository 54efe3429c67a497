import { Text, View } from '@tarojs/components';
import type { NightStudySchedule } from '../../../../../shared/meetings/schedule-schemas';
import { formatShanghai } from '../../../../../shared/time';
import { EmptyBlock } from '../../../components/status-view';
import { go } from '../../../lib/nav';

/** The coming sessions the schedule generated (as the server answered the last read or save). */
export function UpcomingSessions({ sessions }: { sessions: NightStudySchedule['upcoming'] }) {
  return (
    <>
      <Text className="section-title">即将进行的夜学</Text>
      {sessions.length === 0 ? <EmptyBlock text="近期没有安排夜学" /> : null}
      {sessions.map((session) => (
        <View
          key={session.activityId}
          className={`card schedule-session${session.status === 'cancelled' ? ' schedule-session--off' : ''}`}
          onClick={() => go('activityBoard', { id: session.activityId })}
        >
          <View className="schedule-session-head">
            <Text className="schedule-session-title">{session.title}</Text>
            {session.status === 'cancelled' ? <Text className="tag tag--grey">已取消</Text> : null}
          </View>
          <Text className="muted schedule-session-time">
            {formatShanghai(session.startAt, 'M月D日 HH:mm')}–{formatShanghai(session.endAt, 'HH:mm')}
          </Text>
          {session.cancelReason ? <Text className="muted schedule-session-reason">{session.cancelReason}</Text> : null}
        </View>
      ))}
    </>
  );
}
