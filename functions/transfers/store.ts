/**
 * The transfers store: the only file that reads or writes the items of ./keys.ts. Writes are transaction items
 * (the caller puts them into ONE TransactWriteItems with whatever else the fact changes); reads are GetItem and
 * Query only.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../commons/config';
import type { PageKey } from '../commons/cursor';
import { batchGetAll, dynamo, queryAll, queryPage, withoutKeys } from '../commons/dynamo';
import { getItem, pause, type TransactItem, transact } from '../dues/store-io';
import {
  appliedKey,
  letterSeqKey,
  lettersPk,
  MINE_PREFIX,
  mineKey,
  monthPk,
  openKey,
  rootOf,
  stepSk,
  todoCountKey,
  todoPk,
  transferKey,
} from './keys';
import type { StepRecord, TransferRecord } from './records';

export { getItem, pause, type TransactItem, transact };

const table = () => tableName();

/** The item of a transfer, with the index keys its state calls for (see ./keys.ts). */
export function transferItem(record: TransferRecord): Record<string, unknown> {
  const item: Record<string, unknown> = {
    ...transferKey(record.id),
    gsi2pk: monthPk(record.rootId, record.createdAt.slice(0, 7)),
    gsi2sk: `${record.createdAt}#${record.id}`,
    ...record,
  };
  if (record.approverOrgId && record.pendingSince) {
    item.gsi1pk = todoPk(record.approverOrgId);
    item.gsi1sk = `${record.pendingSince}#${record.id}`;
  } else if (record.state === 'letter_issued' && record.letter && record.committeeOrgId) {
    item.gsi1pk = lettersPk(record.committeeOrgId);
    item.gsi1sk = `${record.letter.issuedAt}#${record.id}`;
  }
  return item;
}

/** A new transfer: the record, its first timeline entry, the member's pointer and (when open) the open lock. */
export function newTransferItems(record: TransferRecord, firstStep: StepRecord, open: boolean): TransactItem[] {
  const items: TransactItem[] = [
    { Put: { TableName: table(), Item: transferItem(record), ConditionExpression: 'attribute_not_exists(pk)' } },
    stepItem(record.id, firstStep),
    {
      Put: {
        TableName: table(),
        Item: { ...mineKey(record.memberId, record.createdAt, record.id), transferId: record.id },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
  if (open) items.push(openLockItem(record.memberId, record.id));
  return items;
}

/** Held only while no other transfer of the member is open: the key, not a read, says "at most one". */
export function openLockItem(memberId: string, transferId: string): TransactItem {
  return {
    Put: {
      TableName: table(),
      Item: { ...openKey(memberId), transferId },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** The lock goes when the transfer it names ends. */
export function releaseOpenItem(memberId: string, transferId: string): TransactItem {
  return {
    Delete: {
      TableName: table(),
      Key: openKey(memberId),
      ConditionExpression: 'transferId = :id',
      ExpressionAttributeValues: { ':id': transferId },
    },
  };
}

/** Replace a transfer only if it is still in `expected` state and version: a step is decided once. */
export function replaceTransferItem(
  next: TransferRecord,
  expected: Pick<TransferRecord, 'state' | 'version'>,
): TransactItem {
  return {
    Put: {
      TableName: table(),
      Item: transferItem(next),
      ConditionExpression: '#state = :state AND version = :version',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':state': expected.state, ':version': expected.version },
    },
  };
}

export function stepItem(transferId: string, step: StepRecord): TransactItem {
  return {
    Put: {
      TableName: table(),
      Item: { pk: transferKey(transferId).pk, sk: stepSk(step.at, step.seq), ...step },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** One more application of a member on a Shanghai day, only while fewer than `max` (it expires after a week). */
export function appliedTodayItem(memberId: string, day: string, max: number): TransactItem {
  return {
    Update: {
      TableName: table(),
      Key: appliedKey(memberId, day),
      UpdateExpression: 'ADD #count :one SET expiresAt = if_not_exists(expiresAt, :expires)',
      ConditionExpression: 'attribute_not_exists(#count) OR #count < :max',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: {
        ':one': 1,
        ':max': max,
        ':expires': Math.floor(Date.parse(`${day}T00:00:00+08:00`) / 1000) + 7 * 86_400,
      },
    },
  };
}

/** Steps waiting at an org (the 首页 badge), moved with every step. */
export function todoCountItem(approverOrgId: string, delta: number): TransactItem {
  return {
    Update: {
      TableName: table(),
      Key: todoCountKey(approverOrgId),
      UpdateExpression: 'ADD #count :delta',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: { ':delta': delta },
    },
  };
}

/**
 * A resubmission's link on the transfer it follows: only while that one is still over in the state read and
 * nothing follows it yet (two resubmissions of one transfer cannot both link).
 */
export function linkNextItem(
  previous: Pick<TransferRecord, 'id' | 'state'>,
  nextId: string,
  nowIso: string,
): TransactItem {
  return {
    Update: {
      TableName: table(),
      Key: transferKey(previous.id),
      UpdateExpression: 'SET nextId = :next, updatedAt = :now',
      ConditionExpression: '#state = :state AND attribute_type(nextId, :null)',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':next': nextId, ':now': nowIso, ':state': previous.state, ':null': 'NULL' },
    },
  };
}

export const getTransfer = (id: string, consistent = false) => getItem<TransferRecord>(transferKey(id), consistent);

/** Transfers by id (BatchGetItem), in the order asked; missing ones left out. */
export async function getTransfers(ids: readonly string[]): Promise<TransferRecord[]> {
  const unique = [...new Set(ids)];
  const found = new Map(
    (await batchGetAll(unique.map(transferKey))).map((item) => {
      const record = withoutKeys<TransferRecord>(item)!;
      return [record.id, record] as const;
    }),
  );
  return unique.flatMap((id) => found.get(id) ?? []);
}

/** A transfer and its timeline: one Query on its partition. */
export async function getTransferWithSteps(
  id: string,
): Promise<{ record: TransferRecord; steps: StepRecord[] } | null> {
  const result = await dynamo().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': transferKey(id).pk },
      ConsistentRead: true,
    }),
  );
  let record: TransferRecord | null = null;
  const steps: StepRecord[] = [];
  for (const item of result.Items ?? []) {
    if (item.sk === 'TRANSFER') record = withoutKeys<TransferRecord>(item);
    else steps.push(withoutKeys<StepRecord>(item)!);
  }
  // A transfer has at most a handful of steps: one page holds them all.
  return record ? { record, steps: steps.sort((a, b) => a.seq - b.seq) } : null;
}

export async function todoCount(approverOrgId: string): Promise<number> {
  const item = await getItem<{ count?: number }>(todoCountKey(approverOrgId));
  return Math.max(0, item?.count ?? 0);
}

/** 待我审批: newest waiting first, one Query per page. */
export async function todoPage(
  approverOrgId: string,
  limit: number,
  startKey: PageKey | undefined,
): Promise<{ records: TransferRecord[]; lastKey: PageKey | undefined }> {
  const { items, lastKey } = await queryPage<TransferRecord>({
    TableName: table(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': todoPk(approverOrgId) },
    ScanIndexForward: false,
    Limit: limit,
    ExclusiveStartKey: startKey,
  });
  return { records: items, lastKey };
}

/** Steps waiting at an org since before `beforeIso` (the overdue job). */
export function waitingSince(approverOrgId: string, beforeIso: string): Promise<TransferRecord[]> {
  return queryAll<TransferRecord>({
    TableName: table(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :before',
    ExpressionAttributeValues: { ':pk': todoPk(approverOrgId), ':before': beforeIso },
  });
}

/** Letters out (issued, no 回执 yet) of a committee, oldest first (the letter job). */
export function lettersOut(committeeOrgId: string): Promise<TransferRecord[]> {
  return queryAll<TransferRecord>({
    TableName: table(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': lettersPk(committeeOrgId) },
  });
}

/** A member's transfer ids, newest first (a member has a handful in a lifetime: one page). */
export async function memberTransferIds(memberId: string): Promise<string[]> {
  const result = await dynamo().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `MEMBER#${memberId}`, ':prefix': MINE_PREFIX },
      ScanIndexForward: false,
      Limit: 50,
    }),
  );
  return (result.Items ?? []).map((item) => String(item.transferId));
}

/** A month's transfers of a tree, newest first, one page (the committee view filters to its subtree). */
export async function monthPage(
  orgPath: string,
  month: string,
  limit: number,
  startKey: PageKey | undefined,
  filter?: { expression: string; names?: Record<string, string>; values: Record<string, unknown> },
): Promise<{ records: TransferRecord[]; lastKey: PageKey | undefined }> {
  const { items, lastKey } = await queryPage<TransferRecord>({
    TableName: table(),
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    FilterExpression: filter?.expression,
    ExpressionAttributeNames: filter?.names,
    ExpressionAttributeValues: { ':pk': monthPk(rootOf(orgPath), month), ...filter?.values },
    ScanIndexForward: false,
    Limit: limit,
    ExclusiveStartKey: startKey,
  });
  return { records: items, lastKey };
}

export const letterSeq = async (committeeOrgId: string, year: number) =>
  (await getItem<{ seq?: number }>(letterSeqKey(committeeOrgId, year), true))?.seq ?? 0;
