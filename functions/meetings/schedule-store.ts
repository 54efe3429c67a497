/**
 * 周二夜学 entities — a branch's weekly schedule, its history, and the marks the generation job leaves.
 *
 * Schedule   pk NIGHTSTUDY#<orgId>  sk SCHEDULE          the branch's current schedule (absent: the default)
 *   - read: GetItem; save: Put conditional on the version read (attribute_not_exists for the first save), so
 *     of two concurrent saves one wins and the other gets 409
 * Version    pk NIGHTSTUDY#<orgId>  sk V#<000042>        every saved version with who and when (history is
 *   never rewritten, DESIGN §6.1): Put attribute_not_exists in the same transaction as the save; the history:
 *   Query pk, begins_with(sk, V#), newest first
 * Reminded   pk NIGHTSTUDY#<orgId>  sk REMINDED#<activityId>   a session's reminder went out to every member
 *   - GetItem before sending; Put attribute_not_exists after (the messages themselves are one per (member,
 *     session) by their own key, so two runs at once still send each member one)
 * JobCursor  pk NIGHTSTUDY#JOB      sk CURSOR            where a run that hit its bounds stops: the next starts
 *   after that branch path (GetItem / Put)
 * Generated sessions are Activity items (./store.ts); a branch's within [from, to): Query GSI1
 * ORG#<orgId>#ACTIVITIES, gsi1sk BETWEEN, filtered to kind night_study created by the schedule, bounded pages.
 */
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { NightStudyPlan } from '../../shared/meetings/schedule';
import { tableName } from '../commons/config';
import { boundedQuery, cancellationReasons, dynamo, isConditionFailure, withoutKeys } from '../commons/dynamo';
import type { ActivityRecord } from './store';

/** Who creates and cancels generated sessions (the activity's createdBy / the canceller's memberId). */
export const SCHEDULE_ACTOR = { memberId: 'schedule', name: '夜学安排' } as const;

export interface ScheduleRecord extends NightStudyPlan {
  readonly orgId: string;
  readonly version: number;
  readonly updatedAt: string;
  readonly updatedBy: string;
  readonly updatedByName: string;
}

const pkOf = (orgId: string) => `NIGHTSTUDY#${orgId}`;
export const scheduleKey = (orgId: string) => ({ pk: pkOf(orgId), sk: 'SCHEDULE' });
const versionKey = (orgId: string, version: number) => ({
  pk: pkOf(orgId),
  sk: `V#${String(version).padStart(6, '0')}`,
});
const remindedKey = (orgId: string, activityId: string) => ({ pk: pkOf(orgId), sk: `REMINDED#${activityId}` });
const CURSOR_KEY = { pk: 'NIGHTSTUDY#JOB', sk: 'CURSOR' };

export async function getSchedule(orgId: string, consistent = false): Promise<ScheduleRecord | null> {
  const result = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: scheduleKey(orgId), ConsistentRead: consistent }),
  );
  return withoutKeys<ScheduleRecord>(result.Item);
}

/** Saves `record` (version n+1) over version `expected` (0: none yet), with its history entry. */
export async function saveSchedule(record: ScheduleRecord, expected: number): Promise<'saved' | 'conflict'> {
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: { ...scheduleKey(record.orgId), ...record },
              ...(expected === 0
                ? { ConditionExpression: 'attribute_not_exists(pk)' }
                : {
                    ConditionExpression: '#version = :expected',
                    ExpressionAttributeNames: { '#version': 'version' },
                    ExpressionAttributeValues: { ':expected': expected },
                  }),
            },
          },
          {
            Put: {
              TableName: tableName(),
              Item: { ...versionKey(record.orgId, record.version), ...record },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
    return 'saved';
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (reasons?.some((reason) => reason === 'ConditionalCheckFailed' || reason === 'TransactionConflict')) {
      return 'conflict';
    }
    throw error;
  }
}

/** The schedule's saved versions, newest first (at most `limit`). */
export async function scheduleHistory(orgId: string, limit = 20): Promise<ScheduleRecord[]> {
  const result = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pkOf(orgId), ':prefix': 'V#' },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (result.Items ?? []).map((item) => withoutKeys<ScheduleRecord>(item)!);
}

/** A branch has at most a few meetings a week: 3 pages of 100 cover any generation window many times over. */
const SESSION_PAGES = { pageSize: 100, maxPages: 3 } as const;

/** The branch's generated sessions starting within [fromIso, toIso), oldest first, every status. */
export async function generatedSessions(orgId: string, fromIso: string, toIso: string): Promise<ActivityRecord[]> {
  const { items } = await boundedQuery(
    {
      TableName: tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
      FilterExpression: 'kind = :kind AND createdBy = :by',
      ExpressionAttributeValues: {
        ':pk': `ORG#${orgId}#ACTIVITIES`,
        ':from': fromIso,
        ':to': toIso,
        ':kind': 'night_study',
        ':by': SCHEDULE_ACTOR.memberId,
      },
    },
    SESSION_PAGES,
  );
  return items.map((item) => withoutKeys<ActivityRecord>(item)!);
}

export async function wasReminded(orgId: string, activityId: string): Promise<boolean> {
  const result = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: remindedKey(orgId, activityId), ConsistentRead: true }),
  );
  return !!result.Item;
}

/** Marks the session's reminder as sent; false when another run marked it first. */
export async function markReminded(orgId: string, activityId: string, nowIso: string, sent: number): Promise<boolean> {
  try {
    await dynamo().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...remindedKey(orgId, activityId), activityId, remindedAt: nowIso, sent },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** The branch path the last bounded run stopped after ('' = start from the first branch). */
export async function jobCursor(): Promise<string> {
  const result = await dynamo().send(new GetCommand({ TableName: tableName(), Key: CURSOR_KEY, ConsistentRead: true }));
  return (result.Item?.after as string | undefined) ?? '';
}

export async function setJobCursor(after: string, nowIso: string): Promise<void> {
  await dynamo().send(new PutCommand({ TableName: tableName(), Item: { ...CURSOR_KEY, after, at: nowIso } }));
}
