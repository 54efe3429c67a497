/**
 * The board (签到看板) and the secretary's hand: one row per expected attendee, with counts taken from those
 * very rows, so the header always equals the lists (issue #9). From the start the rows are the fixed expected
 * set (./expected.ts); before it, the branch's active members now and anyone who already has a fact.
 */
import { distanceMeters } from '../../shared/meetings/checkin-rules';
import type { AttendeeView, BoardResponse } from '../../shared/meetings/views';
import * as org from '../org/service';
import { toAttendeeView } from './attendee-view';
import { type AttendeeRecord, listAttendees } from './attendees-store';
import { ensureFrozen } from './expected';
import type { ActivityRecord } from './store';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-Hans-CN');

/** The rows of the board: the attendees, and before the freeze the active members without one yet. */
export async function boardRows(activity: ActivityRecord): Promise<AttendeeRecord[]> {
  const [attendees, roster] = await Promise.all([
    listAttendees(activity.id),
    activity.frozenAt ? Promise.resolve([]) : org.listActiveMembers(activity.orgId),
  ]);
  const have = new Set(attendees.map((attendee) => attendee.memberId));
  const others = roster
    .filter((member) => !have.has(member.id))
    .map((member) => ({ memberId: member.id, name: member.name }) as AttendeeRecord);
  return [...attendees, ...others].sort(byName);
}

export async function board(fresh: ActivityRecord, nowMs: number): Promise<BoardResponse> {
  const activity = await ensureFrozen(fresh, nowMs);
  const rows = await boardRows(activity);
  const members = rows.map((row) => ({
    ...toAttendeeView(row, activity, nowMs),
    location: row.location ?? null,
    distanceM: row.location && activity.place ? Math.round(distanceMeters(activity.place, row.location)) : null,
  }));
  const count = (...statuses: AttendeeView['status'][]) => members.filter((m) => statuses.includes(m.status)).length;
  return {
    total: members.length,
    checkedIn: count('checked_in', 'late', 'left_early'),
    // 迟到 counts every late check-in, also one that then left early: the counters' `late` is the same.
    late: rows.filter((row) => row.at !== undefined && row.late === true).length,
    missing: count('missing'),
    onLeave: count('on_leave'),
    madeUp: count('made_up'),
    leftEarly: count('left_early'),
    checkedOut: members.filter((m) => m.checkedOutAt !== undefined && m.at !== null).length,
    manual: members.filter((m) => m.manual !== undefined && m.at !== null).length,
    pendingLeaves: members.filter((m) => m.leave?.status === 'pending' && m.at === null).length,
    frozen: activity.frozenAt !== undefined,
    members,
  };
}
