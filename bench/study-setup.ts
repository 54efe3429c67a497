/**
 * Helpers of bench/study.ts: a meter on the DynamoDB client (calls and consumed capacity, read from
 * ReturnConsumedCapacity), large rosters written the way a roster import writes them, and a keep-alive
 * HTTP client for the local API.
 */
import { Agent, request } from 'node:http';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../functions/commons/config';
import { dynamo } from '../functions/commons/dynamo';
import { writeMembers } from '../functions/org/importer';
import { type MemberRecord, newMemberRecord, type OrgRecord } from '../functions/org/service';
import type { MemberClaims } from '../shared/auth/roles';
import { withIdChecksum } from '../shared/org/rules';

interface Capacity {
  readonly CapacityUnits?: number;
}

/** One DynamoDB request seen by the meter. */
export interface MeteredCall {
  readonly command: string;
  readonly index: string | undefined;
  readonly units: number;
}

type Next = (args: { input: object }) => Promise<{ output: unknown }>;
interface MeterStack {
  add(middleware: (next: Next, context: { commandName?: string }) => Next, options: object): void;
  remove(name: string): boolean;
}

const READS = new Set(['GetItemCommand', 'QueryCommand', 'BatchGetItemCommand', 'TransactGetItemsCommand']);

/**
 * While metering, every request of the process's DynamoDB client (the in-process local API's handlers too)
 * asks for ReturnConsumedCapacity=TOTAL and is recorded: meter one request running alone.
 */
export function meterDynamo() {
  let calls: MeteredCall[] = [];
  const middleware = (next: Next, context: { commandName?: string }) => async (args: { input: object }) => {
    const input: Record<string, unknown> = { ...args.input, ReturnConsumedCapacity: 'TOTAL' };
    const result = await next({ ...args, input });
    const used = (result.output as { ConsumedCapacity?: Capacity | Capacity[] }).ConsumedCapacity ?? [];
    calls.push({
      command: context.commandName ?? 'unknown',
      index: typeof input.IndexName === 'string' ? input.IndexName : undefined,
      units: [used].flat().reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0),
    });
    return result;
  };
  /** The calls `work` made, and the read and write capacity they consumed (the meter is on only meanwhile). */
  return async (work: () => Promise<unknown>) => {
    calls = [];
    const stack = dynamo().middlewareStack as unknown as MeterStack;
    stack.add(middleware, { step: 'initialize', name: 'benchMeter' });
    try {
      await work();
    } finally {
      stack.remove('benchMeter');
    }
    const sum = (read: boolean) =>
      calls.filter((call) => READS.has(call.command) === read).reduce((total, call) => total + call.units, 0);
    return { calls, rcu: sum(true), wcu: sum(false) };
  };
}

/** `count` active members of `branch`, written in the roster import's transactions (49 members each). */
export async function enrol(branch: OrgRecord, count: number, tag: number): Promise<MemberRecord[]> {
  const now = new Date().toISOString();
  const pending = Array.from({ length: count }, (_, n) => ({
    row: n + 2,
    member: newMemberRecord(
      branch,
      {
        name: `党员${tag}-${n}`,
        gender: n % 2 ? 'male' : 'female',
        phone: `13${tag}${String(n).padStart(8, '0')}`,
        // Unique per (tag, n): birth year 19(50 + 5·tag + n div 1000), sequence n mod 1000.
        idNumber: withIdChecksum(
          `110101${1950 + 5 * tag + Math.floor(n / 1000)}0101${String(n % 1000).padStart(3, '0')}`,
        ),
        category: 'full',
        joinedAt: '2010-07-01',
      },
      now,
    ),
  }));
  await writeMembers(branch, pending);
  return pending.map((p) => p.member);
}

export const claimsOf = (member: MemberRecord): MemberClaims => ({
  kind: 'member',
  memberId: member.id,
  name: member.name,
  orgId: member.orgId,
  orgPath: member.orgPath,
  roles: member.roles,
});

export const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** A keep-alive client, like a phone's connection to API Gateway: the request is timed, not TCP set-up. */
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

export interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly ms: number;
}

export function call(method: 'GET' | 'POST', url: string, bearer: string, body?: unknown): Promise<Answer> {
  const payload = body === undefined ? '' : JSON.stringify(body);
  const started = performance.now();
  return new Promise((ok, fail) => {
    const req = request(url, {
      method,
      agent,
      headers: {
        authorization: `Bearer ${bearer}`,
        ...(method === 'POST'
          ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
          : {}),
      },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        const ms = performance.now() - started;
        let parsed: Record<string, unknown> = {};
        try {
          parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
        } catch {
          parsed = { text };
        }
        ok({ status: res.statusCode ?? 0, body: parsed, ms });
      });
    });
    req.on('error', fail);
    req.end(payload);
  });
}

/** Counts answers by status. */
export class Statuses {
  readonly counts = new Map<number, number>();
  add(status: number): void {
    this.counts.set(status, (this.counts.get(status) ?? 0) + 1);
  }
  of(status: number): number {
    return this.counts.get(status) ?? 0;
  }
  get fivexx(): number {
    return [...this.counts].filter(([status]) => status >= 500).reduce((n, [, c]) => n + c, 0);
  }
}

/** The notice's receipts, counted from the table (pk NOTICE#<id>, sk READ#<memberId>). */
export async function countReceipts(noticeId: string): Promise<number> {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :read)',
        ExpressionAttributeValues: { ':pk': `NOTICE#${noticeId}`, ':read': 'READ#' },
        Select: 'COUNT',
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}
