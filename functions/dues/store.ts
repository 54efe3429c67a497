/**
 * The only files that read and write 党费 items (keys and access patterns: ./keys.ts): bills and the branch-month
 * figures here; bases in ./base-store.ts; orders, payments and settings in ./money-store.ts — all reached as
 * `store.*`.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../commons/config';
import { decodeCursor, encodeCursor } from '../commons/cursor';
import { batchGetAll, dynamo, withoutKeys } from '../commons/dynamo';
import { billKey, branchBillsPk, monthKey, rootOf, treeMonthPk } from './keys';
import type { BillRecord } from './records';
import { getItem, type TransactItem } from './store-io';

export * from './base-store';
export { rootOf } from './keys';
export * from './money-store';
export { pause, type TransactItem, transact } from './store-io';

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
