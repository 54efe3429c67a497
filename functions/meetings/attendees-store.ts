/**
 * Attendees — one item per (meeting, member) holding every fact of that member at that meeting (check-in,
 * 补签, 签退, leave, 补学), and leave references.
 *
 * Attendee  pk ACT#<activityId>  sk CHECKIN#<memberId>   (the check-in item of old, grown into the attendee)
 *           gsi2pk MEMBER#<memberId>#MEETINGS  gsi2sk <startAt>#<activityId> every attendee
 *   - one per (meeting, member) by key: created with attribute_not_exists, then changed only on its version,
 *     in ONE transaction with the counters the change moves (./aggregates.ts): counters equal a recount
 *   - one: GetItem (consistent); a meeting's attendees: Query pk, begins_with(sk, CHECKIN#)
 *   - a member's meetings of a month: Query GSI2, gsi2sk BETWEEN the month's instants. (Check-in items of old
 *     also sat on GSI1 `MEMBER#<id>#CHECKINS`; attendees do not: one index each write costs less, and 我的签到
 *     still reads the old ones there.)
 * LeaveRef  pk LEAVE#<leaveId>  sk LEAVE    gsi1pk ORG#<orgId>#LEAVES  gsi1sk <requestedAt>#<leaveId>
 *   - a leave by its id (the decision route): GetItem; a branch's leaves, newest first: Query GSI1
 *   - status pending → approved | rejected by a condition on `pending`, in the decision's transaction: once
 */
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AttendeeFacts, LeaveStatus } from '../../shared/meetings/attendee';
import type { MeetingKind } from '../../shared/meetings/kinds';
import type { ReportedLocation } from '../../shared/meetings/schemas';
import { tableName } from '../commons/config';
import type { PageKey } from '../commons/cursor';
import { cancellationReasons, dynamo, queryAll, queryPage, withoutKeys } from '../commons/dynamo';
import type { TransactItem } from '../org/service';
import { type ActivityRecord, checkinKey } from './store';

export interface AttendeeRecord extends AttendeeFacts {
  readonly activityId: string;
  readonly memberId: string;
  readonly name: string;
  /** The meeting's branch, start, end, title and kind: a member's month reads them off their own items. */
  readonly orgId: string;
  readonly orgName?: string;
  readonly startAt: string;
  readonly endAt: string;
  readonly title: string;
  readonly kind: MeetingKind;
  /** The check-in's id, once checked in. */
  readonly id?: string;
  readonly location?: ReportedLocation;
  readonly version: number;
}

export interface LeaveRef {
  readonly id: string;
  readonly activityId: string;
  readonly memberId: string;
  readonly name: string;
  readonly orgId: string;
  readonly orgPath: string;
  readonly title: string;
  readonly startAt: string;
  readonly reason: string;
  readonly requestedAt: string;
  readonly status: LeaveStatus;
  readonly decidedAt?: string;
  readonly decidedByName?: string;
  readonly comment?: string;
}

export const leaveRefKey = (id: string) => ({ pk: `LEAVE#${id}`, sk: 'LEAVE' });

/** An attendee of `activity` with no facts yet: what the freeze writes for each member of the roster. */
export function blankAttendee(activity: ActivityRecord, member: { id: string; name: string }): AttendeeRecord {
  return {
    activityId: activity.id,
    memberId: member.id,
    name: member.name,
    orgId: activity.orgId,
    orgName: activity.orgName,
    startAt: activity.startAt,
    endAt: activity.endAt,
    title: activity.title,
    kind: activity.kind ?? 'theme_day',
    version: 1,
  };
}

export function attendeeItem(attendee: AttendeeRecord) {
  return {
    ...checkinKey(attendee.activityId, attendee.memberId),
    gsi2pk: `MEMBER#${attendee.memberId}#MEETINGS`,
    gsi2sk: `${attendee.startAt}#${attendee.activityId}`,
    ...attendee,
  };
}

/**
 * `after` replacing `before` (on its version), or created (when `before` is null) — never a second one.
 * `assumedBlank`: `before` was not read but assumed to be the freeze's blank item, so the condition also
 * demands that it holds no fact yet (a leave asked before the start is version 1 too).
 */
export function attendeePut(
  after: AttendeeRecord,
  before: Pick<AttendeeRecord, 'version'> | null,
  assumedBlank = false,
): TransactItem {
  if (!before) {
    return {
      Put: { TableName: tableName(), Item: attendeeItem(after), ConditionExpression: 'attribute_not_exists(pk)' },
    };
  }
  const blank = ' AND attribute_not_exists(#at) AND attribute_not_exists(#leave) AND attribute_not_exists(#madeUpAt)';
  return {
    Put: {
      TableName: tableName(),
      Item: attendeeItem(after),
      ConditionExpression: `#version = :version${assumedBlank ? blank : ''}`,
      ExpressionAttributeNames: {
        '#version': 'version',
        ...(assumedBlank ? { '#at': 'at', '#leave': 'leave', '#madeUpAt': 'madeUpAt' } : {}),
      },
      ExpressionAttributeValues: { ':version': before.version },
    },
  };
}

/**
 * 签退 without reading the attendee first (the burst's hot path): only onto a check-in without one yet. The
 * counters' delta is then known (checkedOut +1); any other state fails the condition and is read.
 */
export function checkoutUpdate(activityId: string, memberId: string, at: string): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: checkinKey(activityId, memberId),
      UpdateExpression: 'SET checkedOutAt = :at, #version = #version + :one',
      ConditionExpression: 'attribute_exists(#at) AND attribute_not_exists(checkedOutAt)',
      ExpressionAttributeNames: { '#version': 'version', '#at': 'at' },
      ExpressionAttributeValues: { ':at': at, ':one': 1 },
    },
  };
}

/** The freeze's blank attendees, created together with the activity's `attendees` counter (./expected.ts). */
export function blankAttendeePuts(attendees: readonly AttendeeRecord[]): TransactItem[] {
  return attendees.map((attendee) => attendeePut(attendee, null));
}

export async function getAttendee(activityId: string, memberId: string): Promise<AttendeeRecord | null> {
  const result = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: checkinKey(activityId, memberId), ConsistentRead: true }),
  );
  return withoutKeys<AttendeeRecord>(result.Item);
}

export function listAttendees(activityId: string): Promise<AttendeeRecord[]> {
  return queryAll<AttendeeRecord>({
    TableName: tableName(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': `ACT#${activityId}`, ':prefix': 'CHECKIN#' },
    ConsistentRead: true,
  });
}

export async function getLeaveRef(id: string): Promise<LeaveRef | null> {
  const result = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: leaveRefKey(id), ConsistentRead: true }),
  );
  return withoutKeys<LeaveRef>(result.Item);
}

export function leaveRefPut(ref: LeaveRef): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: {
        ...leaveRefKey(ref.id),
        gsi1pk: `ORG#${ref.orgId}#LEAVES`,
        gsi1sk: `${ref.requestedAt}#${ref.id}`,
        ...ref,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** The decision on a leave reference: only while it is pending, so a leave is decided once. */
export function leaveRefDecision(
  id: string,
  decision: { status: LeaveStatus; at: string; byName: string; comment?: string | undefined },
): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: leaveRefKey(id),
      UpdateExpression: `SET #status = :status, decidedAt = :at, decidedByName = :by${decision.comment ? ', #comment = :comment' : ''}`,
      ConditionExpression: '#status = :pending',
      ExpressionAttributeNames: { '#status': 'status', ...(decision.comment ? { '#comment': 'comment' } : {}) },
      ExpressionAttributeValues: {
        ':status': decision.status,
        ':at': decision.at,
        ':by': decision.byName,
        ':pending': 'pending',
        ...(decision.comment ? { ':comment': decision.comment } : {}),
      },
    },
  };
}

/**
 * A branch's leaves, newest first, one page; `status` filters (the to-do list: pending). A filtered page reads
 * at most `limit` items, so it may hold fewer rows than asked and still have a next page.
 */
export async function branchLeaves(orgId: string, limit: number, startKey?: PageKey, status?: LeaveStatus) {
  return queryPage<LeaveRef>({
    TableName: tableName(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ...(status
      ? {
          FilterExpression: '#status = :status',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pk': `ORG#${orgId}#LEAVES`, ':status': status },
        }
      : { ExpressionAttributeValues: { ':pk': `ORG#${orgId}#LEAVES` } }),
    ScanIndexForward: false,
    Limit: limit,
    ExclusiveStartKey: startKey,
  });
}

/** Write capacity the attendee transactions consumed, when RETURN_CONSUMED_CAPACITY=1 (the benchmark). */
export const consumedCapacity = { write: 0 };

/** → null when written, else each item's cancellation reason ('ConditionalCheckFailed', 'TransactionConflict'…). */
export async function transact(items: TransactItem[]): Promise<string[] | null> {
  try {
    const result = await dynamo().send(
      new TransactWriteCommand({
        TransactItems: items,
        ReturnConsumedCapacity: process.env.RETURN_CONSUMED_CAPACITY === '1' ? 'TOTAL' : undefined,
      }),
    );
    for (const used of result.ConsumedCapacity ?? []) consumedCapacity.write += used.CapacityUnits ?? 0;
    return null;
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (!reasons) throw error;
    return reasons;
  }
}
