/**
 * Org and Member entities — the only file that reads or writes them.
 *
 * Org     pk ORG#<id>      sk ORG        gsi2pk TREE#<rootId>          gsi2sk <path>
 *   - get one org: GetItem
 *   - a subtree (committee's view, org tree): Query GSI2 TREE#<root>, begins_with(path)
 *          gsi1pk ORGKIND#<kind>        gsi1sk <path>
 *   - every org of a kind in every tree (scheduled jobs: "every branch"), in tree order: Query GSI1
 *     ORGKIND#<kind>. Orgs written before this key existed need it backfilled (put the item again).
 *   - memberCount: active members directly in the org, changed in the same transaction as the member
 * Member  pk MEMBER#<id>   sk MEMBER     gsi1pk ORG#<orgId>#MEMBERS    gsi1sk <status>#<id>
 *   - get one member: GetItem
 *   - a branch's roster (all, or only active/inactive): Query GSI1, begins_with(status#)
 *   - a roster import: many members per transaction (member + ID claim each), one memberCount ADD per transaction
 * IdNumber pk IDNO#<idNumber> sk IDNO   — uniqueness of a person across the whole system
 *   - is this ID number on any roster: GetItem / BatchGetItem (import checks a whole file at once)
 */
import { GetCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Role } from '../../shared/auth/roles';
import type { LeaveReason, OrgKind } from '../../shared/org/schemas';
import { tableName } from '../commons/config';
import type { PageKey } from '../commons/cursor';
import { batchGetAll, dynamo, queryAll, queryPage, withoutKeys } from '../commons/dynamo';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface OrgRecord {
  readonly id: string;
  readonly name: string;
  readonly kind: OrgKind;
  readonly parentId: string | null;
  readonly rootId: string;
  readonly path: string;
  readonly memberCount: number;
}

export interface MemberRecord {
  readonly id: string;
  readonly orgId: string;
  readonly orgPath: string;
  readonly name: string;
  readonly gender: 'male' | 'female';
  readonly phone: string;
  readonly idNumber: string;
  readonly category: 'full' | 'probationary';
  readonly joinedAt: string;
  readonly roles: Role[];
  readonly status: 'active' | 'inactive';
  readonly openid?: string;
  /** 停用: why and when (only while inactive). */
  readonly leaveReason?: LeaveReason;
  readonly leaveNote?: string;
  readonly leftAt?: string;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const orgKey = (id: string) => ({ pk: `ORG#${id}`, sk: 'ORG' });
export const memberKey = (id: string) => ({ pk: `MEMBER#${id}`, sk: 'MEMBER' });
export const idNumberKey = (idNumber: string) => ({ pk: `IDNO#${idNumber}`, sk: 'IDNO' });
const rosterPk = (orgId: string) => `ORG#${orgId}#MEMBERS`;

export function orgItem(org: OrgRecord) {
  return {
    ...orgKey(org.id),
    gsi1pk: orgKindPk(org.kind),
    gsi1sk: org.path,
    gsi2pk: `TREE#${org.rootId}`,
    gsi2sk: org.path,
    ...org,
  };
}

const orgKindPk = (kind: OrgKind) => `ORGKIND#${kind}`;

/** Every org of a kind across all trees (e.g. every branch, for the jobs), by path: tree by tree, depth-first. */
export function listOrgsOfKind(kind: OrgKind): Promise<OrgRecord[]> {
  return queryAll<OrgRecord>({
    TableName: tableName(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': orgKindPk(kind) },
  });
}

export function memberItem(member: MemberRecord) {
  return {
    ...memberKey(member.id),
    gsi1pk: rosterPk(member.orgId),
    gsi1sk: `${member.status}#${member.id}`,
    ...member,
  };
}

export async function getOrg(id: string): Promise<OrgRecord | null> {
  const result = await dynamo().send(new GetCommand({ TableName: tableName(), Key: orgKey(id) }));
  return withoutKeys<OrgRecord>(result.Item);
}

export async function getMember(id: string, consistent = false): Promise<MemberRecord | null> {
  const result = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: memberKey(id), ConsistentRead: consistent }),
  );
  return withoutKeys<MemberRecord>(result.Item);
}

export async function getMembers(ids: readonly string[]): Promise<MemberRecord[]> {
  return (await batchGetAll(ids.map(memberKey))).map((item) => withoutKeys<MemberRecord>(item)!);
}

export function listSubtree(org: OrgRecord): Promise<OrgRecord[]> {
  return queryAll<OrgRecord>({
    TableName: tableName(),
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :root AND begins_with(gsi2sk, :path)',
    ExpressionAttributeValues: { ':root': `TREE#${org.rootId}`, ':path': org.path },
  });
}

export interface RosterPage {
  readonly items: MemberRecord[];
  /** DynamoDB's LastEvaluatedKey: the service turns it into a signed cursor. */
  readonly lastKey: PageKey | undefined;
}

export async function listRoster(
  orgId: string,
  options: { status?: 'active' | 'inactive' | 'all'; limit?: number; startKey?: PageKey } = {},
): Promise<RosterPage> {
  const status = options.status ?? 'active';
  const prefix = status === 'all' ? '' : `${status}#`;
  return queryPage<MemberRecord>({
    TableName: tableName(),
    IndexName: 'gsi1',
    KeyConditionExpression: prefix ? 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)' : 'gsi1pk = :pk',
    ExpressionAttributeValues: prefix ? { ':pk': rosterPk(orgId), ':prefix': prefix } : { ':pk': rosterPk(orgId) },
    Limit: options.limit,
    ExclusiveStartKey: options.startKey,
  });
}

/** Every active member of an org (all pages). */
export async function listActiveMembers(orgId: string): Promise<MemberRecord[]> {
  return listAllRoster(orgId, 'active');
}

/** Every member of an org with a status (or all), every page. */
export async function listAllRoster(orgId: string, status: 'active' | 'inactive' | 'all'): Promise<MemberRecord[]> {
  const members: MemberRecord[] = [];
  let startKey: PageKey | undefined;
  do {
    const page = await listRoster(orgId, { status, limit: 500, startKey });
    members.push(...page.items);
    startKey = page.lastKey;
  } while (startKey);
  return members;
}

export function putOrgItem(org: OrgRecord): TransactItem {
  return { Put: { TableName: tableName(), Item: orgItem(org), ConditionExpression: 'attribute_not_exists(pk)' } };
}

/**
 * A new member without the org's count: the member item and its ID-number claim (in this order). Imports put
 * many of these in one transaction with ONE countChange, since a transaction may touch the org item only once.
 */
export function memberInsertItems(member: MemberRecord): [TransactItem, TransactItem] {
  return [
    { Put: { TableName: tableName(), Item: memberItem(member), ConditionExpression: 'attribute_not_exists(pk)' } },
    {
      Put: {
        TableName: tableName(),
        Item: { ...idNumberKey(member.idNumber), memberId: member.id },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
}

/** A new member: the member item, its ID-number claim, and the org's count, as transaction items. */
export function newMemberItems(member: MemberRecord): TransactItem[] {
  return [...memberInsertItems(member), countChange(member.orgId, member.status === 'active' ? 1 : 0)];
}

/** Undoes memberInsertItems for a member nobody has touched since (an import rolled back). */
export function memberRemovalItems(member: MemberRecord): [TransactItem, TransactItem] {
  return [
    {
      Delete: {
        TableName: tableName(),
        Key: memberKey(member.id),
        ConditionExpression: 'version = :version',
        ExpressionAttributeValues: { ':version': member.version },
      },
    },
    {
      Delete: {
        TableName: tableName(),
        Key: idNumberKey(member.idNumber),
        ConditionExpression: 'memberId = :id',
        ExpressionAttributeValues: { ':id': member.id },
      },
    },
  ];
}

/** Largest TransactWriteItems request DynamoDB accepts. */
export const MAX_TRANSACT_ITEMS = 100;

export function countChange(orgId: string, delta: number): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: orgKey(orgId),
      UpdateExpression: 'ADD memberCount :delta',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':delta': delta },
    },
  };
}

/** Replace a member, only if nobody changed it since `expectedVersion`. */
export function replaceMemberItem(member: MemberRecord, expectedVersion: number): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: memberItem(member),
      ConditionExpression: 'attribute_exists(pk) AND version = :expected',
      ExpressionAttributeValues: { ':expected': expectedVersion },
    },
  };
}

export async function transact(items: TransactItem[]): Promise<void> {
  await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
}

export async function idNumbersTaken(idNumbers: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(idNumbers)];
  const found = await batchGetAll(unique.map(idNumberKey));
  return new Set(found.map((item) => String(item.pk).slice('IDNO#'.length)));
}
