/** The only file that reads and writes 党费 items (keys and access patterns: ./keys.ts). */
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../commons/config';
import { decodeCursor, encodeCursor } from '../commons/cursor';
import { batchGetAll, cancellationReasons, dynamo, withoutKeys } from '../commons/dynamo';
import type { TransactItem } from '../org/service';
import {
  baseKey,
  billKey,
  branchBillsPk,
  memberBasesPk,
  memberPaymentsPk,
  monthKey,
  orderKey,
  paymentKey,
  pendingBasesPk,
  profileKey,
  settingsKey,
  treeMonthPk,
} from './keys';
import type { ApprovedBase, BaseRecord, BillRecord, OrderRecord, PaymentRecord } from './records';

export type { TransactItem };

async function getItem<T>(key: Record<string, string>, consistent = false): Promise<T | null> {
  const result = await dynamo().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: consistent }));
  return withoutKeys<T>(result.Item);
}

/** One transaction; → null when it committed, else why each item failed ('ConditionalCheckFailed', …). */
export async function transact(items: TransactItem[]): Promise<string[] | null> {
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
    return null;
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (!reasons) throw error;
    return reasons;
  }
}

export const pause = (round: number) => new Promise((ok) => setTimeout(ok, 5 + Math.random() * 25 * (round + 1)));

// ── bases ──────────────────────────────────────────────────────────────────────────────────────────────────
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

// ── bills ──────────────────────────────────────────────────────────────────────────────────────────────────
export function billItem(bill: BillRecord): Record<string, unknown> {
  return {
    ...billKey(bill.memberId, bill.month),
    gsi1pk: branchBillsPk(bill.orgId, bill.month),
    gsi1sk: `${bill.status}#${bill.memberId}`,
    ...bill,
  };
}

export function billPut(bill: BillRecord): TransactItem {
  return { Put: { TableName: tableName(), Item: billItem(bill), ConditionExpression: 'attribute_not_exists(pk)' } };
}

/** A re-assessment's new price for an unpaid bill, on the version read and only while no order holds it. */
export function billRepriced(
  bill: BillRecord,
  price: {
    baseId: string;
    category: BillRecord['category'];
    amountFen: number;
    computation: BillRecord['computation'];
  },
): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: billKey(bill.memberId, bill.month),
      UpdateExpression:
        'SET baseId = :base, category = :category, amountFen = :amount, computation = :computation, version = :next',
      ConditionExpression: '#status = :unpaid AND version = :version AND attribute_not_exists(openOrder)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':base': price.baseId,
        ':category': price.category,
        ':amount': price.amountFen,
        ':computation': price.computation,
        ':next': bill.version + 1,
        ':unpaid': 'unpaid',
        ':version': bill.version,
      },
    },
  };
}

export async function getBills(keys: readonly { memberId: string; month: string }[]): Promise<BillRecord[]> {
  const items = await batchGetAll(keys.map((key) => billKey(key.memberId, key.month)));
  return items.map((item) => withoutKeys<BillRecord>(item)!);
}

/** A member's bills, newest month first. */
export async function memberBills(memberId: string, limit = 36): Promise<BillRecord[]> {
  const result = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :bill)',
      ExpressionAttributeValues: { ':pk': billKey(memberId, '').pk, ':bill': 'BILL#' },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (result.Items ?? []).map((item) => withoutKeys<BillRecord>(item)!);
}

/** One page of a branch's bills of a month, optionally only unpaid or paid ones (member order). */
export async function branchBillsPage(
  orgId: string,
  month: string,
  options: { status?: 'unpaid' | 'paid'; limit: number; cursor?: string },
): Promise<{ bills: BillRecord[]; nextCursor: string | null }> {
  const list = `dues.bills|org=${orgId}|month=${month}|status=${options.status ?? 'all'}`;
  const result = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: options.status ? 'gsi1pk = :pk AND begins_with(gsi1sk, :status)' : 'gsi1pk = :pk',
      ExpressionAttributeValues: {
        ':pk': branchBillsPk(orgId, month),
        ...(options.status ? { ':status': `${options.status}#` } : {}),
      },
      Limit: options.limit,
      ExclusiveStartKey: await decodeCursor(options.cursor, list),
    }),
  );
  return {
    bills: (result.Items ?? []).map((item) => withoutKeys<BillRecord>(item)!),
    nextCursor: await encodeCursor(result.LastEvaluatedKey, list),
  };
}

/** Every bill of a branch's month (generation, exports): page by page. */
export async function allBranchBills(orgId: string, month: string, status?: 'unpaid' | 'paid'): Promise<BillRecord[]> {
  const bills: BillRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await branchBillsPage(orgId, month, { status, limit: 500, cursor });
    bills.push(...page.bills);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return bills;
}

// ── branch-month figures ───────────────────────────────────────────────────────────────────────────────────
export type MonthDelta = Partial<
  Record<
    'dueFen' | 'paidFen' | 'members' | 'paidMembers' | 'voluntaryFen' | 'lateNotifications' | 'refundDueFen',
    number
  >
>;

export interface MonthRecord extends Required<MonthDelta> {
  readonly orgId: string;
  readonly orgPath: string;
  readonly month: string;
}

export const rootOf = (orgPath: string) => orgPath.split('/')[1] ?? '';

/** ADDs the delta to the branch-month figures (created on first use), in the fact's own transaction. */
export function monthAdd(org: { orgId: string; orgPath: string }, month: string, delta: MonthDelta): TransactItem {
  const entries = Object.entries(delta).filter(([, value]) => value !== 0 && value !== undefined);
  const adds = entries.map((_, i) => `#a${i} :a${i}`);
  return {
    Update: {
      TableName: tableName(),
      Key: monthKey(org.orgId, month),
      UpdateExpression: `SET orgId = :org, orgPath = :path, #month = :month, gsi1pk = :g1, gsi1sk = :path${
        adds.length ? ` ADD ${adds.join(', ')}` : ''
      }`,
      ExpressionAttributeNames: {
        '#month': 'month',
        ...Object.fromEntries(entries.map(([name], i) => [`#a${i}`, name])),
      },
      ExpressionAttributeValues: {
        ':org': org.orgId,
        ':path': org.orgPath,
        ':month': month,
        ':g1': treeMonthPk(rootOf(org.orgPath), month),
        ...Object.fromEntries(entries.map(([, value], i) => [`:a${i}`, value])),
      },
    },
  };
}

const ZERO: Required<MonthDelta> = {
  dueFen: 0,
  paidFen: 0,
  members: 0,
  paidMembers: 0,
  voluntaryFen: 0,
  lateNotifications: 0,
  refundDueFen: 0,
};

export function withZeros(record: Partial<MonthRecord> | null): Required<MonthDelta> {
  return { ...ZERO, ...Object.fromEntries(Object.entries(record ?? {}).filter(([k]) => k in ZERO)) };
}

export const getMonth = (orgId: string, month: string) => getItem<MonthRecord>(monthKey(orgId, month));

/** Every branch-month of a subtree for a month, in tree order: one Query (bounded by the tree's size). */
export async function subtreeMonths(rootId: string, orgPath: string, month: string): Promise<MonthRecord[]> {
  const found: MonthRecord[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const result = await dynamo().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :path)',
        ExpressionAttributeValues: { ':pk': treeMonthPk(rootId, month), ':path': orgPath },
        ExclusiveStartKey,
      }),
    );
    for (const item of result.Items ?? []) found.push(withoutKeys<MonthRecord>(item)!);
    ExclusiveStartKey = result.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return found;
}

// ── orders and payments ────────────────────────────────────────────────────────────────────────────────────
export const getOrder = (outTradeNo: string, consistent = false) =>
  getItem<OrderRecord>(orderKey(outTradeNo), consistent);

export const getPayment = (id: string, consistent = false) => getItem<PaymentRecord>(paymentKey(id), consistent);

export async function memberPayments(memberId: string, limit = 30): Promise<PaymentRecord[]> {
  const result = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': memberPaymentsPk(memberId) },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (result.Items ?? []).map((item) => withoutKeys<PaymentRecord>(item)!);
}

export async function setOrderPrepay(outTradeNo: string, prepayId: string): Promise<void> {
  await dynamo().send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: tableName(),
            Key: orderKey(outTradeNo),
            UpdateExpression: 'SET prepayId = :p',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':p': prepayId },
          },
        },
      ],
    }),
  );
}

// ── settings ───────────────────────────────────────────────────────────────────────────────────────────────
export interface SettingsRecord {
  readonly orgId: string;
  readonly prepayMonths: number;
  readonly version: number;
  readonly updatedBy: string | null;
  readonly updatedAt: string | null;
}

export async function getSettings(orgId: string): Promise<SettingsRecord> {
  return (
    (await getItem<SettingsRecord>(settingsKey(orgId))) ?? {
      orgId,
      prepayMonths: 0,
      version: 0,
      updatedBy: null,
      updatedAt: null,
    }
  );
}

/** On the version the writer saw (0: none yet) → false when someone saved in between. */
export async function putSettings(settings: SettingsRecord, expectedVersion: number): Promise<boolean> {
  try {
    await dynamo().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...settingsKey(settings.orgId), ...settings },
        ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :v',
        ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':v': expectedVersion } }),
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}
