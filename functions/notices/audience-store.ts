/**
 * Notices entities — who a notice reached and who has read it (the notice and its feeds: ./store.ts).
 *
 * Audience pk NOTICE#<id>  sk AUD#<memberId>  — one per member the notice was aimed at when published
 *          while unread: gsi1pk NOTICE#<id>#UNREAD               gsi1sk <orgId>#<memberId>
 *                        gsi2pk MEMBER#<memberId>#UNREAD_NOTICES  gsi2sk <kind>#<publishedAt>#<id>
 *   - the notice's unread members: Query GSI1; a member's unread count: Query GSI2 (Select COUNT); both
 *     sparse: the receipt's transaction removes the keys
 * Receipt  pk NOTICE#<id>  sk READ#<memberId>  — one per (notice, member) by key + attribute_not_exists
 *   - have I read these: BatchGetItem over a page of notices
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { feedSortKey } from '../../shared/notices/feed';
import type { NoticeKind } from '../../shared/notices/schemas';
import { tableName } from '../commons/config';
import { batchGetAll, cancellationReasons, dynamo, queryAll, withoutKeys } from '../commons/dynamo';
import type { TransactItem } from '../org/service';
import { type NoticeRecord, noticeKey, transact } from './store';

export interface AudienceMember {
  readonly memberId: string;
  readonly name: string;
  readonly orgId: string;
}

const audienceKey = (id: string, memberId: string) => ({ pk: `NOTICE#${id}`, sk: `AUD#${memberId}` });
const receiptKey = (id: string, memberId: string) => ({ pk: `NOTICE#${id}`, sk: `READ#${memberId}` });

/** A member of the audience, unread: fails when the member is already in it (a resumed publication). */
export function audiencePut(notice: NoticeRecord, member: AudienceMember): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: {
        ...audienceKey(notice.id, member.memberId),
        gsi1pk: `NOTICE#${notice.id}#UNREAD`,
        gsi1sk: `${member.orgId}#${member.memberId}`,
        gsi2pk: `MEMBER#${member.memberId}#UNREAD_NOTICES`,
        gsi2sk: `${notice.kind}#${feedSortKey(notice.publishedAt, notice.id)}`,
        ...member,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Which of these notices `memberId` has a receipt for (one BatchGetItem; a page holds at most 50). */
export async function readNoticeIds(ids: readonly string[], memberId: string): Promise<Set<string>> {
  const keys = [...new Set(ids)].map((id) => receiptKey(id, memberId));
  const found = await batchGetAll(keys, { ProjectionExpression: 'pk' });
  return new Set(found.map((item) => String(item.pk).slice('NOTICE#'.length)));
}

/** How many notices aimed at `memberId` they have not read (of one kind, when given). */
export async function unreadCount(memberId: string, kind?: NoticeKind): Promise<number> {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi2',
        KeyConditionExpression: kind ? 'gsi2pk = :pk AND begins_with(gsi2sk, :kind)' : 'gsi2pk = :pk',
        ExpressionAttributeValues: {
          ':pk': `MEMBER#${memberId}#UNREAD_NOTICES`,
          ...(kind ? { ':kind': `${kind}#` } : {}),
        },
        Select: 'COUNT',
        ExclusiveStartKey: startKey,
      }),
    );
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}

export async function getReceipt(id: string, memberId: string): Promise<{ at: string } | null> {
  const result = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: receiptKey(id, memberId), ConsistentRead: true }),
  );
  return withoutKeys<{ at: string }>(result.Item);
}

export type ReceiptWrite = 'created' | 'exists' | 'not_audience' | 'conflict';

/**
 * The read receipt, once: the receipt (only if none yet) and — for a member of the audience — the notice's
 * readCount and the member's audience entry (unread keys removed), all in one transaction.
 */
export async function writeReceipt(
  id: string,
  receipt: { memberId: string; name: string; at: string },
  inAudience: boolean,
): Promise<ReceiptWrite> {
  const items: TransactItem[] = [
    {
      Put: {
        TableName: tableName(),
        Item: { ...receiptKey(id, receipt.memberId), ...receipt },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
  if (inAudience) {
    items.push(
      {
        Update: {
          TableName: tableName(),
          Key: noticeKey(id),
          UpdateExpression: 'ADD readCount :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':one': 1 },
        },
      },
      {
        Update: {
          TableName: tableName(),
          Key: audienceKey(id, receipt.memberId),
          UpdateExpression: 'SET readAt = :at REMOVE gsi1pk, gsi1sk, gsi2pk, gsi2sk',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(readAt)',
          ExpressionAttributeValues: { ':at': receipt.at },
        },
      },
    );
  }
  try {
    await transact(items);
    return 'created';
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (!reasons) throw error;
    if (reasons[0] === 'ConditionalCheckFailed') return 'exists';
    if (reasons[2] === 'ConditionalCheckFailed') return 'not_audience';
    if (reasons.includes('TransactionConflict')) return 'conflict';
    throw error;
  }
}

/** Whether `memberId` was in the notice's audience (consistent read). */
export async function inAudience(id: string, memberId: string): Promise<boolean> {
  const result = await dynamo().send(
    new GetCommand({
      TableName: tableName(),
      Key: audienceKey(id, memberId),
      ConsistentRead: true,
      ProjectionExpression: 'pk',
    }),
  );
  return result.Item !== undefined;
}

/** The audience members who have not read the notice (the sparse GSI1), by org then member. */
export function unreadMembers(id: string): Promise<AudienceMember[]> {
  return queryAll<AudienceMember>({
    TableName: tableName(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': `NOTICE#${id}#UNREAD` },
  });
}

/** The ids of the audience written so far (resuming a publication). */
export async function audienceIds(id: string): Promise<Set<string>> {
  const items = await queryAll<{ memberId: string }>({
    TableName: tableName(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :aud)',
    ExpressionAttributeValues: { ':pk': `NOTICE#${id}`, ':aud': 'AUD#' },
    ProjectionExpression: 'memberId',
    ConsistentRead: true,
  });
  return new Set(items.map((item) => item.memberId));
}
