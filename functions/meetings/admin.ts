/**
 * What the secretary does by hand on a meeting: 补签 for a member without a phone (with a reason, marked as
 * such, and kept with who and when on the attendee — the audit), and a reminder to those not yet checked in.
 */
import type { MemberClaims } from '../../shared/auth/roles';
import { DomainError } from '../../shared/errors';
import { boardStatus } from '../../shared/meetings/attendee';
import { manualWindow, withCheckin } from '../../shared/meetings/attendee-rules';
import { CHECKIN_OPENS_MINUTES_BEFORE, checkinWindow } from '../../shared/meetings/checkin-rules';
import { formatShanghai, toShanghai } from '../../shared/time';
import { newId } from '../commons/ids';
import { sendOnce } from '../messages/fan-out';
import * as org from '../org/service';
import { changeAttendee } from './attendees';
import { blankAttendee, getAttendee } from './attendees-store';
import { boardRows } from './board';
import { ensureFrozen } from './expected';
import type { ActivityRecord } from './store';

export interface ManualAttendance {
  readonly memberId: string;
  readonly status: 'present' | 'late';
  readonly reason: string;
}

/** → created: recorded now (201); otherwise the member's existing check-in (200). */
export async function recordAttendance(
  activity: ActivityRecord,
  actor: MemberClaims,
  input: ManualAttendance,
  nowMs: number,
) {
  if (activity.status === 'cancelled') throw new DomainError('ACTIVITY_CANCELLED');
  const opens = Date.parse(activity.startAt) - CHECKIN_OPENS_MINUTES_BEFORE * 60_000;
  const window = manualWindow(opens, activity.endAt, nowMs);
  if (window === 'not_open') throw new DomainError('ATTENDANCE_NOT_OPEN');
  if (window === 'closed') throw new DomainError('ATTENDANCE_TOO_LATE');
  // An active member of the branch now, or one in the meeting's expected set who has left since.
  const [member, attendee] = await Promise.all([
    org.findMember(input.memberId),
    getAttendee(activity.id, input.memberId),
  ]);
  const inBranch = member?.status === 'active' && member.orgId === activity.orgId;
  if (!inBranch && !attendee) throw new DomainError('NOT_BRANCH_MEMBER');
  const at = new Date(nowMs).toISOString();
  const person = { id: input.memberId, name: attendee?.name ?? member?.name ?? '' };
  const result = await changeAttendee({
    activity,
    member: person,
    nowMs,
    apply: (before, current) =>
      withCheckin(before ?? blankAttendee(current, person), {
        id: newId('c'),
        at,
        late: input.status === 'late',
        manual: { by: actor.memberId, byName: actor.name, reason: input.reason, at },
      }),
  });
  return { checkin: result.attendee, created: result.changed };
}

/**
 * 提醒未签到: a message to each expected member still missing (not on leave), at most once an hour per member
 * (the message id holds the hour), while check-in is open.
 */
export async function remindMissing(fresh: ActivityRecord, nowMs: number) {
  if (fresh.status === 'cancelled') throw new DomainError('ACTIVITY_CANCELLED');
  const window = checkinWindow(fresh.startAt, fresh.endAt, nowMs);
  if (window === 'not_open') throw new DomainError('CHECKIN_NOT_OPEN');
  if (window === 'closed') throw new DomainError('CHECKIN_CLOSED');
  const activity = await ensureFrozen(fresh, nowMs);
  const rows = await boardRows(activity);
  const missing = rows.filter(
    (row) => boardStatus(row, activity, nowMs) === 'missing' && row.leave?.status !== 'pending',
  );
  // Members who have left since the start stay in the meeting's figures, but are not messaged.
  const active = new Set(
    (await org.findMembers(missing.map((row) => row.memberId)))
      .filter((member) => member.status === 'active')
      .map((member) => member.id),
  );
  const hour = toShanghai(nowMs).format('YYYYMMDDHH');
  return sendOnce({
    memberIds: missing.map((row) => row.memberId).filter((id) => active.has(id)),
    nowIso: new Date(nowMs).toISOString(),
    message: (memberId) => ({
      id: `ci-${activity.id}-${hour}`,
      memberId,
      kind: 'meeting_reminder',
      title: '签到提醒',
      body: `${activity.title}（${formatShanghai(activity.startAt)}）已开始，您还没有签到`,
      ref: { type: 'activity', id: activity.id },
    }),
  });
}
