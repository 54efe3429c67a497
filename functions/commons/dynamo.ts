import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { tableName } from './config';

let client: DynamoDBDocumentClient | undefined;

/** One document client per container; DYNAMO_ENDPOINT points it at DynamoDB Local. */
export function dynamo(): DynamoDBDocumentClient {
  if (!client) {
    const endpoint = process.env.DYNAMO_ENDPOINT;
    const base = endpoint
      ? new DynamoDBClient({
          endpoint,
          region: process.env.AWS_REGION ?? 'cn-north-1',
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
          maxAttempts: 5,
        })
      : new DynamoDBClient({});
    client = DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
  }
  return client;
}

export function resetDynamoForTests(): void {
  client = undefined;
}

/** True when a write failed only because its condition did not hold. */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/** Why each item of a cancelled transaction failed ('None', 'ConditionalCheckFailed', 'TransactionConflict'…). */
export function cancellationReasons(error: unknown): string[] | null {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return null;
  const reasons = (error as Error & { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.map((reason) => reason.Code ?? 'None');
}

/** An item without its table keys: what the entity is, not where it is stored. */
export function withoutKeys<T>(item: Record<string, unknown> | undefined): T | null {
  if (!item) return null;
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g1s, gsi2pk: _g2, gsi2sk: _g2s, ...rest } = item;
  return rest as T;
}

/** Every page of a Query (for bounded sets: a branch's roster, an activity's check-ins, a subtree). */
export async function queryAll<T>(input: Omit<QueryCommandInput, 'ExclusiveStartKey'>): Promise<T[]> {
  const found: T[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(new QueryCommand({ ...input, ExclusiveStartKey }));
    for (const item of page.Items ?? []) found.push(withoutKeys<T>(item)!);
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return found;
}

type Key = Record<string, unknown>;

/** One page of a Query, keys stripped, and the key the next page starts from (the service signs it as a cursor). */
export async function queryPage<T>(input: QueryCommandInput): Promise<{ items: T[]; lastKey: Key | undefined }> {
  const page = await dynamo().send(new QueryCommand(input));
  return { items: (page.Items ?? []).map((item) => withoutKeys<T>(item)!), lastKey: page.LastEvaluatedKey };
}

/** How far a bounded read goes: at most `maxPages` pages of `pageSize` items. */
export interface PageBounds {
  readonly pageSize: number;
  readonly maxPages: number;
}

/**
 * A Query read page by page within `bounds` (raw items, keys included): `complete` is false when the bound cut
 * the list short, so a caller can say so instead of pretending it saw everything.
 */
export async function boundedQuery(
  input: Omit<QueryCommandInput, 'ExclusiveStartKey' | 'Limit'>,
  bounds: PageBounds,
): Promise<{ items: Record<string, unknown>[]; complete: boolean }> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Key | undefined;
  for (let page = 0; page < bounds.maxPages; page++) {
    const result = await dynamo().send(new QueryCommand({ ...input, Limit: bounds.pageSize, ExclusiveStartKey }));
    items.push(...(result.Items ?? []));
    ExclusiveStartKey = result.LastEvaluatedKey;
    if (!ExclusiveStartKey) return { items, complete: true };
  }
  return { items, complete: false };
}

/** Which attributes a batch read returns (all when not given). */
export interface Projection {
  readonly ProjectionExpression: string;
  readonly ExpressionAttributeNames?: Record<string, string>;
}

/**
 * BatchGetItem over any number of keys, 100 at a time, retrying what DynamoDB left unprocessed (with backoff).
 * The keys must be distinct: DynamoDB refuses a batch that names one twice.
 */
export async function batchGetAll(keys: readonly Key[], projection?: Projection): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    let pending: Key[] = keys.slice(i, i + 100);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 8) throw new Error('BatchGetItem: keys still unprocessed after retries');
      if (attempt > 0) await new Promise((ok) => setTimeout(ok, Math.min(1000, 25 * 2 ** attempt)));
      const result = await dynamo().send(
        new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: pending, ...projection } } }),
      );
      found.push(...(result.Responses?.[tableName()] ?? []));
      pending = (result.UnprocessedKeys?.[tableName()]?.Keys ?? []) as Key[];
    }
  }
  return found;
}
