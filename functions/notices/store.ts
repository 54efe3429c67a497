/**
 * Notices entities — 党建新闻 / 信息发布 and the feeds they are in.
 *
 * Notice   pk NOTICE#<id>  sk NOTICE        (while publishing: gsi2pk NOTICES#PUBLISHING gsi2sk <publishedAt>#<id>)
 *   - one notice: GetItem; audience and readCount: maintained, readCount in the same transaction as each receipt
 *   - publications a sender died in the middle of: Query GSI2 NOTICES#PUBLISHING (the minutely job resumes them)
 * Target   pk NOTICE#<id>  sk TARGET#<orgId>  gsi1pk ORG#<orgId>#NOTICES          gsi1sk <publishedAt>#<id>
 *                                             gsi2pk ORG#<orgId>#NOTICES#<kind>   gsi2sk <publishedAt>#<id>
 *   - an org's feed, newest first (all kinds: GSI1; one kind: GSI2); a member's list merges the feeds of every
 *     org on their path (a few Queries, no Scan). Written last, so a notice is seen only once fully published.
 * Audience and receipts: ./audience-store.ts
 */
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { feedSortKey } from '../../shared/notices/feed';
import type { NoticeKind } from '../../shared/notices/schemas';
import { tableName } from '../commons/config';
import { dynamo, isConditionFailure, queryAll, withoutKeys } from '../commons/dynamo';
import type { TransactItem } from '../org/service';

export interface NoticeTargetRecord {
  readonly orgId: string;
  readonly orgPath: string;
  readonly orgName: string;
}

export interface NoticeRecord {
  readonly id: string;
  readonly kind: NoticeKind;
  readonly title: string;
  readonly body: string;
  readonly orgId: string;
  readonly orgPath: string;
  readonly orgName: string;
  readonly authorId: string;
  readonly authorName: string;
  readonly targets: readonly NoticeTargetRecord[];
  readonly publishedAt: string;
  readonly state: 'publishing' | 'published';
  readonly audience: number;
  readonly readCount: number;
  readonly remindedAt?: string;
  readonly resumeLeaseUntil?: string;
}

/** What a feed entry holds: enough for a list item without reading the notice (its body may be 150 KB). */
export interface FeedRecord {
  readonly id: string;
  readonly sortKey: string;
  readonly kind: NoticeKind;
  readonly title: string;
  readonly excerpt: string;
  readonly orgName: string;
  readonly authorId: string;
  readonly authorName: string;
  readonly publishedAt: string;
}

export const noticeKey = (id: string) => ({ pk: `NOTICE#${id}`, sk: 'NOTICE' });
const feedPk = (orgId: string, kind?: NoticeKind) => `ORG#${orgId}#NOTICES${kind ? `#${kind}` : ''}`;
const PUBLISHING = 'NOTICES#PUBLISHING';

export function noticePut(notice: NoticeRecord): TransactItem {
  const sortKey = feedSortKey(notice.publishedAt, notice.id);
  return {
    Put: {
      TableName: tableName(),
      Item: {
        ...noticeKey(notice.id),
        ...(notice.state === 'publishing' ? { gsi2pk: PUBLISHING, gsi2sk: sortKey } : {}),
        ...notice,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** The last write of a large publication: published, with its audience counted; the marker goes. */
export function publishedUpdate(id: string, audience: number): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: noticeKey(id),
      UpdateExpression: 'SET #state = :published, audience = :audience REMOVE gsi2pk, gsi2sk, resumeLeaseUntil',
      ConditionExpression: '#state = :publishing',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':published': 'published', ':publishing': 'publishing', ':audience': audience },
    },
  };
}

export function feedPut(notice: NoticeRecord, target: NoticeTargetRecord, excerpt: string): TransactItem {
  const sortKey = feedSortKey(notice.publishedAt, notice.id);
  const entry: FeedRecord = {
    id: notice.id,
    sortKey,
    kind: notice.kind,
    title: notice.title,
    excerpt,
    orgName: notice.orgName,
    authorId: notice.authorId,
    authorName: notice.authorName,
    publishedAt: notice.publishedAt,
  };
  return {
    Put: {
      TableName: tableName(),
      Item: {
        pk: `NOTICE#${notice.id}`,
        sk: `TARGET#${target.orgId}`,
        gsi1pk: feedPk(target.orgId),
        gsi1sk: sortKey,
        gsi2pk: feedPk(target.orgId, notice.kind),
        gsi2sk: sortKey,
        ...entry,
      },
    },
  };
}

export async function transact(items: TransactItem[]): Promise<void> {
  await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
}

export async function getNotice(id: string, consistent = false): Promise<NoticeRecord | null> {
  const result = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: noticeKey(id), ConsistentRead: consistent }),
  );
  return withoutKeys<NoticeRecord>(result.Item);
}

/** An org's feed below `before` (newest first), at most `limit` entries. */
export async function feedPage(orgId: string, kind: NoticeKind | undefined, before: string | undefined, limit: number) {
  const index = kind ? 'gsi2' : 'gsi1';
  const page = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: index,
      KeyConditionExpression: before ? `${index}pk = :pk AND ${index}sk < :before` : `${index}pk = :pk`,
      ExpressionAttributeValues: { ':pk': feedPk(orgId, kind), ...(before ? { ':before': before } : {}) },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return {
    entries: (page.Items ?? []).map((item) => withoutKeys<FeedRecord>(item)!),
    more: page.LastEvaluatedKey !== undefined,
  };
}

/** Publications still `publishing` that started before `beforeIso`. */
export function stalledPublications(beforeIso: string): Promise<NoticeRecord[]> {
  return queryAll<NoticeRecord>({
    TableName: tableName(),
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk < :before',
    ExpressionAttributeValues: { ':pk': PUBLISHING, ':before': beforeIso },
  });
}

/** One job run takes a stalled publication for `leaseEnd`; false when another holds it or it is done. */
export async function leaseResume(id: string, nowIso: string, leaseEnd: string): Promise<boolean> {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: noticeKey(id),
        UpdateExpression: 'SET resumeLeaseUntil = :lease',
        ConditionExpression:
          '#state = :publishing AND (attribute_not_exists(resumeLeaseUntil) OR resumeLeaseUntil < :now)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':publishing': 'publishing', ':now': nowIso, ':lease': leaseEnd },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** The fact of a reminder, on the notice, for a transaction that also adds the reminders' messages. */
export function remindedUpdate(id: string, nowIso: string, count: number): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: noticeKey(id),
      UpdateExpression: 'SET remindedAt = :now ADD reminders :count',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':now': nowIso, ':count': count },
    },
  };
}
