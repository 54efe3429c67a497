/** 党费 orders, payments and a branch's settings (keys and access patterns: ./keys.ts). */
import { PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../commons/config';
import { dynamo, withoutKeys } from '../commons/dynamo';
import { memberPaymentsPk, orderKey, paymentKey, refundsPk, settingsKey } from './keys';
import type { OrderRecord, PaymentRecord } from './records';
import { getItem, type TransactItem } from './store-io';

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

export interface RefundDueRecord {
  readonly outTradeNo: string;
  readonly transactionId: string;
  readonly memberId: string;
  readonly memberName: string;
  readonly amountFen: number;
  readonly at: string;
}

/** Money to refund recorded in a branch's month (a handful at most: it only comes of a race). */
export async function refundsDue(orgId: string, month: string): Promise<RefundDueRecord[]> {
  const result = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :month)',
      ExpressionAttributeValues: { ':pk': refundsPk(orgId), ':month': `${month}#` },
      Limit: 50,
    }),
  );
  return (result.Items ?? []).map((item) => withoutKeys<RefundDueRecord>(item)!);
}

/** An order leaves `created` (paid, closed, refund due) exactly once: the condition every such write carries. */
export function orderLeavesCreated(
  outTradeNo: string,
  status: Exclude<OrderRecord['status'], 'created'>,
  fields: Record<string, unknown> = {},
): TransactItem {
  const names = Object.keys(fields);
  return {
    Update: {
      TableName: tableName(),
      Key: orderKey(outTradeNo),
      UpdateExpression: `SET #status = :status${names.map((_name, i) => `, #f${i} = :f${i}`).join('')}`,
      ConditionExpression: '#status = :created',
      ExpressionAttributeNames: {
        '#status': 'status',
        ...Object.fromEntries(names.map((name, i) => [`#f${i}`, name])),
      },
      ExpressionAttributeValues: {
        ':status': status,
        ':created': 'created',
        ...Object.fromEntries(names.map((name, i) => [`:f${i}`, fields[name]])),
      },
    },
  };
}
