import { Text, View } from '@tarojs/components';
import type { AttendeeView } from '../../../../../shared/meetings/views';
import { formatShanghai } from '../../../../../shared/time';
import './leave-status.scss';

type MyLeave = NonNullable<AttendeeView['leave']>;

export const LEAVE_STATUS: Record<MyLeave['status'], { label: string; tag: string }> = {
  pending: { label: '待审批', tag: 'tag' },
  approved: { label: '已批准', tag: 'tag tag--ok' },
  rejected: { label: '未批准', tag: 'tag tag--warn' },
};

/** My leave request and its decision (the meeting page, the leave page). */
export function LeaveStatus({ leave }: { leave: MyLeave }) {
  const look = LEAVE_STATUS[leave.status] ?? { label: String(leave.status), tag: 'tag' };
  const by = leave.decidedByName ? `${leave.decidedByName} ` : '';
  return (
    <View className="leave-status">
      <View className="leave-status-head">
        <Text className="leave-status-title">请假申请</Text>
        <Text className={look.tag}>{look.label}</Text>
      </View>
      <Text className="leave-status-line">原因：{leave.reason}</Text>
      <Text className="muted leave-status-line">提交于 {formatShanghai(leave.requestedAt, 'M月D日 HH:mm')}</Text>
      {leave.status === 'pending' ? (
        <Text className="muted leave-status-line">等待支部书记或组织委员审批</Text>
      ) : (
        <Text className="muted leave-status-line">
          {by}
          {leave.decidedAt ? `${formatShanghai(leave.decidedAt, 'M月D日 HH:mm')} ` : ''}
          {leave.status === 'approved' ? '批准' : '不批准'}
        </Text>
      )}
      {leave.comment ? <Text className="leave-status-line">审批意见：{leave.comment}</Text> : null}
    </View>
  );
}
