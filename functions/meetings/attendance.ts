import type { MemberClaims } from '../../shared/auth/roles';
import {
  type AttendanceActivity,
  type AttendanceCheckin,
  checkinBounds,
  monthAttendance,
} from '../../shared/meetings/attendance';
import { MAX_ACTIVITY_HOURS, type MyAttendanceResponse } from '../../shared/meetings/schemas';
import { monthRange, shanghaiMonth } from '../../shared/time';
import { tableName } from '../commons/config';
import { batchGetAll, boundedQuery as bounded } from '../commons/dynamo';
import { type ActivityRecord, activityKey } from './store';

/** One read takes at most 3 pages of 100 activities and 3 of 100 check-ins: far above any member's month. */
export const ATTENDANCE_PAGE_SIZE = 100;
export const ATTENDANCE_MAX_PAGES = 3;

type Item = Record<string, unknown>;

const ATTENDANCE_BOUNDS = { pageSize: ATTENDANCE_PAGE_SIZE, maxPages: ATTENDANCE_MAX_PAGES } as const;
const boundedQuery = (input: Parameters<typeof bounded>[0]) => bounded(input, ATTENDANCE_BOUNDS);

/** What the page reads of an activity item: no counters, no coordinates (only the place's name). */
const ACTIVITY_PROJECTION = {
  ProjectionExpression:
    '#id, #orgId, #orgName, #title, #startAt, #endAt, #place.#name, #kind, #status, #requireCheckout',
  ExpressionAttributeNames: {
    '#kind': 'kind',
    '#status': 'status',
    '#requireCheckout': 'requireCheckout',
    '#id': 'id',
    '#orgId': 'orgId',
    '#orgName': 'orgName',
    '#title': 'title',
    '#startAt': 'startAt',
    '#endAt': 'endAt',
    '#place': 'place',
    '#name': 'name',
  },
} as const;

type ActivityFields = Pick<
  ActivityRecord,
  'id' | 'orgId' | 'orgName' | 'title' | 'startAt' | 'endAt' | 'kind' | 'status' | 'requireCheckout'
> & {
  place?: { name?: string } | null;
};

function toAttendanceActivity(item: Item): AttendanceActivity {
  const { place, ...activity } = item as ActivityFields;
  return { ...activity, placeName: place?.name };
}

/** The branch's activities starting in [from, to): gsi1sk `<startAt>#<id>` sorts `to#…` after the bare `to`. */
export async function branchActivitiesBetween(orgId: string, from: string, to: string) {
  const { items, complete } = await boundedQuery({
    TableName: tableName(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': `ORG#${orgId}#ACTIVITIES`, ':from': from, ':to': to },
    ScanIndexForward: false,
    ...ACTIVITY_PROJECTION,
  });
  return { items: items.map(toAttendanceActivity), complete };
}

/** The member's check-ins made in [from, to] (gsi1sk is the check-in time): items written before attendees had GSI2. */
export async function memberCheckinsBetween(memberId: string, from: string, to: string) {
  const { items, complete } = await boundedQuery({
    TableName: tableName(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': `MEMBER#${memberId}#CHECKINS`, ':from': from, ':to': to },
    ScanIndexForward: false,
    ProjectionExpression: '#activityId, #at, #late',
    ExpressionAttributeNames: { '#activityId': 'activityId', '#at': 'at', '#late': 'late' },
  });
  return { items: items as unknown as AttendanceCheckin[], complete };
}

/** The member's attendee items of meetings starting in [from, to) (gsi2sk `<startAt>#<id>`), newest first. */
export async function memberAttendeesBetween(memberId: string, from: string, to: string) {
  const { items, complete } = await boundedQuery({
    TableName: tableName(),
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': `MEMBER#${memberId}#MEETINGS`, ':from': from, ':to': to },
    ScanIndexForward: false,
    ProjectionExpression: '#activityId, #at, #late, #manual, #checkedOutAt, #leave, #madeUpAt',
    ExpressionAttributeNames: {
      '#activityId': 'activityId',
      '#at': 'at',
      '#late': 'late',
      '#manual': 'manual',
      '#checkedOutAt': 'checkedOutAt',
      '#leave': 'leave',
      '#madeUpAt': 'madeUpAt',
    },
  });
  return { items: items as unknown as AttendanceCheckin[], complete };
}

/** Activities by id (BatchGetItem, 100 keys a call), retrying what DynamoDB left unprocessed. */
export async function activitiesByIds(ids: readonly string[]): Promise<AttendanceActivity[]> {
  return (await batchGetAll(ids.map(activityKey), ACTIVITY_PROJECTION)).map(toAttendanceActivity);
}

/**
 * The caller's month: the activities of their branch now, plus those of any other branch they checked in to
 * (before a move), each with their check-in. `month` defaults to the current Shanghai month.
 */
export async function myAttendance(
  claims: MemberClaims,
  month: string | undefined,
  nowMs: number,
): Promise<MyAttendanceResponse> {
  const period = month ?? shanghaiMonth(nowMs);
  const starts = monthRange(period);
  const checkinTimes = checkinBounds(period, MAX_ACTIVITY_HOURS);
  const [branch, attendees, older] = await Promise.all([
    branchActivitiesBetween(claims.orgId, starts.from, starts.to),
    memberAttendeesBetween(claims.memberId, starts.from, starts.to),
    memberCheckinsBetween(claims.memberId, checkinTimes.from, checkinTimes.to),
  ]);
  // Both reads may hold the same item; the attendee's (every fact) wins over the check-in's (time only).
  const facts = new Map<string, AttendanceCheckin>();
  for (const item of [...older.items, ...attendees.items]) facts.set(item.activityId, item);
  const checkins = { items: [...facts.values()], complete: attendees.complete && older.complete };
  const known = new Set(branch.items.map((activity) => activity.id));
  const elsewhere = [...new Set(checkins.items.map((c) => c.activityId))].filter((id) => !known.has(id));
  const history = elsewhere.length > 0 ? await activitiesByIds(elsewhere) : [];
  const result = monthAttendance({
    month: period,
    activities: [...branch.items, ...history],
    checkins: checkins.items,
    nowMs,
  });
  return branch.complete && checkins.complete ? result : { ...result, truncated: true };
}
