/**
 * Auth entities — WeChat bindings and binding codes.
 *
 * Binding      pk OPENID#<openid>    sk BINDING   memberId        — login: GetItem by openid
 * BindingCode  pk BINDCODE#<code>    sk BINDCODE  memberId, expiresAt (TTL, epoch s), usedAt?, revokedAt?
 *   - issue: one transaction = the new code + the member's pointer (below) + the previous code revoked
 * CurrentCode  pk BINDCODE_OF#<memberId> sk BINDCODE_OF  code, expiresAt (TTL) — the member's latest code
 *   - "a new code revokes the old one", and POST …/binding-code/revoke: GetItem, then a conditional update
 *   - bind: one transaction = mark the code used (only if unused and unexpired) + create the binding
 *     (only if the openid has none) + set the member's openid (only if it has none; org service's item)
 * Session      pk SESSION#<id>       sk SESSION   memberId, openid, tokenHash, previousHash?, expiresAt (TTL),
 *              notAfter, revokedAt?
 *   - one login on one phone; its refresh token is `<id>.<secret>`, stored only as sha256(secret)
 *   - refresh: GetItem (consistent), then a conditional rotate on tokenHash (a replayed old token loses)
 */
import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../commons/config';
import { cancellationReasons, dynamo, isConditionFailure } from '../commons/dynamo';
import type { TransactItem } from '../org/service';

const bindingKey = (openid: string) => ({ pk: `OPENID#${openid}`, sk: 'BINDING' });
const codeKey = (code: string) => ({ pk: `BINDCODE#${code}`, sk: 'BINDCODE' });
const currentCodeKey = (memberId: string) => ({ pk: `BINDCODE_OF#${memberId}`, sk: 'BINDCODE_OF' });

export interface BindingCodeRecord {
  readonly code: string;
  readonly memberId: string;
  readonly expiresAt: number;
  readonly issuedBy: string;
  readonly usedAt?: string;
  /** A newer code was issued for the member, or the secretary revoked it: it answers like an unknown code. */
  readonly revokedAt?: string;
}

export async function memberIdForOpenid(openid: string): Promise<string | null> {
  const result = await dynamo().send(new GetCommand({ TableName: tableName(), Key: bindingKey(openid) }));
  return (result.Item?.memberId as string | undefined) ?? null;
}

export async function getBindingCode(code: string): Promise<BindingCodeRecord | null> {
  const result = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: codeKey(code), ConsistentRead: true }),
  );
  return (result.Item as BindingCodeRecord | undefined) ?? null;
}

export async function putBindingCode(record: BindingCodeRecord): Promise<void> {
  await dynamo().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...codeKey(record.code), ...record },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

/** The member's latest code (null if none was issued through issueCurrentBindingCode). */
export async function currentBindingCode(memberId: string): Promise<string | null> {
  const result = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: currentCodeKey(memberId), ConsistentRead: true }),
  );
  return (result.Item?.code as string | undefined) ?? null;
}

/** Marks a code revoked if it is still usable (unused, unrevoked, unexpired); false if it was not. */
function revokeItem(code: string, nowIso: string) {
  return {
    Update: {
      TableName: tableName(),
      Key: codeKey(code),
      UpdateExpression: 'SET revokedAt = :now',
      ConditionExpression:
        'attribute_exists(pk) AND attribute_not_exists(usedAt) AND attribute_not_exists(revokedAt) AND expiresAt > :nowEpoch',
      ExpressionAttributeValues: { ':now': nowIso, ':nowEpoch': Math.floor(Date.parse(nowIso) / 1000) },
    },
  };
}

export type IssueOutcome = 'issued' | 'code_taken' | 'raced';

/**
 * A new code for a member, in one transaction: the code (only if unheard of), the member's pointer moved to
 * it (only if it still names `previous`), and `previous` revoked when `revokePrevious` (it was usable).
 */
export async function issueCurrentBindingCode(
  record: BindingCodeRecord,
  previous: string | null,
  revokePrevious: boolean,
  nowIso: string,
): Promise<IssueOutcome> {
  const items: TransactItem[] = [
    {
      Put: {
        TableName: tableName(),
        Item: { ...codeKey(record.code), ...record },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: tableName(),
        Item: { ...currentCodeKey(record.memberId), code: record.code, expiresAt: record.expiresAt },
        ...(previous
          ? { ConditionExpression: 'code = :previous', ExpressionAttributeValues: { ':previous': previous } }
          : { ConditionExpression: 'attribute_not_exists(pk)' }),
      },
    },
  ];
  if (previous && revokePrevious) items.push(revokeItem(previous, nowIso));
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
    return 'issued';
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (!reasons) throw error;
    if (reasons[0] === 'ConditionalCheckFailed') return 'code_taken';
    if (reasons.some((r) => r === 'ConditionalCheckFailed' || r === 'TransactionConflict')) return 'raced';
    throw error;
  }
}

/** Revokes the member's latest code if it is still usable; false if there is none to revoke (idempotent). */
export async function revokeCurrentBindingCode(memberId: string, nowIso: string): Promise<boolean> {
  const code = await currentBindingCode(memberId);
  if (!code) return false;
  try {
    await dynamo().send(new UpdateCommand(revokeItem(code, nowIso).Update));
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export type BindOutcome = 'bound' | 'code_unusable' | 'openid_bound' | 'member_unavailable';

export async function bindOpenid(
  code: string,
  openid: string,
  memberId: string,
  memberUpdate: TransactItem,
  nowIso: string,
): Promise<BindOutcome> {
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: codeKey(code),
              UpdateExpression: 'SET usedAt = :now, usedBy = :openid',
              ConditionExpression:
                'attribute_exists(pk) AND attribute_not_exists(usedAt) AND attribute_not_exists(revokedAt) AND expiresAt > :nowEpoch',
              ExpressionAttributeValues: {
                ':now': nowIso,
                ':openid': openid,
                ':nowEpoch': Math.floor(Date.parse(nowIso) / 1000),
              },
            },
          },
          {
            Put: {
              TableName: tableName(),
              Item: { ...bindingKey(openid), memberId, boundAt: nowIso },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          memberUpdate,
        ],
      }),
    );
    return 'bound';
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (!reasons) throw error;
    if (reasons[0] === 'ConditionalCheckFailed') return 'code_unusable';
    if (reasons[1] === 'ConditionalCheckFailed') return 'openid_bound';
    if (reasons[2] === 'ConditionalCheckFailed') return 'member_unavailable';
    throw error;
  }
}

/** Seed and tests: bind directly, without a code. */
export async function putBinding(openid: string, memberId: string, memberUpdate: TransactItem): Promise<void> {
  await dynamo().send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: tableName(),
            Item: { ...bindingKey(openid), memberId, boundAt: new Date().toISOString() },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        memberUpdate,
      ],
    }),
  );
}

const sessionKey = (id: string) => ({ pk: `SESSION#${id}`, sk: 'SESSION' });

export interface SessionRecord {
  readonly id: string;
  readonly memberId: string;
  readonly openid: string;
  readonly tokenHash: string;
  /** The hash the last rotation replaced: presenting it again means the token was copied (reuse). */
  readonly previousHash?: string;
  readonly createdAt: string;
  readonly rotatedAt: string;
  /** Idle expiry (epoch s, TTL): moves forward at every refresh. */
  readonly expiresAt: number;
  /** Absolute end (epoch s): a session never outlives this, however often it is refreshed. */
  readonly notAfter: number;
  readonly revokedAt?: string;
  readonly revokedWhy?: string;
}

export async function putSession(session: SessionRecord): Promise<void> {
  await dynamo().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...sessionKey(session.id), ...session },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

export async function getSession(id: string): Promise<SessionRecord | null> {
  const result = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: sessionKey(id), ConsistentRead: true }),
  );
  return (result.Item as SessionRecord | undefined) ?? null;
}

/** Swaps the token hash, only if `fromHash` is still current and the session is not revoked. */
export async function rotateSession(
  id: string,
  fromHash: string,
  toHash: string,
  nowIso: string,
  expiresAt: number,
): Promise<boolean> {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: sessionKey(id),
        UpdateExpression: 'SET tokenHash = :to, previousHash = :from, rotatedAt = :now, expiresAt = :expires',
        ConditionExpression: 'tokenHash = :from AND attribute_not_exists(revokedAt)',
        ExpressionAttributeValues: { ':to': toHash, ':from': fromHash, ':now': nowIso, ':expires': expiresAt },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export async function revokeSession(id: string, nowIso: string, why: string): Promise<void> {
  await dynamo()
    .send(
      new UpdateCommand({
        TableName: tableName(),
        Key: sessionKey(id),
        UpdateExpression:
          'SET revokedAt = if_not_exists(revokedAt, :now), revokedWhy = if_not_exists(revokedWhy, :why)',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':now': nowIso, ':why': why },
      }),
    )
    .catch((error: unknown) => {
      if (!isConditionFailure(error)) throw error;
    });
}
