/**
 * Meetings entities — 主题党日 activities and their check-ins.
 *
 * Activity  pk ACT#<id>  sk ACT                gsi1pk ORG#<orgId>#ACTIVITIES  gsi1sk <startAt>#<id>
 *   - get one: GetItem; a branch's activities, newest first: Query GSI1 (ScanIndexForward false)
 *   - a branch's activities starting within [from, to) (a month, the overview): Query GSI1, gsi1sk BETWEEN,
 *     bounded pages
 *   - checkedIn / late: maintained counters, changed in the same transaction as each check-in
 * Checkin   pk ACT#<id>  sk CHECKIN#<memberId> gsi1pk MEMBER#<memberId>#CHECKINS gsi1sk <at>
 *   - one per (activity, member) by key + attribute_not_exists: a repeat tap cannot make a second one
 *   - my check-in: GetItem; an activity's check-ins: Query pk, begins_with(sk, CHECKIN#)
 *   - a member's history: Query GSI1
 */
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { MeetingKind } from '../../shared/meetings/kinds';
import type { Place, ReportedLocation } from '../../shared/meetings/schemas';
import { tableName } from '../commons/config';
import type { PageKey } from '../commons/cursor';
import {
  boundedQuery,
  cancellationReasons,
  dynamo,
  type PageBounds,
  queryAll,
  queryPage,
  withoutKeys,
} from '../commons/dynamo';
import type { TransactItem } from '../org/service';
import { branchMonthUpdate } from './aggregates';

export interface ActivityRecord {
  readonly id: string;
  readonly orgId: string;
  readonly orgPath: string;
  readonly orgName: string;
  readonly title: string;
  readonly startAt: string;
  readonly endAt: string;
  readonly place: Place | null;
  /** 10 or 30; absent on activities created before it was a setting (30). */
  readonly qrSlotSeconds?: number;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly checkedIn: number;
  readonly late: number;
  /** Active members of the branch at creation; from the start, the fixed expected set's size (./attendees.ts). */
  readonly expected?: number;
  /** Absent on activities created before kinds existed: theme_day, no material, QR only, no 签退, scheduled. */
  readonly kind?: MeetingKind;
  readonly topic?: string;
  readonly host?: string;
  readonly materialItemIds?: readonly string[];
  readonly requireCheckout?: boolean;
  readonly allowInApp?: boolean;
  readonly status?: 'scheduled' | 'cancelled';
  readonly cancelReason?: string;
  readonly cancelledAt?: string;
  readonly cancelledBy?: string;
  /** Counters beside checkedIn/late, moved in the same transaction as their facts (./aggregates.ts). */
  readonly onLeave?: number;
  readonly madeUp?: number;
  readonly checkedOut?: number;
  readonly manual?: number;
  /** When the expected set was fixed; attendee items written so far (the freeze's guard against a race). */
  readonly frozenAt?: string;
  readonly attendees?: number;
  /** The 周二夜学 date (Asia/Shanghai YYYY-MM-DD) a schedule generated this session for. */
  readonly scheduleDate?: string;
  /** The saved meeting record's summary (the record itself: ./record-store.ts). */
  readonly record?: { savedAt: string; savedBy: string; savedByName: string; late: boolean };
  /** Bumped by every change of the activity's own fields (times, cancellation, record), not by counters. */
  readonly version?: number;
}

export interface CheckinRecord {
  readonly id: string;
  readonly activityId: string;
  readonly memberId: string;
  readonly name: string;
  readonly at: string;
  readonly late: boolean;
  /** What the phone reported (position and accuracy), kept for the secretary's review. */
  readonly location?: ReportedLocation;
}

export const activityKey = (id: string) => ({ pk: `ACT#${id}`, sk: 'ACT' });
export const checkinKey = (activityId: string, memberId: string) => ({
  pk: `ACT#${activityId}`,
  sk: `CHECKIN#${memberId}`,
});

/** The activity's item as stored: its keys in the branch's list (GSI1). */
export function activityItem(activity: ActivityRecord) {
  return {
    ...activityKey(activity.id),
    gsi1pk: `ORG#${activity.orgId}#ACTIVITIES`,
    gsi1sk: `${activity.startAt}#${activity.id}`,
    ...activity,
  };
}

/**
 * A new activity, once (by key: a generated 周二夜学 session's id is its (branch, date), so two runs create one),
 * and its month's `meetings_<kind>` in the same transaction. → false when it already existed.
 */
export async function putActivity(activity: ActivityRecord): Promise<boolean> {
  const month = branchMonthUpdate(activity, { [`meetings_${activity.kind ?? 'theme_day'}`]: 1 });
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: activityItem(activity),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          ...(month ? [month] : []),
        ],
      }),
    );
    return true;
  } catch (error) {
    if (cancellationReasons(error)?.[0] === 'ConditionalCheckFailed') return false;
    throw error;
  }
}

export async function getActivity(id: string, consistent = false): Promise<ActivityRecord | null> {
  const result = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: activityKey(id), ConsistentRead: consistent }),
  );
  return withoutKeys<ActivityRecord>(result.Item);
}

export async function listActivities(orgId: string, limit: number, startKey?: PageKey) {
  return queryPage<ActivityRecord>({
    TableName: tableName(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': `ORG#${orgId}#ACTIVITIES` },
    ScanIndexForward: false,
    Limit: limit,
    ExclusiveStartKey: startKey,
  });
}

/** What a range read returns of each activity: its start and its counters (the overview's figures). */
export type ActivityCounters = Pick<ActivityRecord, 'id' | 'startAt' | 'expected' | 'checkedIn' | 'late'>;

/**
 * A branch's activities starting in [fromIso, toIso), oldest first, at most `maxPages` pages of `pageSize`.
 * gsi1sk is `<startAt ISO>#<id>`, so BETWEEN from AND to keeps every start ≥ from and < to (an activity
 * starting exactly at `to` sorts after the bare `to`). `complete` is false when the bound cut the list short.
 */
export async function activitiesStartingBetween(
  orgId: string,
  fromIso: string,
  toIso: string,
  bounds: PageBounds,
): Promise<{ items: ActivityCounters[]; complete: boolean }> {
  const { items, complete } = await boundedQuery(
    {
      TableName: tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': `ORG#${orgId}#ACTIVITIES`, ':from': fromIso, ':to': toIso },
      ProjectionExpression: 'id, startAt, expected, checkedIn, #late',
      ExpressionAttributeNames: { '#late': 'late' },
    },
    bounds,
  );
  return { items: items as ActivityCounters[], complete };
}

export async function getCheckin(activityId: string, memberId: string): Promise<CheckinRecord | null> {
  const result = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: checkinKey(activityId, memberId), ConsistentRead: true }),
  );
  return withoutKeys<CheckinRecord>(result.Item);
}

/** An activity's check-ins: its attendees who have checked in (./attendees-store.ts has them all). */
export function listCheckins(activityId: string): Promise<CheckinRecord[]> {
  return queryAll<CheckinRecord>({
    TableName: tableName(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    FilterExpression: 'attribute_exists(#at)',
    ExpressionAttributeNames: { '#at': 'at' },
    ExpressionAttributeValues: { ':pk': `ACT#${activityId}`, ':prefix': 'CHECKIN#' },
  });
}

/**
 * The check-in's writes: the check-in (only if none yet), the activity's counters, and — when `member` is
 * given — a ConditionCheck that the member is, right now, an active member of the activity's branch (issue
 * #6: a deactivated or transferred member's token writes nothing, and no extra round trip is spent on it).
 * `member` is the org service's transaction item.
 */
export function checkinTransaction(checkin: CheckinRecord, member?: TransactItem) {
  return new TransactWriteCommand({
    TransactItems: [
      {
        Put: {
          TableName: tableName(),
          Item: {
            ...checkinKey(checkin.activityId, checkin.memberId),
            gsi1pk: `MEMBER#${checkin.memberId}#CHECKINS`,
            gsi1sk: checkin.at,
            ...checkin,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Update: {
          TableName: tableName(),
          Key: activityKey(checkin.activityId),
          UpdateExpression: 'ADD checkedIn :one, late :late',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':one': 1, ':late': checkin.late ? 1 : 0 },
        },
      },
      ...(member ? [member] : []),
    ],
    ReturnConsumedCapacity: process.env.RETURN_CONSUMED_CAPACITY === '1' ? 'TOTAL' : undefined,
  });
}

export type CheckinWrite = 'created' | 'exists' | 'conflict' | 'not_member';

/** Write capacity the check-ins consumed, when RETURN_CONSUMED_CAPACITY=1 (the benchmark reads it). */
export const consumedCapacity = { write: 0 };

export async function writeCheckin(checkin: CheckinRecord, member: TransactItem): Promise<CheckinWrite> {
  try {
    const result = await dynamo().send(checkinTransaction(checkin, member));
    for (const used of result.ConsumedCapacity ?? []) consumedCapacity.write += used.CapacityUnits ?? 0;
    return 'created';
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (!reasons) throw error;
    if (reasons[2] === 'ConditionalCheckFailed') return 'not_member';
    if (reasons[0] === 'ConditionalCheckFailed') return 'exists';
    if (reasons.includes('TransactionConflict')) return 'conflict';
    throw error;
  }
}
