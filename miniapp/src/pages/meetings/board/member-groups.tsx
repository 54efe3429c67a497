import { Text, View } from '@tarojs/components';
import type { BoardResponse } from '../../../../../shared/meetings/views';
import { formatShanghai } from '../../../../../shared/time';
import { locationLine } from './location-line';

export type BoardMember = BoardResponse['members'][number];
type Status = BoardMember['status'];

/** The lists, each as long as its figure in the header (已签到 holds 迟到 and 早退, marked). */
const GROUPS: readonly { key: string; title: string; statuses: readonly Status[]; count: keyof BoardResponse }[] = [
  { key: 'in', title: '已签到', statuses: ['checked_in', 'late', 'left_early'], count: 'checkedIn' },
  { key: 'leave', title: '请假', statuses: ['on_leave'], count: 'onLeave' },
  { key: 'made_up', title: '已补学', statuses: ['made_up'], count: 'madeUp' },
  { key: 'missing', title: '未签到', statuses: ['missing'], count: 'missing' },
];

/** The short mark on a member's chip. */
function markOf(member: BoardMember): string | null {
  if (member.status === 'late') return '迟到';
  if (member.status === 'left_early') return '早退';
  if (member.status === 'missing' && member.leave?.status === 'pending') return '请假待批';
  return null;
}

/** When the chip shows a time: check-in, 补学, or nothing. */
function timeOf(member: BoardMember): string | null {
  if (member.at) return formatShanghai(member.at, 'HH:mm');
  if (member.madeUpAt) return formatShanghai(member.madeUpAt, 'M/D');
  return null;
}

/** A row's second line: 补签 by whom and why, the leave's reason, the reported position. */
function detailOf(member: BoardMember): string | null {
  const parts: string[] = [];
  if (member.manual) {
    parts.push(`由${member.manual.byName}登记${member.manual.reason ? `：${member.manual.reason}` : ''}`);
  }
  if (member.status === 'on_leave' && member.leave) parts.push(`请假：${member.leave.reason}`);
  const where = locationLine(member);
  if (where) parts.push(where);
  return parts.length ? parts.join('；') : null;
}

/**
 * Members by standing. Chips four a row; a list whose members carry more (补签 by whom, a leave's reason, a
 * reported position) becomes one row per member. Tapping a member of 未签到 offers 补签.
 */
export function MemberGroups({ data, onRecord }: { data: BoardResponse; onRecord?(member: BoardMember): void }) {
  return (
    <>
      {GROUPS.map((group) => {
        const members = data.members.filter((m) => group.statuses.includes(m.status));
        const rows = members.some((m) => detailOf(m) !== null);
        const tappable = group.key === 'missing' && !!onRecord;
        return (
          <View key={group.key} className="board-group">
            <View className="board-group-title">
              <Text className="section-title board-group-name">
                {group.title}（{data[group.count] as number}）
              </Text>
              {tappable && members.length ? <Text className="board-group-hint">点姓名可补签</Text> : null}
            </View>
            <View className={`card board-members${rows ? ' board-members--rows' : ''}`}>
              {members.length === 0 ? <Text className="muted">无</Text> : null}
              {members.map((m) => {
                const mark = markOf(m);
                const time = timeOf(m);
                const detail = detailOf(m);
                return (
                  <View
                    key={m.memberId}
                    className={`board-member board-member--${m.status}${tappable ? ' board-member--tap' : ''}`}
                    onClick={tappable ? () => onRecord?.(m) : undefined}
                  >
                    <View className="board-member-main">
                      <Text className="board-member-name">{m.name}</Text>
                      {time ? <Text className="board-member-time">{time}</Text> : null}
                    </View>
                    {mark || m.manual ? (
                      <View className="board-member-marks">
                        {mark ? <Text className="board-member-mark">{mark}</Text> : null}
                        {m.manual ? <Text className="board-member-mark board-member-mark--manual">补签</Text> : null}
                      </View>
                    ) : null}
                    {detail ? <Text className="board-member-where">{detail}</Text> : null}
                  </View>
                );
              })}
            </View>
          </View>
        );
      })}
    </>
  );
}
