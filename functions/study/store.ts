/**
 * Study library entities — categories, items and each item's feed entries. (Sessions, check-ins and figures:
 * ./progress-store.ts.)
 *
 * Category  pk STUDY#CATEGORIES  sk CAT#<code>
 *   - the categories: Query pk (a handful of items)
 * Item      pk STUDYITEM#<id>    sk ITEM          gsi2pk STUDYOWNER#<ownerOrgId>  gsi2sk <createdAt>#<id>
 *   - get one: GetItem; an org's own items (drafts and unpublished too), newest first: Query GSI2
 *   - every edit is a conditional write on `version`
 * Feed      pk STUDYITEM#<id>    sk FEED#<orgId>  gsi1pk STUDYFEED#<orgId>        gsi1sk <publishedAt>#<id>
 *                                                 gsi2pk STUDYFEED#<orgId>#<cat>  gsi2sk <publishedAt>#<id>
 *   - one per org the published item reaches (its targets and every org below them), carrying what a list
 *     shows: a member's library page is ONE Query on their org's feed (GSI1, or GSI2 for a category), newest
 *     first; a title search is the same Query with a filter, bounded to a few pages
 *   - an item's feed entries (to retarget or unpublish it): Query pk, begins_with(sk, FEED#)
 *   - written with the item: the item and up to 99 entries in one transaction, further entries in
 *     transactions that each re-check the item's version
 */
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { StudyItemKind } from '../../shared/study/schemas';
import { tableName } from '../commons/config';
import type { PageKey } from '../commons/cursor';
import { cancellationReasons, dynamo, queryAll, queryPage, withoutKeys } from '../commons/dynamo';
import type { TransactItem } from '../org/service';

export interface StudyTargetRecord {
  readonly orgId: string;
  readonly orgPath: string;
  readonly name: string;
}

export interface StudyItemRecord {
  readonly id: string;
  readonly title: string;
  readonly category: string;
  readonly kind: StudyItemKind;
  /** Sanitised HTML (shared/study/rich-text.ts), or null. */
  readonly body: string | null;
  readonly videoUrl: string | null;
  readonly summary: string;
  readonly minMinutes: number;
  readonly targets: StudyTargetRecord[];
  /** The org that publishes it (the author's): its secretary, and committee staff above, manage it. */
  readonly ownerOrgId: string;
  readonly ownerOrgPath: string;
  readonly ownerOrgName: string;
  readonly authorId: string;
  readonly authorName: string;
  readonly published: boolean;
  readonly publishedAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

/** What a list shows of an item, copied into each org's feed. */
export interface FeedEntry {
  readonly itemId: string;
  readonly orgId: string;
  readonly title: string;
  /** Lower-cased title: what a search compares. */
  readonly titleKey: string;
  readonly category: string;
  readonly kind: StudyItemKind;
  readonly minMinutes: number;
  readonly summary: string;
  readonly ownerOrgName: string;
  readonly publishedAt: string;
}

export interface CategoryRecord {
  readonly code: string;
  readonly name: string;
  readonly order: number;
}

export const itemKey = (id: string) => ({ pk: `STUDYITEM#${id}`, sk: 'ITEM' });
const feedKey = (itemId: string, orgId: string) => ({ pk: `STUDYITEM#${itemId}`, sk: `FEED#${orgId}` });
const categoryKey = (code: string) => ({ pk: 'STUDY#CATEGORIES', sk: `CAT#${code}` });
const feedPk = (orgId: string, category?: string) => `STUDYFEED#${orgId}${category ? `#${category}` : ''}`;

export async function listCategories(): Promise<CategoryRecord[]> {
  return queryAll<CategoryRecord>({
    TableName: tableName(),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': 'STUDY#CATEGORIES' },
  });
}

export async function putCategories(categories: readonly CategoryRecord[]): Promise<void> {
  await dynamo().send(
    new TransactWriteCommand({
      TransactItems: categories.map((category) => ({
        Put: { TableName: tableName(), Item: { ...categoryKey(category.code), ...category } },
      })),
    }),
  );
}

export async function getItem(id: string, consistent = false): Promise<StudyItemRecord | null> {
  const result = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: itemKey(id), ConsistentRead: consistent }),
  );
  return withoutKeys<StudyItemRecord>(result.Item);
}

/** The orgs whose feed holds the item now. */
export async function feedOrgIds(itemId: string): Promise<string[]> {
  const entries = await queryAll<{ orgId: string }>({
    TableName: tableName(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :feed)',
    ExpressionAttributeValues: { ':pk': `STUDYITEM#${itemId}`, ':feed': 'FEED#' },
    ProjectionExpression: 'orgId',
  });
  return entries.map((entry) => entry.orgId);
}

function itemPut(item: StudyItemRecord, expectedVersion: number | null): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: {
        ...itemKey(item.id),
        gsi2pk: `STUDYOWNER#${item.ownerOrgId}`,
        gsi2sk: `${item.createdAt}#${item.id}`,
        ...item,
      },
      ...(expectedVersion === null
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } }),
    },
  };
}

function feedPut(entry: FeedEntry): TransactItem {
  const sortKey = `${entry.publishedAt}#${entry.itemId}`;
  return {
    Put: {
      TableName: tableName(),
      Item: {
        ...feedKey(entry.itemId, entry.orgId),
        gsi1pk: feedPk(entry.orgId),
        gsi1sk: sortKey,
        gsi2pk: feedPk(entry.orgId, entry.category),
        gsi2sk: sortKey,
        ...entry,
      },
    },
  };
}

const feedDelete = (itemId: string, orgId: string): TransactItem => ({
  Delete: { TableName: tableName(), Key: feedKey(itemId, orgId) },
});

const versionCheck = (item: StudyItemRecord): TransactItem => ({
  ConditionCheck: {
    TableName: tableName(),
    Key: itemKey(item.id),
    ConditionExpression: 'version = :version',
    ExpressionAttributeValues: { ':version': item.version },
  },
});

/** DynamoDB takes at most 100 items per transaction: the item (or its version check) and 99 feed writes. */
const FEED_WRITES_PER_TRANSACTION = 99;

export type SaveOutcome = 'saved' | 'version_conflict';

/**
 * Writes the item (new: only if absent; edited: only if still at `expectedVersion`) with its feed: entries
 * to put (each org it reaches while published) and orgs whose entry goes. Feed writes beyond the first
 * transaction run only while the item is still at this version (a later edit owns the feed after that).
 */
export async function saveItem(
  item: StudyItemRecord,
  expectedVersion: number | null,
  feed: { put: readonly FeedEntry[]; remove: readonly string[] },
): Promise<SaveOutcome> {
  const writes = [...feed.put.map(feedPut), ...feed.remove.map((orgId) => feedDelete(item.id, orgId))];
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [itemPut(item, expectedVersion), ...writes.slice(0, FEED_WRITES_PER_TRANSACTION)],
      }),
    );
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (reasons?.[0] === 'ConditionalCheckFailed' || reasons?.includes('TransactionConflict')) {
      return 'version_conflict';
    }
    throw error;
  }
  for (let i = FEED_WRITES_PER_TRANSACTION; i < writes.length; i += FEED_WRITES_PER_TRANSACTION) {
    try {
      const chunk = writes.slice(i, i + FEED_WRITES_PER_TRANSACTION);
      await dynamo().send(new TransactWriteCommand({ TransactItems: [versionCheck(item), ...chunk] }));
    } catch (error) {
      if (cancellationReasons(error)?.[0] === 'ConditionalCheckFailed') break;
      throw error;
    }
  }
  return 'saved';
}

export interface FeedPage {
  readonly entries: FeedEntry[];
  readonly lastKey: PageKey | undefined;
}

/** A title search reads at most this many pages of this many entries per request. */
export const SEARCH_BOUNDS = { pageSize: 100, maxPages: 5 } as const;

/**
 * A page of an org's feed, newest first: one Query (GSI2 for a category, GSI1 otherwise). With `q` (lower
 * case), entries whose title contains it, reading at most SEARCH_BOUNDS; the page may then be short, with a
 * key to read on from.
 */
export async function feedPage(
  orgId: string,
  options: { category?: string; q?: string; limit: number; startKey?: PageKey },
): Promise<FeedPage> {
  const index = options.category ? 'gsi2' : 'gsi1';
  const base = {
    TableName: tableName(),
    IndexName: index,
    KeyConditionExpression: `${index}pk = :pk`,
    ScanIndexForward: false,
  };
  const pk = feedPk(orgId, options.category);
  if (options.q === undefined) {
    const { items, lastKey } = await queryPage<FeedEntry>({
      ...base,
      ExpressionAttributeValues: { ':pk': pk },
      Limit: options.limit,
      ExclusiveStartKey: options.startKey,
    });
    return { entries: items, lastKey };
  }
  const found: Record<string, unknown>[] = [];
  let startKey = options.startKey;
  for (let page = 0; page < SEARCH_BOUNDS.maxPages; page++) {
    const result = await dynamo().send(
      new QueryCommand({
        ...base,
        ExpressionAttributeValues: { ':pk': pk, ':q': options.q },
        FilterExpression: 'contains(titleKey, :q)',
        Limit: SEARCH_BOUNDS.pageSize,
        ExclusiveStartKey: startKey,
      }),
    );
    found.push(...(result.Items ?? []));
    startKey = result.LastEvaluatedKey;
    if (found.length >= options.limit) {
      const last = found[options.limit - 1]!;
      const cut = found.length > options.limit || startKey !== undefined;
      const lastKey = cut ? indexKey(last, index) : undefined;
      return { entries: found.slice(0, options.limit).map((item) => withoutKeys<FeedEntry>(item)!), lastKey };
    }
    if (!startKey) break;
  }
  return { entries: found.map((item) => withoutKeys<FeedEntry>(item)!), lastKey: startKey };
}

/** The index key of an item read from `index`: where the next page starts. */
function indexKey(item: Record<string, unknown>, index: 'gsi1' | 'gsi2'): PageKey {
  return { pk: item.pk, sk: item.sk, [`${index}pk`]: item[`${index}pk`], [`${index}sk`]: item[`${index}sk`] };
}

const OWNED_FIELDS = [
  'id',
  'title',
  'category',
  'kind',
  'summary',
  'minMinutes',
  'ownerOrgName',
  'published',
  'publishedAt',
] as const;
export type OwnedItem = Pick<StudyItemRecord, (typeof OWNED_FIELDS)[number]>;

/** An org's own items (every state), newest first: Query GSI2, without the bodies. */
export async function ownedPage(orgId: string, limit: number, startKey?: PageKey) {
  const page = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': `STUDYOWNER#${orgId}` },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: startKey,
      // A list needs no body (up to 50,000 characters each): a page stays small.
      ProjectionExpression: OWNED_FIELDS.map((_, i) => `#f${i}`).join(', '),
      ExpressionAttributeNames: Object.fromEntries(OWNED_FIELDS.map((field, i) => [`#f${i}`, field])),
    }),
  );
  return { items: (page.Items ?? []) as OwnedItem[], lastKey: page.LastEvaluatedKey };
}
