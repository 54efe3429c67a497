/**
 * Every fact of a member at a meeting goes through `changeAttendee`: the attendee as it is (read, or assumed
 * to be the freeze's blank item on the hot path), the fact's pure rule, then ONE transaction — the attendee on
 * its version, the activity's and the month's counters by the pure delta (shared/meetings/attendee.ts), and the
 * fact's own items (the roster check, a leave reference, a message). A race re-reads and goes round again.
 */

import { DomainError } from '../../shared/errors';
import { countsDelta } from '../../shared/meetings/attendee';
import type { TransactItem } from '../org/service';
import { counterUpdates } from './aggregates';
import { type AttendeeRecord, attendeePut, blankAttendee, getAttendee, transact } from './attendees-store';
import { ensureFrozen } from './expected';
import { type ActivityRecord, getActivity } from './store';

export interface AttendeeChange {
  readonly activity: ActivityRecord;
  readonly member: { readonly id: string; readonly name: string };
  readonly nowMs: number;
  /** The fact's rule: the attendee after it, 'unchanged' (a repeat: nothing to write), or a DomainError thrown. */
  readonly apply: (before: AttendeeRecord | null, activity: ActivityRecord) => AttendeeRecord | 'unchanged';
  /** The fact's own transaction items. */
  readonly extra?: (before: AttendeeRecord | null, after: AttendeeRecord) => TransactItem[];
  /** What a failed extra item means (its index among `extra`'s), e.g. the roster check: throw a DomainError. */
  readonly onExtraFailed?: (index: number) => Promise<never> | never;
  /** Skip the first read: assume the freeze's blank item (or none before the freeze). The check-in's hot path. */
  readonly assumeBlank?: boolean;
}

export interface AttendeeChanged {
  readonly attendee: AttendeeRecord;
  /** False for a repeat: nothing was written, `attendee` is as it was. */
  readonly changed: boolean;
  readonly activity: ActivityRecord;
}

const MAX_ROUNDS = 10;
const FAILED = 'ConditionalCheckFailed';

/** The activity condition every fact writes under: not cancelled, and frozen exactly as the writer believed. */
export function activityCondition(activity: ActivityRecord) {
  return {
    expression: `(attribute_not_exists(#status) OR #status <> :cancelled) AND ${
      activity.frozenAt ? 'attribute_exists(frozenAt)' : 'attribute_not_exists(frozenAt)'
    }`,
    names: { '#status': 'status' },
    values: { ':cancelled': 'cancelled' },
  };
}

export async function changeAttendee(change: AttendeeChange): Promise<AttendeeChanged> {
  let activity = await ensureFrozen(change.activity, change.nowMs);
  let assumed = change.assumeBlank === true;
  let before: AttendeeRecord | null | undefined;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (activity.status === 'cancelled') throw new DomainError('ACTIVITY_CANCELLED');
    if (assumed) before = activity.frozenAt ? blankAttendee(activity, change.member) : null;
    else if (before === undefined) before = await getAttendee(activity.id, change.member.id);
    const after = change.apply(before, activity);
    if (after === 'unchanged') return { attendee: before!, changed: false, activity };
    const joiner = before === null;
    const delta = { ...countsDelta(before, after), ...(joiner && activity.frozenAt ? { expected: 1 } : {}) };
    const counters = counterUpdates(activity, delta, activityCondition(activity), joiner ? { attendees: 1 } : {});
    const extra = change.extra?.(before, after) ?? [];
    const reasons = await transact([attendeePut(after, before, assumed), ...counters, ...extra]);
    if (!reasons) return { attendee: after, changed: true, activity };
    const extraFailed = reasons.slice(1 + counters.length).indexOf(FAILED);
    if (extraFailed >= 0 && change.onExtraFailed) await change.onExtraFailed(extraFailed);
    if (reasons[1] === FAILED) {
      // Cancelled, or frozen meanwhile: read the activity as it is now.
      const fresh = await getActivity(activity.id, true);
      if (!fresh) throw new DomainError('ACTIVITY_NOT_FOUND');
      activity = await ensureFrozen(fresh, change.nowMs);
    } else if (reasons.includes('TransactionConflict')) {
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * (round + 1)));
    } else if (reasons[0] !== FAILED && extraFailed < 0) {
      throw new DomainError('INTERNAL');
    }
    assumed = false;
    before = undefined;
  }
  throw new DomainError('TOO_MANY_REQUESTS');
}
