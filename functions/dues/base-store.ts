/** 党费 bases and each member's timeline of approved ones (keys and access patterns: ./keys.ts). */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../commons/config';
import { decodeCursor, encodeCursor } from '../commons/cursor';
import { batchGetAll, dynamo, withoutKeys } from '../commons/dynamo';
import { baseKey, memberBasesPk, pendingBasesPk, profileKey, rootOf } from './keys';
import type { ApprovedBase, BaseRecord } from './records';
import { getItem, type TransactItem } from './store-io';

export const getBase = (id: string, consistent = false) => getItem<BaseRecord>(baseKey(id), consistent);

export function basePut(base: BaseRecord): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: {
        ...baseKey(base.id),
        gsi1pk: pendingBasesPk(rootOf(base.orgPath)),
        gsi1sk: `${base.orgPath}${base.declaredAt}#${base.id}`,
        gsi2pk: memberBasesPk(base.memberId),
        gsi2sk: `${base.fromMonth}#${base.declaredAt}`,
        ...base,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** The decision: once, on the pending version; the base leaves the pending list. */
export function baseDecided(before: BaseRecord, after: BaseRecord): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: baseKey(before.id),
      UpdateExpression:
        'SET #status = :status, decidedBy = :by, decidedAt = :at, #comment = :comment, version = :next REMOVE gsi1pk, gsi1sk',
      ConditionExpression: '#status = :pending AND version = :version',
      ExpressionAttributeNames: { '#status': 'status', '#comment': 'comment' },
      ExpressionAttributeValues: {
        ':status': after.status,
        ':by': after.decidedBy,
        ':at': after.decidedAt,
        ':comment': after.comment,
        ':next': after.version,
        ':pending': 'pending',
        ':version': before.version,
      },
    },
  };
}

/** Pending declarations of an org's subtree (a branch: its own), newest first within each branch. */
export async function pendingBases(
  org: { id: string; path: string; rootId: string },
  limit: number,
  cursor: string | undefined,
): Promise<{ bases: BaseRecord[]; nextCursor: string | null }> {
  const list = `dues.bases|org=${org.id}`;
  const result = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :path)',
      ExpressionAttributeValues: { ':pk': pendingBasesPk(org.rootId), ':path': org.path },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: await decodeCursor(cursor, list),
    }),
  );
  return {
    bases: (result.Items ?? []).map((item) => withoutKeys<BaseRecord>(item)!),
    nextCursor: await encodeCursor(result.LastEvaluatedKey, list),
  };
}

/** A member's latest declarations (newest first). */
export async function memberBases(memberId: string, limit = 20): Promise<BaseRecord[]> {
  const result = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': memberBasesPk(memberId) },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (result.Items ?? []).map((item) => withoutKeys<BaseRecord>(item)!);
}

// ── profile: the approved bases ────────────────────────────────────────────────────────────────────────────
export interface ProfileRecord {
  readonly memberId: string;
  readonly bases: ApprovedBase[];
}

export const getProfile = (memberId: string) => getItem<ProfileRecord>(profileKey(memberId));

export async function getProfiles(memberIds: readonly string[]): Promise<Map<string, ProfileRecord>> {
  const items = await batchGetAll([...new Set(memberIds)].map(profileKey));
  const profiles = items.map((item) => withoutKeys<ProfileRecord>(item)!);
  return new Map(profiles.map((profile) => [profile.memberId, profile]));
}

export function profileAppend(memberId: string, approved: ApprovedBase): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: profileKey(memberId),
      UpdateExpression: 'SET memberId = :m, bases = list_append(if_not_exists(bases, :empty), :one)',
      ExpressionAttributeValues: { ':m': memberId, ':empty': [], ':one': [approved] },
    },
  };
}
