/**
 * Idempotency-Key for side-effecting POSTs (DESIGN §5): the first response is stored for 24 h and returned
 * to every retry with the same key; a concurrent retry gets 409 until the first one finishes.
 *
 * Access pattern: GetItem / conditional PutItem on pk `IDEM#<subject>#<routeId>#<key>`, sk `IDEM`; TTL expiresAt.
 */
import { createHash } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../../shared/errors';
import { tableName } from './config';
import { dynamo, isConditionFailure } from './dynamo';

const TTL_SECONDS = 24 * 3600;
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;

/** A stored first answer, as a credentials route's reissue sees it (tokens already removed). */
export interface Replayed {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

interface IdempotencyRequest {
  readonly subject: string;
  readonly routeId: string;
  readonly key: string;
  readonly fingerprint: string;
  readonly execute: () => Promise<Response>;
  /**
   * The response carries credentials: store it without them (issue #6 — a stored token would outlive a
   * revocation and sit in the table for 24 h), and build every replay afresh with `reissue`.
   */
  readonly credentials?: boolean;
  readonly reissue?: (stored: Replayed) => Promise<Response>;
}

/**
 * Fields that hold credentials (a presigned upload `url` signs a write; `payParams` authorise a payment);
 * never written to the idempotency record.
 */
const CREDENTIAL_FIELDS = ['token', 'refreshToken', 'bindingCode', 'url', 'payParams'] as const;

function redact(body: string): string {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    for (const field of CREDENTIAL_FIELDS) delete parsed[field];
    return JSON.stringify(parsed);
  } catch {
    return '{}';
  }
}

interface StoredRecord {
  readonly state: 'in_progress' | 'done';
  readonly fingerprint: string;
  readonly status?: number;
  readonly body?: string;
}

function keyOf(request: IdempotencyRequest) {
  return { pk: `IDEM#${request.subject}#${request.routeId}#${request.key}`, sk: 'IDEM' };
}

async function replay(record: StoredRecord, request: IdempotencyRequest, fingerprint: string): Promise<Response> {
  if (record.fingerprint !== fingerprint) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
  if (record.state !== 'done') throw new DomainError('IDEMPOTENCY_IN_PROGRESS');
  if (request.credentials && request.reissue) {
    const body = JSON.parse(record.body ?? '{}') as Record<string, unknown>;
    return request.reissue({ status: record.status ?? 200, body });
  }
  return new Response(record.body ?? '', {
    status: record.status ?? 200,
    headers: { 'content-type': 'application/json; charset=UTF-8', 'idempotent-replayed': 'true' },
  });
}

export async function withIdempotency(request: IdempotencyRequest): Promise<Response> {
  if (!KEY_PATTERN.test(request.key)) {
    throw new DomainError('VALIDATION_FAILED', {
      message: 'Idempotency-Key 应为 8–128 位字母、数字或 _.:-',
      details: { fields: [{ path: 'header.Idempotency-Key', message: '格式不正确' }] },
    });
  }
  const Key = keyOf(request);
  const fingerprint = createHash('sha256').update(request.fingerprint).digest('base64url');
  const expiresAt = Math.floor(Date.now() / 1000) + TTL_SECONDS;
  try {
    await dynamo().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...Key, state: 'in_progress', fingerprint, expiresAt },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const existing = await dynamo().send(new GetCommand({ TableName: tableName(), Key, ConsistentRead: true }));
    return replay(existing.Item as StoredRecord, request, fingerprint);
  }
  let response: Response;
  try {
    response = await request.execute();
  } catch (error) {
    // Failed attempts are not remembered: the client may fix the cause and retry with the same key.
    await dynamo().send(new DeleteCommand({ TableName: tableName(), Key }));
    throw error;
  }
  const text = await response.clone().text();
  const body = request.credentials ? redact(text) : text;
  await dynamo().send(
    new UpdateCommand({
      TableName: tableName(),
      Key,
      UpdateExpression: 'SET #state = :done, #status = :status, body = :body',
      ExpressionAttributeNames: { '#state': 'state', '#status': 'status' },
      ExpressionAttributeValues: { ':done': 'done', ':status': response.status, ':body': body },
    }),
  );
  return response;
}
