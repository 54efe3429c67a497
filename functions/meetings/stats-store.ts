/**
 * What statistics and exports read. Read-only: the items are declared where they are written — BranchMonth in
 * ./aggregates.ts, Activity in ./store.ts, Attendee in ./attendees-store.ts. Every read is a Query, bounded:
 *
 *   - a branch's months of a period: Query pk MEETSTATS#<orgId>, sk BETWEEN MONTH#<first> AND MONTH#<last>
 *     (≤ 12 items, one page)
 *   - a subtree's branch-months: Query GSI1 MEETSTATS#<rootId>, gsi1sk BETWEEN `<first>#<path>` AND
 *     `<last>#<path>~`; the middle months also hold other subtrees' rows, dropped here by their path. Rows are
 *     (branches × months that had anything): one page for dozens of branches over a year
 *   - a branch's meetings starting in a month: Query GSI1 ORG#<orgId>#ACTIVITIES, gsi1sk BETWEEN the month's
 *     instants, at most MAX_EXPORT_MEETINGS
 *   - a meeting's attendees: Query pk ACT#<id>, begins_with(sk, CHECKIN#), pages of ATTENDEE_PAGE
 */
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../../shared/errors';
import type { AttendeeFacts } from '../../shared/meetings/attendee';
import { tableName } from '../commons/config';
import type { PageKey } from '../commons/cursor';
import { dynamo, queryAll, withoutKeys } from '../commons/dynamo';
import type { BranchMonthRecord } from './aggregates';
import type { ActivityRecord } from './store';

export async function branchMonths(orgId: string, first: string, last: string): Promise<BranchMonthRecord[]> {
  return queryAll<BranchMonthRecord>({
    TableName: tableName(),
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': `MEETSTATS#${orgId}`, ':from': `MONTH#${first}`, ':to': `MONTH#${last}` },
  });
}

/** Every branch-month row under `orgPath` (a committee's or 党总支's subtree) for months first … last. */
export async function subtreeMonths(orgPath: string, first: string, last: string): Promise<BranchMonthRecord[]> {
  const root = orgPath.split('/')[1] ?? '';
  const rows = await queryAll<BranchMonthRecord>({
    TableName: tableName(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
    ExpressionAttributeValues: {
      ':pk': `MEETSTATS#${root}`,
      ':from': `${first}#${orgPath}`,
      // '~' sorts after every character of an id path, so the last month's whole subtree is inside.
      ':to': `${last}#${orgPath}~`,
    },
  });
  return rows.filter((row) => row.orgPath.startsWith(orgPath));
}

/** A month of meetings is capped: more than this (two a day every day, and more) is not a branch's month. */
export const MAX_EXPORT_MEETINGS = 100;
/** Attendee items one export reads at most, over all its meetings (e.g. 40 meetings × 1,000 members). */
export const MAX_EXPORT_ATTENDEES = 40_000;
const ATTENDEE_PAGE = 1000;

const tooLarge = () => new DomainError('EXPORT_TOO_LARGE');

/** The branch's meetings starting in [fromIso, toIso), oldest first; over MAX_EXPORT_MEETINGS → 422. */
export async function meetingsStartingBetween(
  orgId: string,
  fromIso: string,
  toIso: string,
): Promise<ActivityRecord[]> {
  const page = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': `ORG#${orgId}#ACTIVITIES`, ':from': fromIso, ':to': toIso },
      Limit: MAX_EXPORT_MEETINGS + 1,
    }),
  );
  const items = (page.Items ?? []).map((item) => withoutKeys<ActivityRecord>(item)!);
  if (items.length > MAX_EXPORT_MEETINGS) throw tooLarge();
  return items;
}

/** What the export needs of an attendee: who, and the facts its status and counters come from. */
export type ExportAttendee = AttendeeFacts & { readonly memberId: string; readonly name: string };

/** A shared budget of attendee items for one export: reading past it throws EXPORT_TOO_LARGE. */
export interface AttendeeBudget {
  left: number;
}

export async function meetingAttendees(activityId: string, budget: AttendeeBudget): Promise<ExportAttendee[]> {
  const found: ExportAttendee[] = [];
  let startKey: PageKey | undefined;
  do {
    const input: QueryCommandInput = {
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `ACT#${activityId}`, ':prefix': 'CHECKIN#' },
      ProjectionExpression: 'memberId, #name, #at, late, manual, checkedOutAt, #leave, madeUpAt',
      ExpressionAttributeNames: { '#name': 'name', '#at': 'at', '#leave': 'leave' },
      Limit: ATTENDEE_PAGE,
      ExclusiveStartKey: startKey,
    };
    const page = await dynamo().send(new QueryCommand(input));
    const items = (page.Items ?? []) as ExportAttendee[];
    budget.left -= items.length;
    if (budget.left < 0) throw tooLarge();
    found.push(...items);
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return found;
}
