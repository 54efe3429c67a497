/** The 党费 store's own plumbing: one GetItem, one transaction (→ why it failed), a pause before a retry. */
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../commons/config';
import { cancellationReasons, dynamo, withoutKeys } from '../commons/dynamo';
import type { TransactItem } from '../org/service';

export type { TransactItem };

export async function getItem<T>(key: Record<string, string>, consistent = false): Promise<T | null> {
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
