/**
 * One member's standing at one meeting, and how each fact moves it (DESIGN §6: check-in, 补签, 签退, leave,
 * 补学). Pure: the store keeps one attendee item per (meeting, member) and moves the meeting's counters by the
 * `delta` this returns, in the same transaction and on the item's version, so counters always equal a recount.
 *
 * `bucket` is the one counter an attendee sits in: checked in (present, or late), on leave (an approved leave,
 * not checked in), made up (补学 done), or missing. 签退 is counted beside it (checkedOut), and 早退
 * (`left_early`) is derived: checked in at a meeting that requires 签退, none by its end.
 */

export type LeaveStatus = 'pending' | 'approved' | 'rejected';

export interface AttendeeLeave {
  readonly id: string;
  readonly status: LeaveStatus;
  readonly reason: string;
  readonly requestedAt: string;
  readonly decidedAt?: string;
  readonly decidedBy?: string;
  readonly decidedByName?: string;
  readonly comment?: string;
}

export interface AttendeeManual {
  readonly by: string;
  readonly byName: string;
  readonly reason: string;
  readonly at: string;
}

/** What the counters know of an attendee (the stored item has more: names, times, keys). */
export interface AttendeeFacts {
  /** The check-in's time and lateness, when checked in (by QR, code, in the app or by hand). */
  readonly at?: string;
  readonly late?: boolean;
  readonly manual?: AttendeeManual;
  readonly checkedOutAt?: string;
  readonly leave?: AttendeeLeave;
  readonly madeUpAt?: string;
}

export type AttendeeBucket = 'checked_in' | 'on_leave' | 'made_up' | 'missing';

export function bucketOf(facts: AttendeeFacts): AttendeeBucket {
  if (facts.at) return 'checked_in';
  if (facts.madeUpAt) return 'made_up';
  if (facts.leave?.status === 'approved') return 'on_leave';
  return 'missing';
}

/** The counters an attendee adds to its meeting (checkedIn includes late; manual is within checkedIn). */
export interface AttendeeCounts {
  readonly checkedIn: number;
  readonly late: number;
  readonly onLeave: number;
  readonly madeUp: number;
  readonly checkedOut: number;
  readonly manual: number;
}

export function countsOf(facts: AttendeeFacts): AttendeeCounts {
  const bucket = bucketOf(facts);
  const checkedIn = bucket === 'checked_in' ? 1 : 0;
  return {
    checkedIn,
    late: checkedIn && facts.late ? 1 : 0,
    onLeave: bucket === 'on_leave' ? 1 : 0,
    madeUp: bucket === 'made_up' ? 1 : 0,
    checkedOut: checkedIn && facts.checkedOutAt ? 1 : 0,
    manual: checkedIn && facts.manual ? 1 : 0,
  };
}

/** The counters' change from `before` to `after` (null: no attendee item yet); zero entries left out. */
export function countsDelta(before: AttendeeFacts | null, after: AttendeeFacts): Partial<AttendeeCounts> {
  const from = before ? countsOf(before) : null;
  const to = countsOf(after);
  const delta: Partial<Record<keyof AttendeeCounts, number>> = {};
  for (const key of Object.keys(to) as (keyof AttendeeCounts)[]) {
    const change = to[key] - (from?.[key] ?? 0);
    if (change !== 0) delta[key] = change;
  }
  return delta;
}

/** The board's status of a member: the bucket, with 迟到 and 早退 told apart. */
export type BoardStatus = 'checked_in' | 'late' | 'left_early' | 'on_leave' | 'made_up' | 'missing';

export function boardStatus(
  facts: AttendeeFacts,
  meeting: { readonly endAt: string; readonly requireCheckout?: boolean | undefined },
  nowMs: number,
): BoardStatus {
  const bucket = bucketOf(facts);
  if (bucket !== 'checked_in') return bucket;
  if (meeting.requireCheckout && !facts.checkedOutAt && nowMs > Date.parse(meeting.endAt)) return 'left_early';
  return facts.late ? 'late' : 'checked_in';
}
