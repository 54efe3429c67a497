/**
 * The facts of one member at one meeting, as pure transitions (DESIGN §6): each returns the attendee after the
 * fact, 'unchanged' for a repeat (the first answer stands), or throws the rule's DomainError. Time windows:
 * leave before the start; 签退 from the start until 30 minutes after the end; 补学 after the end, within 7 days.
 */
import { DomainError } from '../errors';
import type { AttendeeFacts, AttendeeLeave, AttendeeManual } from './attendee';

export const CHECKOUT_CLOSES_MINUTES_AFTER = 30;
export const MAKEUP_DAYS = 7;
/** 补签 by hand stays possible this long after the end (the record's own limit, DESIGN §5.2). */
export const MANUAL_ATTENDANCE_DAYS = 30;
const DAY_MS = 86_400_000;

type Facts<T> = T & AttendeeFacts;

export interface CheckinFacts {
  readonly id: string;
  readonly at: string;
  readonly late: boolean;
  readonly manual?: AttendeeManual;
}

export function withCheckin<T extends object>(before: Facts<T>, checkin: CheckinFacts): Facts<T> | 'unchanged' {
  if (before.at) return 'unchanged';
  return { ...before, ...checkin };
}

export function checkoutWindow(startAt: string, endAt: string, nowMs: number): 'not_open' | 'open' | 'closed' {
  if (nowMs < Date.parse(startAt)) return 'not_open';
  if (nowMs > Date.parse(endAt) + CHECKOUT_CLOSES_MINUTES_AFTER * 60_000) return 'closed';
  return 'open';
}

export function withCheckout<T extends object>(before: Facts<T> | null, at: string): Facts<T> | 'unchanged' {
  if (!before?.at) throw new DomainError('CHECKOUT_WITHOUT_CHECKIN');
  if (before.checkedOutAt) return 'unchanged';
  return { ...before, checkedOutAt: at };
}

/** A leave is asked before the start, by a member not checked in; a second request returns the first. */
export function withLeaveRequest<T extends object>(
  before: Facts<T>,
  leave: Pick<AttendeeLeave, 'id' | 'reason' | 'requestedAt'>,
  startAt: string,
): Facts<T> | 'unchanged' {
  if (before.leave) return 'unchanged';
  if (before.at) throw new DomainError('LEAVE_AFTER_CHECKIN');
  if (Date.parse(leave.requestedAt) >= Date.parse(startAt)) throw new DomainError('LEAVE_TOO_LATE');
  return { ...before, leave: { ...leave, status: 'pending' } };
}

/** Decided once: approve or reject a pending leave. */
export function withLeaveDecision<T extends object>(
  before: Facts<T> | null,
  decision: { approve: boolean; at: string; by: string; byName: string; comment?: string | undefined },
): Facts<T> {
  if (!before?.leave) throw new DomainError('LEAVE_NOT_FOUND');
  if (before.leave.status !== 'pending') throw new DomainError('LEAVE_ALREADY_DECIDED');
  return {
    ...before,
    leave: {
      ...before.leave,
      status: decision.approve ? 'approved' : 'rejected',
      decidedAt: decision.at,
      decidedBy: decision.by,
      decidedByName: decision.byName,
      ...(decision.comment ? { comment: decision.comment } : {}),
    },
  };
}

export type MakeupWindow = 'not_open' | 'open' | 'expired';

export function makeupWindow(endAt: string, nowMs: number): MakeupWindow {
  const end = Date.parse(endAt);
  if (nowMs <= end) return 'not_open';
  if (nowMs > end + MAKEUP_DAYS * DAY_MS) return 'expired';
  return 'open';
}

/**
 * 补学: an absentee or a member on leave who has completed every material item after the meeting's start
 * (`doneAt`: each item's latest completion by the member, absent when never), after the end, within 7 days.
 */
export function withMakeup<T extends object>(
  before: Facts<T>,
  meeting: { startAt: string; endAt: string; materialItemIds: readonly string[] },
  doneAt: ReadonlyMap<string, string>,
  nowMs: number,
): Facts<T> | 'unchanged' {
  if (before.at) throw new DomainError('MAKEUP_NOT_NEEDED');
  if (before.madeUpAt) return 'unchanged';
  if (meeting.materialItemIds.length === 0) throw new DomainError('MAKEUP_NO_MATERIAL');
  const window = makeupWindow(meeting.endAt, nowMs);
  if (window === 'not_open') throw new DomainError('MAKEUP_NOT_OPEN');
  if (window === 'expired') throw new DomainError('MAKEUP_EXPIRED');
  const missing = meeting.materialItemIds.filter((id) => {
    const at = doneAt.get(id);
    return !at || Date.parse(at) < Date.parse(meeting.startAt);
  });
  if (missing.length > 0) throw new DomainError('MAKEUP_INCOMPLETE', { details: { missingItemIds: missing } });
  return { ...before, madeUpAt: new Date(nowMs).toISOString() };
}

/** 补签 by hand: from when check-in opens until MANUAL_ATTENDANCE_DAYS after the end. */
export function manualWindow(opensAtMs: number, endAt: string, nowMs: number): 'not_open' | 'open' | 'closed' {
  if (nowMs < opensAtMs) return 'not_open';
  if (nowMs > Date.parse(endAt) + MANUAL_ATTENDANCE_DAYS * DAY_MS) return 'closed';
  return 'open';
}
