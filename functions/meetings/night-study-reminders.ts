/**
 * The reminder before each 周二夜学 session: one message to each active member of the branch, once per
 * session, a setting's time before the start. Once by two keys: each message's id is `ns-<session>` in its
 * member's inbox (attribute_not_exists, through the shared fan-out: a second run, even at the same moment,
 * adds nothing), and a mark per session (./schedule-store.ts) lets later runs skip the session's members.
 */
import { formatShanghai } from '../../shared/time';
import { sendOnce } from '../messages/fan-out';
import * as org from '../org/service';
import { listAttendees } from './attendees-store';
import * as scheduleStore from './schedule-store';
import type { ActivityRecord } from './store';

/** Whether `session` is in its reminder window: live, starting within `leadMinutes` from now, not yet started. */
export function reminderDue(session: ActivityRecord, nowMs: number, leadMinutes: number): boolean {
  const start = Date.parse(session.startAt);
  return session.status !== 'cancelled' && start > nowMs && start - leadMinutes * 60_000 <= nowMs;
}

/** The message id of a session's reminder (one per member's inbox). */
export const reminderId = (activityId: string) => `ns-${activityId}`;

/**
 * Sends the session's reminder to every active member of its branch who has not got it, except those whose
 * leave is approved (they are excused; "请准时参加" would contradict the decision) → messages added now.
 */
export async function remindSession(session: ActivityRecord, nowMs: number): Promise<number> {
  if (await scheduleStore.wasReminded(session.orgId, session.id)) return 0;
  const nowIso = new Date(nowMs).toISOString();
  const [members, attendees] = await Promise.all([org.listActiveMembers(session.orgId), listAttendees(session.id)]);
  const excused = new Set(attendees.filter((a) => a.leave?.status === 'approved').map((a) => a.memberId));
  const { sent } = await sendOnce({
    memberIds: members.map((member) => member.id).filter((id) => !excused.has(id)),
    nowIso,
    message: (memberId) => ({
      id: reminderId(session.id),
      memberId,
      kind: 'meeting_reminder',
      title: '夜学提醒',
      body: `${session.title} ${formatShanghai(session.startAt, 'HH:mm')} 开始，请准时参加`,
      ref: { type: 'activity', id: session.id },
    }),
  });
  await scheduleStore.markReminded(session.orgId, session.id, nowIso, sent);
  return sent;
}
