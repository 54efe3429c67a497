/** A member's standing at a meeting as the board and the meeting page show it. */
import { type AttendeeFacts, type AttendeeLeave, boardStatus } from '../../shared/meetings/attendee';
import type { AttendeeView } from '../../shared/meetings/views';
import type { AttendeeRecord } from './attendees-store';
import type { ActivityRecord } from './store';

export function toAttendeeView(
  attendee: Pick<AttendeeRecord, 'memberId' | 'name'> & AttendeeFacts,
  activity: Pick<ActivityRecord, 'endAt' | 'requireCheckout'>,
  nowMs: number,
): AttendeeView {
  const { leave } = attendee;
  return {
    memberId: attendee.memberId,
    name: attendee.name,
    status: boardStatus(attendee, activity, nowMs),
    at: attendee.at ?? null,
    ...(attendee.at ? { late: attendee.late === true } : {}),
    ...(attendee.manual ? { manual: attendee.manual } : {}),
    ...(attendee.checkedOutAt ? { checkedOutAt: attendee.checkedOutAt } : {}),
    ...(attendee.madeUpAt ? { madeUpAt: attendee.madeUpAt } : {}),
    ...(leave ? { leave: leaveFacts(leave) } : {}),
  };
}

/** A leave as every view shows it: its request and, once decided, the decision (who, when, why). */
export function leaveFacts(leave: AttendeeLeave) {
  return {
    id: leave.id,
    status: leave.status,
    reason: leave.reason,
    requestedAt: leave.requestedAt,
    ...(leave.decidedAt ? { decidedAt: leave.decidedAt } : {}),
    ...(leave.decidedByName ? { decidedByName: leave.decidedByName } : {}),
    ...(leave.comment ? { comment: leave.comment } : {}),
  };
}
