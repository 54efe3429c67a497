/**
 * Meeting aggregates, changed in the same transaction as the facts they count (DESIGN §4, §6):
 *
 * Activity     pk ACT#<id>               sk ACT   counters expected, checkedIn, late, onLeave, madeUp, checkedOut,
 *                                                  manual (./store.ts declares the item)
 * BranchMonth  pk MEETSTATS#<orgId>      sk MONTH#<YYYY-MM>
 *              gsi1pk MEETSTATS#<rootId> gsi1sk <YYYY-MM>#<orgPath>
 *   - the same attendance counters summed over the branch's meetings starting in the month (Asia/Shanghai),
 *     plus needCheckout (check-ins at meetings that require 签退), and per kind `meetings_<kind>` (scheduled,
 *     not cancelled) and `held_<kind>` (with a saved record: 落实率's numerator)
 *   - a branch's month: GetItem; a branch's quarter or year: Query pk, sk BETWEEN
 *   - a committee's branches for a period: Query GSI1 MEETSTATS#<root>, gsi1sk BETWEEN
 *     `<first month>#<path>` AND `<last month>#<path>~` (one row per branch and month that had anything)
 * Each fact's transaction carries `counterUpdates(activity, delta)`: the activity's and the month's items.
 */
import type { MeetingKind } from '../../shared/meetings/kinds';
import { shanghaiMonth } from '../../shared/time';
import { tableName } from '../commons/config';
import type { TransactItem } from '../org/service';
import { type ActivityRecord, activityKey } from './store';

export const ATTENDANCE_COUNTERS = [
  'expected',
  'checkedIn',
  'late',
  'onLeave',
  'madeUp',
  'checkedOut',
  'needCheckout',
  'manual',
] as const;
export type AttendanceCounter = (typeof ATTENDANCE_COUNTERS)[number];
export type AttendanceDelta = Partial<Record<AttendanceCounter, number>>;

/** What the month's item counts of kinds: `meetings_<kind>` scheduled, `held_<kind>` with a saved record. */
export type KindDelta = Partial<Record<`meetings_${MeetingKind}` | `held_${MeetingKind}`, number>>;

export type BranchMonthRecord = {
  readonly orgId: string;
  readonly orgPath: string;
  readonly month: string;
} & Partial<Record<AttendanceCounter, number>> &
  KindDelta;

export const branchMonthKey = (orgId: string, month: string) => ({
  pk: `MEETSTATS#${orgId}`,
  sk: `MONTH#${month}`,
});

/** The org tree's root id from a path `/root/…/id/`. */
export const rootOf = (orgPath: string) => orgPath.split('/')[1] ?? '';

/** The month a meeting counts in: its start's Asia/Shanghai month. */
export const meetingMonth = (activity: Pick<ActivityRecord, 'startAt'>) => shanghaiMonth(activity.startAt);

/** ADD clauses for the non-zero entries of a delta; null when there is nothing to add. */
function addClause(delta: Record<string, number | undefined>) {
  const entries = Object.entries(delta).filter((entry): entry is [string, number] => !!entry[1]);
  if (entries.length === 0) return null;
  const names: Record<string, string> = {};
  const values: Record<string, number> = {};
  const parts = entries.map(([name, value], i) => {
    names[`#c${i}`] = name;
    values[`:c${i}`] = value;
    return `#c${i} :c${i}`;
  });
  return { expression: `ADD ${parts.join(', ')}`, names, values };
}

/** The month item's update: ADD the delta, and the keys that place it in the committee's index. */
export function branchMonthUpdate(
  activity: Pick<ActivityRecord, 'orgId' | 'orgPath' | 'startAt'>,
  delta: AttendanceDelta & KindDelta,
): TransactItem | null {
  const add = addClause(delta);
  if (!add) return null;
  const month = meetingMonth(activity);
  return {
    Update: {
      TableName: tableName(),
      Key: branchMonthKey(activity.orgId, month),
      UpdateExpression: `SET orgId = :orgId, orgPath = :orgPath, #month = :month, gsi1pk = :gpk, gsi1sk = :gsk ${add.expression}`,
      ExpressionAttributeNames: { ...add.names, '#month': 'month' },
      ExpressionAttributeValues: {
        ...add.values,
        ':orgId': activity.orgId,
        ':orgPath': activity.orgPath,
        ':month': month,
        ':gpk': `MEETSTATS#${rootOf(activity.orgPath)}`,
        ':gsk': `${month}#${activity.orgPath}`,
      },
    },
  };
}

/**
 * The activity's counters and its month's, moved together. `condition` guards the activity (e.g. not
 * cancelled, or the expected set's state); the month's item has none (it is created by its first ADD).
 */
export function counterUpdates(
  activity: Pick<ActivityRecord, 'id' | 'orgId' | 'orgPath' | 'startAt' | 'requireCheckout'>,
  delta: AttendanceDelta,
  condition?: { expression: string; names?: Record<string, string>; values?: Record<string, unknown> },
  /** Counters of the activity alone (`attendees`: attendee items written, the freeze's race guard). */
  activityOnly: Record<string, number> = {},
): TransactItem[] {
  const monthDelta: AttendanceDelta = {
    ...delta,
    needCheckout: activity.requireCheckout ? (delta.checkedIn ?? 0) : 0,
  };
  const { needCheckout: _activityHasNoNeed, ...activityDelta } = delta;
  const add = addClause({ ...activityDelta, ...activityOnly });
  const items: TransactItem[] = [];
  if (add || condition) {
    items.push({
      Update: {
        TableName: tableName(),
        Key: activityKey(activity.id),
        UpdateExpression: add?.expression ?? 'SET touchedAt = :touchedAt',
        ConditionExpression: ['attribute_exists(pk)', condition?.expression].filter(Boolean).join(' AND '),
        ExpressionAttributeNames: { ...add?.names, ...condition?.names },
        ExpressionAttributeValues: {
          ...add?.values,
          ...condition?.values,
          ...(add ? {} : { ':touchedAt': new Date().toISOString() }),
        },
      },
    });
  }
  const month = branchMonthUpdate(activity, monthDelta);
  if (month) items.push(month);
  return items;
}
