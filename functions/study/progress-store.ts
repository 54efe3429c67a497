/**
 * Study progress entities — sessions, check-ins and the aggregates a completion maintains.
 *
 * Session     pk STUDYSESSION#<id>       sk SESSION            expiresAt: TTL (epoch s), a week after the start
 *   - get one: GetItem (consistent); a heartbeat: conditional update on `version`, never after completion
 * Checkin     pk STUDYMEMBER#<memberId>  sk CHECKIN#<day>#<itemId>  gsi1pk STUDYHISTORY#<memberId>  gsi1sk <at>#<itemId>
 *   - one per (item, member, Asia/Shanghai day) by key + attribute_not_exists: a second completion that day
 *     cannot make another; today's: GetItem
 *   - my check-ins of a range of days (today, this week): Query pk, sk BETWEEN, bounded pages
 *   - my history, newest first: Query GSI1
 * MemberStats pk STUDYMEMBER#<memberId>  sk STATS
 *   - streak (current, longest, lastDay, runStart), totals, the orgs of the month's participation; replaced
 *     on `version` in each completion's transaction; 我的学习: GetItem
 * BranchMonth pk STUDYSTATS#<orgId>      sk MONTH#<YYYY-MM>
 *   - checkins, seconds, participants: ADD in each completion's transaction; a branch's month is one
 *     GetItem, a committee's branches one BatchGetItem (one key per branch)
 * Done        pk STUDYITEM#<itemId>      sk DONE#<memberId>
 *   - a member's completions of an item (firstAt, lastAt, checkins): upserted in the completion's
 *     transaction; who has studied an item: Query pk, begins_with(sk, DONE#) — one item per member
 */
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { MemberProgress } from '../../shared/study/progress';
import { tableName } from '../commons/config';
import type { PageKey } from '../commons/cursor';
import { batchGetAll, dynamo, isConditionFailure, queryAll, queryPage, withoutKeys } from '../commons/dynamo';

export interface StudySessionRecord {
  readonly id: string;
  readonly itemId: string;
  readonly memberId: string;
  readonly requiredSeconds: number;
  readonly creditedMs: number;
  readonly lastBeatMs: number;
  readonly lastVisible: boolean;
  readonly startedAt: string;
  readonly completedAt?: string;
  readonly checkinId?: string;
  readonly version: number;
  /** TTL (epoch seconds): the table forgets the session a week after it started. */
  readonly expiresAt: number;
}

export interface StudyCheckinRecord {
  readonly id: string;
  readonly memberId: string;
  readonly itemId: string;
  readonly title: string;
  readonly category: string;
  /** The member's org at the time: history keeps it even after a transfer (DESIGN §6.1). */
  readonly orgId: string;
  readonly day: string;
  readonly at: string;
  readonly seconds: number;
  readonly sessionId: string;
}

/** shared/study/progress.ts's MemberProgress, stored per member and replaced on its version. */
export interface MemberStudyStats extends MemberProgress {
  readonly memberId: string;
  readonly version: number;
}

export interface BranchMonthRecord {
  readonly orgId: string;
  readonly month: string;
  readonly checkins: number;
  readonly seconds: number;
  readonly participants: number;
}

export interface DoneRecord {
  readonly memberId: string;
  readonly name: string;
  readonly orgId: string;
  readonly firstAt: string;
  readonly lastAt: string;
  readonly checkins: number;
}

export const sessionKey = (id: string) => ({ pk: `STUDYSESSION#${id}`, sk: 'SESSION' });
export const checkinKey = (memberId: string, day: string, itemId: string) => ({
  pk: `STUDYMEMBER#${memberId}`,
  sk: `CHECKIN#${day}#${itemId}`,
});
export const statsKey = (memberId: string) => ({ pk: `STUDYMEMBER#${memberId}`, sk: 'STATS' });
export const branchMonthKey = (orgId: string, month: string) => ({ pk: `STUDYSTATS#${orgId}`, sk: `MONTH#${month}` });
export const doneKey = (itemId: string, memberId: string) => ({ pk: `STUDYITEM#${itemId}`, sk: `DONE#${memberId}` });

export async function putSession(session: StudySessionRecord): Promise<void> {
  await dynamo().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...sessionKey(session.id), ...session },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

export async function getSession(id: string): Promise<StudySessionRecord | null> {
  const result = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: sessionKey(id), ConsistentRead: true }),
  );
  return withoutKeys<StudySessionRecord>(result.Item);
}

/**
 * Sets `values` on a session still open and unchanged since it was read (its version), bumping the version:
 * false when someone moved it meanwhile (a concurrent heartbeat or completion).
 */
export async function updateOpenSession(
  session: StudySessionRecord,
  values: Record<string, string | number | boolean>,
): Promise<boolean> {
  const names = Object.keys(values);
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: sessionKey(session.id),
        UpdateExpression: `SET ${names.map((name) => `${name} = :${name}`).join(', ')}, version = :next`,
        ConditionExpression: 'version = :version AND attribute_not_exists(completedAt)',
        ExpressionAttributeValues: {
          ...Object.fromEntries(names.map((name) => [`:${name}`, values[name]])),
          ':version': session.version,
          ':next': session.version + 1,
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** A heartbeat's clock, only if nobody moved the session since it was read: false when someone did. */
export function saveClock(
  session: StudySessionRecord,
  clock: Pick<StudySessionRecord, 'creditedMs' | 'lastBeatMs' | 'lastVisible'>,
) {
  return updateOpenSession(session, {
    creditedMs: clock.creditedMs,
    lastBeatMs: clock.lastBeatMs,
    lastVisible: clock.lastVisible,
  });
}

export async function getCheckin(memberId: string, day: string, itemId: string): Promise<StudyCheckinRecord | null> {
  const result = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: checkinKey(memberId, day, itemId), ConsistentRead: true }),
  );
  return withoutKeys<StudyCheckinRecord>(result.Item);
}

/** Pages a range read takes at most: 5 × 100 check-ins, far above what one member completes in a week. */
const RANGE_BOUNDS = { pageSize: 100, maxPages: 5 } as const;

/** The member's check-ins on days fromDay … toDay (inclusive): item, day and seconds only. */
export async function checkinsBetween(memberId: string, fromDay: string, toDay: string) {
  const found: Pick<StudyCheckinRecord, 'itemId' | 'day' | 'seconds'>[] = [];
  let startKey: PageKey | undefined;
  for (let page = 0; page < RANGE_BOUNDS.maxPages; page++) {
    const result = await dynamo().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': `STUDYMEMBER#${memberId}`,
          ':from': `CHECKIN#${fromDay}`,
          ':to': `CHECKIN#${toDay}#\uffff`,
        },
        ProjectionExpression: 'itemId, #day, seconds',
        ExpressionAttributeNames: { '#day': 'day' },
        Limit: RANGE_BOUNDS.pageSize,
        ExclusiveStartKey: startKey,
      }),
    );
    found.push(...((result.Items ?? []) as typeof found));
    startKey = result.LastEvaluatedKey;
    if (!startKey) break;
  }
  return found;
}

export async function historyPage(memberId: string, limit: number, startKey?: PageKey) {
  return queryPage<StudyCheckinRecord>({
    TableName: tableName(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': `STUDYHISTORY#${memberId}` },
    ScanIndexForward: false,
    Limit: limit,
    ExclusiveStartKey: startKey,
  });
}

export async function getMemberStats(memberId: string): Promise<MemberStudyStats | null> {
  const result = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: statsKey(memberId), ConsistentRead: true }),
  );
  return withoutKeys<MemberStudyStats>(result.Item);
}

/** The months of several orgs: one key per org (BatchGetItem). */
export async function branchMonths(orgIds: readonly string[], month: string): Promise<Map<string, BranchMonthRecord>> {
  const items = await batchGetAll(orgIds.map((orgId) => branchMonthKey(orgId, month)));
  return new Map(items.map((item) => withoutKeys<BranchMonthRecord>(item)!).map((record) => [record.orgId, record]));
}

/** Which of `itemIds` the member has a check-in for on `day`: one BatchGetItem for a list page (≤ 50 keys). */
export async function checkedIn(memberId: string, day: string, itemIds: readonly string[]): Promise<Set<string>> {
  const items = await batchGetAll(itemIds.map((itemId) => checkinKey(memberId, day, itemId)));
  return new Set(items.map((item) => withoutKeys<StudyCheckinRecord>(item)!.itemId));
}

/** Everyone who has completed the item, one record per member. */
export function listDone(itemId: string): Promise<DoneRecord[]> {
  return queryAll<DoneRecord>({
    TableName: tableName(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :done)',
    ExpressionAttributeValues: { ':pk': `STUDYITEM#${itemId}`, ':done': 'DONE#' },
  });
}
