/**
 * Opaque, authenticated list cursors (issue #6): base64url(JSON of DynamoDB's LastEvaluatedKey) + '.' +
 * HMAC over it AND the list it belongs to (route and filters). A cursor we did not issue, or one issued for
 * another list or filter, is 400 CURSOR_INVALID — never a silent first page and never a DynamoDB
 * ValidationException (a key that does not fit the index) answered as 500.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../shared/errors';
import { appSecrets } from './config';

export type PageKey = Record<string, unknown>;

let derived: { from: string; key: Buffer } | undefined;
async function cursorKey(): Promise<Buffer> {
  const { jwtSecret } = await appSecrets();
  // A key of its own, derived from the app secret: a cursor MAC can never be replayed as a token signature.
  if (derived?.from !== jwtSecret) {
    derived = { from: jwtSecret, key: createHmac('sha256', jwtSecret).update('xianfeng/cursor/v1').digest() };
  }
  return derived.key;
}

function mac(key: Buffer, body: string, list: string): Buffer {
  return createHmac('sha256', key).update(`${list}\n${body}`).digest().subarray(0, 18);
}

/**
 * `list` names the list and every filter that shapes it, e.g. `meetings.activities|org=o1`; a cursor only
 * continues the list it came from.
 */
export async function encodeCursor(key: PageKey | undefined, list: string): Promise<string | null> {
  if (!key) return null;
  const body = Buffer.from(JSON.stringify(key)).toString('base64url');
  return `${body}.${mac(await cursorKey(), body, list).toString('base64url')}`;
}

export function cursorInvalid(): DomainError {
  return new DomainError('CURSOR_INVALID', { details: { fields: [{ path: 'cursor', message: '分页游标无效' }] } });
}

export async function decodeCursor(cursor: string | undefined, list: string): Promise<PageKey | undefined> {
  if (cursor === undefined || cursor === '') return undefined;
  const match = /^([A-Za-z0-9_-]{2,1024})\.([A-Za-z0-9_-]{24})$/.exec(cursor);
  if (!match) throw cursorInvalid();
  const [, body, signature] = match as unknown as [string, string, string];
  const expected = mac(await cursorKey(), body, list);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw cursorInvalid();
  try {
    const value: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as PageKey;
  } catch {
    // signed by us but unreadable cannot happen; treat it as bad input all the same
  }
  throw cursorInvalid();
}
