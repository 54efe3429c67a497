/**
 * Messages entities — each member's inbox (我的消息) and the delivery outbox over it.
 *
 * Message pk INBOX#<memberId>  sk MSG#<id>   gsi1pk MEMBER#<memberId>#MESSAGES  gsi1sk <createdAt>#<id>
 *         while due for delivery: gsi2pk OUTBOX#<shard>  gsi2sk <dueAt>#<memberId>#<id>
 *   - one of my messages: GetItem (the key holds the member, so another member's id is simply not found)
 *   - my messages, newest first: Query GSI1 (ScanIndexForward false)
 *   - due for delivery: Query GSI2 on each shard, gsi2sk ≤ now (sparse: only pending and sending messages)
 *   - one per (member, id) by key + attribute_not_exists: a fact that adds the same message twice adds one
 *   - delivery: pending → sending (conditional claim with a lease) → sent | pending (retry) | failed | skipped
 *     | unknown (the lease ran out mid-send: never retried, so never sent twice)
 * Inbox   pk INBOX#<memberId>  sk COUNTS   { unread }
 *   - unread: a maintained counter, moved in the same transaction as each new message and each mark-as-read
 */
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DeliveryState } from '../../shared/messages/delivery';
import type { MessageKind, MessageRef } from '../../shared/messages/schemas';
import { tableName } from '../commons/config';
import type { PageKey } from '../commons/cursor';
import { cancellationReasons, dynamo, isConditionFailure, queryPage, withoutKeys } from '../commons/dynamo';
import type { TransactItem } from '../org/service';

export interface MessageRecord {
  readonly id: string;
  readonly memberId: string;
  readonly kind: MessageKind;
  readonly title: string;
  readonly body: string;
  readonly ref: MessageRef | null;
  readonly createdAt: string;
  readonly readAt?: string;
  readonly delivery: DeliveryState;
  readonly attempts: number;
  /** When the next attempt is due (pending), or when the sender's lease ends (sending). */
  readonly dueAt?: string;
  /** The sender run holding the message (sending). */
  readonly claim?: string;
  readonly sentAt?: string;
  readonly lastError?: string;
}

/** The outbox is spread over this many GSI2 partitions, so a notice to thousands writes no hot key. */
export const OUTBOX_SHARDS = 8;

export function shardOf(memberId: string): number {
  let hash = 0;
  for (const char of memberId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % OUTBOX_SHARDS;
}

export const messageKey = (memberId: string, id: string) => ({ pk: `INBOX#${memberId}`, sk: `MSG#${id}` });
export const inboxKey = (memberId: string) => ({ pk: `INBOX#${memberId}`, sk: 'COUNTS' });
const outboxSk = (dueAt: string, memberId: string, id: string) => `${dueAt}#${memberId}#${id}`;

/** A new message (only if none with its id yet) and the inbox's unread counter, as transaction items. */
export function newMessageItems(message: MessageRecord): [TransactItem, TransactItem] {
  return [
    {
      Put: {
        TableName: tableName(),
        Item: {
          ...messageKey(message.memberId, message.id),
          gsi1pk: `MEMBER#${message.memberId}#MESSAGES`,
          gsi1sk: `${message.createdAt}#${message.id}`,
          ...(message.delivery === 'pending' && message.dueAt
            ? {
                gsi2pk: `OUTBOX#${shardOf(message.memberId)}`,
                gsi2sk: outboxSk(message.dueAt, message.memberId, message.id),
              }
            : {}),
          ...message,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Update: {
        TableName: tableName(),
        Key: inboxKey(message.memberId),
        UpdateExpression: 'ADD unread :one',
        ExpressionAttributeValues: { ':one': 1 },
      },
    },
  ];
}

export async function getMessage(memberId: string, id: string): Promise<MessageRecord | null> {
  const result = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: messageKey(memberId, id), ConsistentRead: true }),
  );
  return withoutKeys<MessageRecord>(result.Item);
}

export async function unreadCount(memberId: string): Promise<number> {
  const result = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: inboxKey(memberId), ConsistentRead: true }),
  );
  return Math.max(0, Number(result.Item?.unread ?? 0));
}

export async function listMessages(memberId: string, limit: number, startKey?: PageKey) {
  return queryPage<MessageRecord>({
    TableName: tableName(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': `MEMBER#${memberId}#MESSAGES` },
    ScanIndexForward: false,
    Limit: limit,
    ExclusiveStartKey: startKey,
  });
}

/** Marks a message read and moves the unread counter, once: → 'read', or 'unchanged' (already read / none). */
export async function markRead(memberId: string, id: string, nowIso: string): Promise<'read' | 'unchanged'> {
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: messageKey(memberId, id),
              UpdateExpression: 'SET readAt = :now',
              ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(readAt)',
              ExpressionAttributeValues: { ':now': nowIso },
            },
          },
          {
            Update: {
              TableName: tableName(),
              Key: inboxKey(memberId),
              UpdateExpression: 'ADD unread :less',
              ExpressionAttributeValues: { ':less': -1 },
            },
          },
        ],
      }),
    );
    return 'read';
  } catch (error) {
    if (cancellationReasons(error)?.[0] === 'ConditionalCheckFailed') return 'unchanged';
    throw error;
  }
}

/** Messages of one outbox shard due at `nowIso` (pending ones due, and sending ones whose lease ran out). */
export async function dueMessages(shard: number, nowIso: string, limit: number): Promise<MessageRecord[]> {
  const page = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk <= :upto',
      // '~' sorts after every character of an id: everything due at or before now.
      ExpressionAttributeValues: { ':pk': `OUTBOX#${shard}`, ':upto': `${nowIso}#~` },
      Limit: limit,
    }),
  );
  return (page.Items ?? []).map((item) => withoutKeys<MessageRecord>(item)!);
}

/**
 * Takes a due pending message for one sender run: the conditional update lets exactly one of several runs
 * have it. It stays in the outbox until the lease ends (then, unsettled, it counts as unknown).
 */
export async function claim(message: MessageRecord, nowIso: string, leaseEnd: string, token: string) {
  try {
    const result = await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: messageKey(message.memberId, message.id),
        UpdateExpression: 'SET delivery = :sending, claim = :token, dueAt = :lease, gsi2sk = :sk ADD attempts :one',
        ConditionExpression: 'delivery = :pending AND dueAt <= :now',
        ExpressionAttributeValues: {
          ':sending': 'sending',
          ':pending': 'pending',
          ':token': token,
          ':lease': leaseEnd,
          ':sk': outboxSk(leaseEnd, message.memberId, message.id),
          ':one': 1,
          ':now': nowIso,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return withoutKeys<MessageRecord>(result.Attributes);
  } catch (error) {
    if (isConditionFailure(error)) return null;
    throw error;
  }
}

/** How a claimed message ends up, by the run that holds it (or by the sweeper once its lease ran out). */
export type Settlement =
  | { readonly state: 'sent'; readonly at: string }
  | { readonly state: 'pending'; readonly dueAt: string; readonly error: string }
  | { readonly state: 'failed' | 'skipped' | 'unknown'; readonly error: string };

/**
 * Settles a message: as the run holding `token` (state sending), or — `token` null — as the sweeper of a
 * message whose lease ended before `nowIso`. False when the condition no longer held (someone else did).
 */
export async function settle(
  message: MessageRecord,
  token: string | null,
  outcome: Settlement,
  nowIso: string,
): Promise<boolean> {
  const values: Record<string, unknown> = { ':sending': 'sending', ':state': outcome.state };
  let update: string;
  if (outcome.state === 'sent') {
    update = 'SET delivery = :state, sentAt = :at REMOVE gsi2pk, gsi2sk, claim, dueAt';
    values[':at'] = outcome.at;
  } else if (outcome.state === 'pending') {
    update = 'SET delivery = :state, dueAt = :due, gsi2sk = :sk, lastError = :error REMOVE claim';
    Object.assign(values, {
      ':due': outcome.dueAt,
      ':sk': outboxSk(outcome.dueAt, message.memberId, message.id),
      ':error': outcome.error,
    });
  } else {
    update = 'SET delivery = :state, lastError = :error REMOVE gsi2pk, gsi2sk, claim, dueAt';
    values[':error'] = outcome.error;
  }
  const condition = token === null ? 'delivery = :sending AND dueAt <= :now' : 'delivery = :sending AND claim = :token';
  if (token === null) values[':now'] = nowIso;
  else values[':token'] = token;
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: messageKey(message.memberId, message.id),
        UpdateExpression: update,
        ConditionExpression: condition,
        ExpressionAttributeValues: values,
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
