/**
 * The DynamoDB-backed limiter for the rules in shared/http/rate-limits.ts: one counter item per (rule,
 * subject, window), incremented atomically; the TTL removes it after its window.
 *
 * Access pattern: UpdateItem ADD hits on pk `RATE#<rule>#<subject>`, sk `<windowStart>`; TTL expiresAt.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../../shared/errors';
import { fixedWindow, type RateRule } from '../../shared/http/rate-limits';
import { tableName } from './config';
import { dynamo } from './dynamo';

const counterKey = (rule: RateRule, subject: string, windowStart: number) => ({
  pk: `RATE#${rule.name}#${subject}`,
  sk: String(windowStart),
});

/** Counts one hit; throws 429 TOO_MANY_REQUESTS (with the seconds to wait) once the window's limit is passed. */
export async function hit(rule: RateRule, subject: string, nowMs = Date.now(), limit = rule.limit): Promise<void> {
  const { start, retryAfterSeconds } = fixedWindow(rule, nowMs);
  const result = await dynamo().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: counterKey(rule, subject, start),
      UpdateExpression: 'ADD hits :one SET expiresAt = if_not_exists(expiresAt, :expires)',
      ExpressionAttributeValues: { ':one': 1, ':expires': Math.ceil(start / 1000) + rule.windowSeconds + 60 },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  if (Number(result.Attributes?.hits ?? 0) > limit) throw tooManyRequests(retryAfterSeconds);
}

/** Throws 429 if the window's limit is already reached, without counting (a lock-out check before an attempt). */
export async function refuseIfLocked(rule: RateRule, subject: string, nowMs = Date.now()): Promise<void> {
  const { start, retryAfterSeconds } = fixedWindow(rule, nowMs);
  const result = await dynamo().send(
    new GetCommand({
      TableName: tableName(),
      Key: counterKey(rule, subject, start),
      ConsistentRead: true,
    }),
  );
  if (Number(result.Item?.hits ?? 0) >= rule.limit) throw tooManyRequests(retryAfterSeconds);
}

/** Windows counted in this container's memory (see RATE_LIMITS.readsPerMember); old windows are dropped. */
const local = new Map<string, number>();
let localWindow = -1;

/** Counts a hit in this container's memory and returns the window's count so far. */
export function countInMemory(rule: RateRule, subject: string, nowMs = Date.now()): number {
  // One clock for every rule: windows are whole minutes or longer, and a map cleared per minute stays small.
  const { start } = fixedWindow({ name: 'memory', limit: 0, windowSeconds: 60 }, nowMs);
  if (start !== localWindow) {
    local.clear();
    localWindow = start;
  }
  const key = `${rule.name}#${subject}`;
  const hits = (local.get(key) ?? 0) + 1;
  local.set(key, hits);
  return hits;
}

/** The window's count so far, without counting (a lock-out check before an attempt). */
export function peekInMemory(rule: RateRule, subject: string, nowMs = Date.now()): number {
  const { start } = fixedWindow({ name: 'memory', limit: 0, windowSeconds: 60 }, nowMs);
  return start === localWindow ? (local.get(`${rule.name}#${subject}`) ?? 0) : 0;
}

export function hitInMemory(rule: RateRule, subject: string, nowMs = Date.now()): void {
  if (countInMemory(rule, subject, nowMs) > rule.limit) {
    throw tooManyRequests(fixedWindow(rule, nowMs).retryAfterSeconds);
  }
}

/** Tests: a new stack starts with no in-memory counts. */
export function resetInMemoryLimits(): void {
  local.clear();
}

export function tooManyRequests(retryAfterSeconds: number): DomainError {
  return new DomainError('TOO_MANY_REQUESTS', {
    message: `操作太频繁，请 ${retryAfterSeconds} 秒后再试`,
    details: { retryAfter: retryAfterSeconds },
  });
}
