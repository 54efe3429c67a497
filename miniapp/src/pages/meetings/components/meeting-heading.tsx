import { Text, View } from '@tarojs/components';
import { MEETING_KIND_NAMES } from '../../../../../shared/meetings/kinds';
import type { Activity } from '../../../../../shared/meetings/schemas';
import { timeRange } from '../../../lib/format';
import './meeting-heading.scss';

/** The meeting a secretary's page is about: its kind, title and time — and, if cancelled, why. */
export function MeetingHeading({ activity }: { activity: Activity }) {
  const cancelled = activity.status === 'cancelled';
  return (
    <View className="card meeting-heading">
      <View className="meeting-heading-tags">
        <Text className="tag">{MEETING_KIND_NAMES[activity.kind] ?? activity.kind}</Text>
        {cancelled ? <Text className="tag tag--grey">已取消</Text> : null}
      </View>
      <Text className="meeting-heading-title">{activity.title}</Text>
      <Text className="muted meeting-heading-time">{timeRange(activity.startAt, activity.endAt)}</Text>
      {cancelled ? (
        <Text className="meeting-heading-cancelled">取消原因：{activity.cancelReason ?? '未填写'}</Text>
      ) : null}
    </View>
  );
}
