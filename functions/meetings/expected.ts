/**
 * A meeting's expected attendees are fixed when it starts (DESIGN §5.2, issue #9): the branch's active members
 * then, plus members who join later (their first fact adds them), while members who leave stay in its history.
 *
 * The first access at or after the start (a check-in, the board, a leave decision, the job) freezes it: one
 * caller takes a short lease on the activity, writes a blank attendee item for every active member without one
 * (in transactions that also count `attendees`), then sets `frozenAt` and `expected` — conditioned on
 * `attendees` being exactly what it counted, so a fact written meanwhile sends it round again. Others wait for
 * the lease. From then on every counter counts within that set.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../../shared/errors';
import { tableName } from '../commons/config';
import { dynamo, isConditionFailure } from '../commons/dynamo';
import * as org from '../org/service';
import { branchMonthUpdate } from './aggregates';
import { type AttendeeRecord, blankAttendee, blankAttendeePuts, listAttendees, transact } from './attendees-store';
import { type ActivityRecord, activityKey, getActivity } from './store';

/** Blank attendees per transaction, beside the activity's counter (100 items at most). */
const FREEZE_CHUNK = 50;
const LEASE_MS = 15_000;
const WAIT_STEPS_MS = [50, 100, 200, 400, 800, 1600, 3200];

const started = (activity: ActivityRecord, nowMs: number) => nowMs >= Date.parse(activity.startAt);

/**
 * `frozenAt` by activity, as this container has seen it. It never changes once set, so it is kept: a copy of
 * the activity cached from before the start (the service keeps one a minute) would otherwise send every
 * check-in of that minute to read the activity again.
 */
const frozenAtOf = new Map<string, string>();

function remember(activity: ActivityRecord): ActivityRecord {
  if (activity.frozenAt) {
    if (frozenAtOf.size > 1000) frozenAtOf.clear();
    frozenAtOf.set(activity.id, activity.frozenAt);
  }
  return activity;
}

/** Takes the freeze lease, or → false when the activity is frozen or another caller holds the lease. */
async function takeLease(activity: ActivityRecord, nowMs: number): Promise<boolean> {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: activityKey(activity.id),
        UpdateExpression: 'SET freezeLeaseUntil = :until',
        ConditionExpression:
          'attribute_exists(pk) AND attribute_not_exists(frozenAt) AND (attribute_not_exists(freezeLeaseUntil) OR freezeLeaseUntil < :now)',
        ExpressionAttributeValues: { ':until': nowMs + LEASE_MS, ':now': nowMs },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** One freeze pass under the lease: → the frozen activity, or null when a concurrent fact moved `attendees`. */
async function freeze(activity: ActivityRecord, nowMs: number): Promise<ActivityRecord | null> {
  const [roster, existing] = await Promise.all([org.listActiveMembers(activity.orgId), listAttendees(activity.id)]);
  const have = new Set(existing.map((attendee) => attendee.memberId));
  const blanks: AttendeeRecord[] = roster.filter((m) => !have.has(m.id)).map((m) => blankAttendee(activity, m));
  for (let i = 0; i < blanks.length; i += FREEZE_CHUNK) {
    const chunk = blanks.slice(i, i + FREEZE_CHUNK);
    const reasons = await transact([
      ...blankAttendeePuts(chunk),
      {
        Update: {
          TableName: tableName(),
          Key: activityKey(activity.id),
          UpdateExpression: 'ADD attendees :n',
          ConditionExpression: 'attribute_not_exists(frozenAt)',
          ExpressionAttributeValues: { ':n': chunk.length },
        },
      },
    ]);
    if (reasons) return null;
  }
  const total = existing.length + blanks.length;
  const frozenAt = new Date(nowMs).toISOString();
  const month = branchMonthUpdate(activity, { expected: total });
  const reasons = await transact([
    {
      Update: {
        TableName: tableName(),
        Key: activityKey(activity.id),
        UpdateExpression: 'SET frozenAt = :at, expected = :total REMOVE freezeLeaseUntil',
        ConditionExpression: `attribute_not_exists(frozenAt) AND ${total === 0 ? '(attribute_not_exists(attendees) OR attendees = :total)' : 'attendees = :total'}`,
        ExpressionAttributeValues: { ':at': frozenAt, ':total': total },
      },
    },
    ...(month ? [month] : []),
  ]);
  return reasons ? null : { ...activity, frozenAt, expected: total, attendees: total };
}

/**
 * The activity with its expected set fixed, when it has started (unchanged before the start). Idempotent and
 * safe under concurrency: one caller freezes, the others wait and read the result.
 */
export async function ensureFrozen(activity: ActivityRecord, nowMs: number): Promise<ActivityRecord> {
  if (activity.frozenAt) return remember(activity);
  if (activity.status === 'cancelled' || !started(activity, nowMs)) return activity;
  const known = frozenAtOf.get(activity.id);
  if (known) return { ...activity, frozenAt: known };
  for (const wait of WAIT_STEPS_MS) {
    const fresh = await getActivity(activity.id, true);
    if (!fresh) throw new DomainError('ACTIVITY_NOT_FOUND');
    if (fresh.frozenAt) return remember(fresh);
    if (await takeLease(fresh, Date.now())) {
      // Held for LEASE_MS: a pass that lost a race to a concurrent fact simply counts again.
      for (let pass = 0; pass < 5; pass++) {
        const frozen = await freeze((await getActivity(activity.id, true)) ?? fresh, nowMs);
        if (frozen) return remember(frozen);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  throw new DomainError('TOO_MANY_REQUESTS');
}
