/**
 * 请假 (DESIGN §6): asked before the start with a reason; the secretary or organizer decides once; the member
 * sees the decision and gets a message in the same transaction (the outbox).
 */
import type { MemberClaims } from '../../shared/auth/roles';
import { DomainError } from '../../shared/errors';
import { withLeaveDecision, withLeaveRequest } from '../../shared/meetings/attendee-rules';
import type { Leave } from '../../shared/meetings/views';
import { formatShanghai } from '../../shared/time';
import { newId } from '../commons/ids';
import { messageItems } from '../messages/outbox';
import { leaveFacts } from './attendee-view';
import { changeAttendee } from './attendees';
import {
  type AttendeeRecord,
  blankAttendee,
  getLeaveRef,
  type LeaveRef,
  leaveRefDecision,
  leaveRefPut,
  listAttendees,
} from './attendees-store';
import { type ActivityRecord, getActivity } from './store';

export function toLeave(attendee: AttendeeRecord, activity?: Pick<ActivityRecord, 'title' | 'startAt'>): Leave | null {
  const { leave } = attendee;
  if (!leave) return null;
  return {
    ...leaveFacts(leave),
    activityId: attendee.activityId,
    memberId: attendee.memberId,
    name: attendee.name,
    title: activity?.title ?? attendee.title,
    startAt: activity?.startAt ?? attendee.startAt,
  };
}

export function refToLeave(ref: LeaveRef): Leave {
  const { orgId: _orgId, orgPath: _orgPath, ...leave } = ref;
  return leave;
}

/** → created: the request now made (201); otherwise the member's earlier one (200), whatever its status. */
export async function requestLeave(activity: ActivityRecord, claims: MemberClaims, reason: string, nowMs: number) {
  if (activity.orgId !== claims.orgId) throw new DomainError('NOT_IN_BRANCH');
  const member = { id: claims.memberId, name: claims.name };
  const request = { id: newId('l'), reason, requestedAt: new Date(nowMs).toISOString() };
  const result = await changeAttendee({
    activity,
    member,
    nowMs,
    apply: (before, current) => withLeaveRequest(before ?? blankAttendee(current, member), request, current.startAt),
    extra: () => [
      leaveRefPut({
        ...request,
        activityId: activity.id,
        memberId: member.id,
        name: member.name,
        orgId: activity.orgId,
        orgPath: activity.orgPath,
        title: activity.title,
        startAt: activity.startAt,
        status: 'pending',
      }),
    ],
  });
  return { leave: toLeave(result.attendee, activity)!, created: result.changed };
}

export async function activityLeaves(activity: ActivityRecord): Promise<Leave[]> {
  const attendees = await listAttendees(activity.id);
  return attendees
    .map((attendee) => toLeave(attendee, activity))
    .filter((leave): leave is Leave => leave !== null)
    .sort((a, b) => (a.requestedAt < b.requestedAt ? 1 : -1));
}

export async function requireLeaveRef(id: string): Promise<LeaveRef> {
  const ref = await getLeaveRef(id);
  if (!ref) throw new DomainError('LEAVE_NOT_FOUND');
  return ref;
}

/** Approve or reject a pending leave, once; the member's message goes in the same transaction. */
export async function decideLeave(
  ref: LeaveRef,
  decider: MemberClaims,
  decision: { approve: boolean; comment?: string | undefined },
  nowMs: number,
): Promise<Leave> {
  const activity = await getActivity(ref.activityId, true);
  if (!activity) throw new DomainError('ACTIVITY_NOT_FOUND');
  const at = new Date(nowMs).toISOString();
  const status = decision.approve ? 'approved' : 'rejected';
  const result = await changeAttendee({
    activity,
    member: { id: ref.memberId, name: ref.name },
    nowMs,
    apply: (before) => {
      if (before?.leave?.id !== ref.id) throw new DomainError('LEAVE_NOT_FOUND');
      return withLeaveDecision(before, { ...decision, at, by: decider.memberId, byName: decider.name });
    },
    extra: () => [
      leaveRefDecision(ref.id, { status, at, byName: decider.name, comment: decision.comment }),
      ...messageItems(
        {
          id: `leave-${ref.id}`,
          memberId: ref.memberId,
          kind: 'leave_decision',
          title: decision.approve ? '请假已批准' : '请假未批准',
          body: `${activity.title}（${formatShanghai(activity.startAt)}）${decision.comment ? `：${decision.comment}` : ''}`,
          ref: { type: 'activity', id: activity.id },
        },
        at,
      ),
    ],
    onExtraFailed: () => {
      throw new DomainError('LEAVE_ALREADY_DECIDED');
    },
  });
  return toLeave(result.attendee, activity)!;
}
