/**
 * A member's standing at one meeting in a word (首页's 夜学 card, the meeting page): from the server's `me` and
 * the meeting's phase. Statuses this build does not know are shown as the server names them, never hidden.
 */
import type { ActivityDetailResponse } from '../../../shared/meetings/views';

type Me = NonNullable<ActivityDetailResponse['me']>;

export function myStatus(me: Me, phase: ActivityDetailResponse['phase']): { label: string; tag: string } {
  switch (me.status) {
    case 'checked_in':
      return { label: me.manual ? '出席（补签）' : '出席', tag: 'tag tag--ok' };
    case 'late':
      return { label: me.manual ? '迟到（补签）' : '迟到', tag: 'tag tag--warn' };
    case 'left_early':
      return { label: '早退', tag: 'tag tag--warn' };
    case 'on_leave':
      return { label: '已批准请假', tag: 'tag tag--grey' };
    case 'made_up':
      return { label: '已补学', tag: 'tag tag--ok' };
    case 'missing':
      if (me.leave?.status === 'pending') return { label: '请假中', tag: 'tag' };
      if (phase === 'ended') return { label: me.leave ? '缺席（请假未批准）' : '缺席', tag: 'tag' };
      if (me.leave?.status === 'rejected') return { label: '请假未批准', tag: 'tag' };
      return { label: phase === 'upcoming' ? '未开始' : '未签到', tag: 'tag tag--grey' };
    default:
      return { label: String(me.status), tag: 'tag' };
  }
}
