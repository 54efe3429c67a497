import { Text, View } from '@tarojs/components';
import type { BoardResponse } from '../../../../../shared/meetings/views';
import { formatShanghai } from '../../../../../shared/time';
import { LeaveDecision } from '../components/leave-decision';

/** 待审批请假 of this meeting, decided right on the board (the members also show in 未签到 as 请假待批). */
export function PendingLeaves({ data, onDecided }: { data: BoardResponse; onDecided(notice?: string): void }) {
  const pending = data.members.filter((m) => m.leave?.status === 'pending' && m.at === null);
  if (pending.length === 0) return null;
  return (
    <>
      <Text className="section-title">待审批请假（{data.pendingLeaves}）</Text>
      {pending.map((member) => (
        <View key={member.leave!.id} className="card board-leave">
          <View className="board-leave-head">
            <Text className="board-leave-name">{member.name}</Text>
            <Text className="muted board-leave-time">{formatShanghai(member.leave!.requestedAt)} 申请</Text>
          </View>
          <Text className="board-leave-reason">事由：{member.leave!.reason}</Text>
          <LeaveDecision leaveId={member.leave!.id} onDecided={onDecided} />
        </View>
      ))}
    </>
  );
}
