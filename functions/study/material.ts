/**
 * What the meetings domain asks of study (a meeting's material, 补学): whether items exist and are published,
 * and when a member last completed each. Reads only, by key: BatchGetItem on the items and on the member's
 * Done items (./progress-store.ts), so a meeting never reads study's lists.
 */
import { batchGetAll } from '../commons/dynamo';
import { doneKey } from './progress-store';
import { itemKey } from './store';

export interface MaterialItem {
  readonly id: string;
  readonly title: string;
  readonly published: boolean;
}

/** The items among `ids` that exist, with their title and whether they are published. */
export async function materialItems(ids: readonly string[]): Promise<MaterialItem[]> {
  if (ids.length === 0) return [];
  const items = await batchGetAll(ids.map(itemKey), {
    ProjectionExpression: '#id, #title, #published',
    ExpressionAttributeNames: { '#id': 'id', '#title': 'title', '#published': 'published' },
  });
  return items as unknown as MaterialItem[];
}

/** itemId → the member's latest completion of it (absent when never completed). */
export async function lastCompletions(memberId: string, itemIds: readonly string[]): Promise<Map<string, string>> {
  if (itemIds.length === 0) return new Map();
  const done = await batchGetAll(
    itemIds.map((itemId) => doneKey(itemId, memberId)),
    // A Done item names its study item only in its key: pk STUDYITEM#<itemId>.
    { ProjectionExpression: 'pk, #lastAt', ExpressionAttributeNames: { '#lastAt': 'lastAt' } },
  );
  return new Map(done.map((record) => [String(record.pk).slice('STUDYITEM#'.length), String(record.lastAt)]));
}
